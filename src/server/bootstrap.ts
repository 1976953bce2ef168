import pino from 'pino';
import { type Database, refreshPlannerStatistics } from '../db/open-database.js';
import type { AppDeps } from './app.js';
import type { Config } from './config.js';
import { createSenders } from './features/appointments/outbox-senders.js';
import { scheduleOutboxDelivery } from './features/appointments/outbox.job.js';
import { createAuth } from './features/auth/auth.instance.js';
import { createSessionResolver } from './features/auth/sessions.js';
import { findPasswordWeakness } from './features/auth/password-policy.service.js';
import { completeSetup, isSetupRequired, loadAuthSecret } from './features/centre/centre.service.js';
import { refreshEligibilityIfStale } from './features/clients/eligibility.service.js';
import { backfillNameKeys } from './features/clients/name-keys.service.js';
import { normaliseStoredPhones } from './features/clients/stored-phones.service.js';
import { createPermitExpiryTasks } from './features/tasks/tasks.service.js';
import { serializeError } from './http/log-serializers.js';
import { nextCentreMidnight, setupInput } from '../shared/index.js';

/** What a background job needs of a logger. */
type JobLog = Pick<pino.Logger, 'info' | 'error'>;

/**
 * Keeps `client_eligibility` current for the day, and on PGlite the planner's statistics: once at start-up (a server that was down at
 * midnight catches up) and then at every midnight in Prague. A failure is logged, without the data
 * the database error quotes, and the next midnight tries again.
 */
export function scheduleEligibilityRefresh(database: Database, log: JobLog): void {
  const run = async () => {
    try {
      const clients = await refreshEligibilityIfStale(database.db, new Date());
      if (clients > 0) log.info({ clients }, 'eligibility refreshed');
      // A day's registrations change the data the planner estimates from.
      await refreshPlannerStatistics(database);
    } catch (error) {
      log.error({ err: error }, 'eligibility refresh failed');
    }
  };
  runAtStartAndEveryMidnight(run);
}

/** Runs a job now and then a second past every midnight in Prague (a timer firing a moment early still sees the new day). */
function runAtStartAndEveryMidnight(run: () => Promise<void>): void {
  const scheduleNext = () => {
    const delay = nextCentreMidnight(new Date()).getTime() - Date.now() + 1_000;
    setTimeout(() => void run().finally(scheduleNext), delay).unref();
  };
  void run().finally(scheduleNext);
}

/**
 * Raises the tasks for residence permits about to expire (decision 012), at start-up and every
 * midnight in Prague. The job makes each task once, so running it again changes nothing; a failure
 * is logged and the next midnight tries again.
 */
export function schedulePermitExpiryTasks(database: Database, log: JobLog): void {
  runAtStartAndEveryMidnight(async () => {
    try {
      const tasks = await createPermitExpiryTasks(database.db, new Date());
      if (tasks > 0) log.info({ tasks }, 'permit expiry tasks created');
    } catch (error) {
      log.error({ err: error }, 'permit expiry tasks failed');
    }
  });
}

/**
 * Wires the parts together on an opened, migrated database: the clients' name keys where missing or
 * stale, phone numbers stored before they were checked (into E.164 where they parse), the auth secret, the headless first
 * administrator when configured, and the eligibility refresh and permit-expiry tasks at start-up and every midnight.
 */
export async function bootstrap(database: Database, config: Config, version: string, options: { jobs?: boolean } = {}): Promise<AppDeps> {
  const { db } = database;
  const backfilled = await backfillNameKeys(db);
  await normaliseStoredPhones(db);
  await refreshPlannerStatistics(database, { vacuum: backfilled > 0 });
  const auth = createAuth(db, config, await loadAuthSecret(db, config.authSecret));
  if (config.initialAdmin && (await isSetupRequired(db))) {
    const weakness = await findPasswordWeakness(config.initialAdmin.password, { email: config.initialAdmin.email });
    if (weakness) {
      throw new Error(
        `INTEGRA_ADMIN_PASSWORD is refused (${weakness.code}): ${weakness.message}. Choose another, e.g. a few unrelated words.`,
      );
    }
    const input = setupInput.parse({
      centreName: config.initialCentre.name,
      regionCode: config.initialCentre.regionCode,
      adminName: config.initialAdmin.name,
      adminEmail: config.initialAdmin.email,
      adminPassword: config.initialAdmin.password,
    });
    await completeSetup(db, { requestId: 'startup', ip: '127.0.0.1' }, input);
  }
  if (options.jobs !== false) {
    const log = pino({ level: config.logLevel, serializers: { err: serializeError } });
    scheduleEligibilityRefresh(database, log);
    schedulePermitExpiryTasks(database, log);
    scheduleOutboxDelivery(db, createSenders(config.mail), log);
  }
  return {
    db,
    dbKind: database.kind,
    checkWritable: database.checkWritable,
    auth,
    sessions: createSessionResolver(db, auth, config),
    config,
    version,
  };
}
