import type { Database } from '../db/open-database.js';
import type { AppDeps } from './app.js';
import type { Config } from './config.js';
import { createAuth } from './features/auth/auth.instance.js';
import { createSessionResolver } from './features/auth/sessions.js';
import { completeSetup, isSetupRequired, loadAuthSecret } from './features/centre/centre.service.js';
import { recomputeAllEligibility } from './features/clients/eligibility.service.js';
import { setupInput } from '../shared/index.js';

const dayMs = 24 * 3_600_000;

/**
 * Wires the parts together on an opened, migrated database: the auth secret, the headless first
 * administrator when configured, and the daily eligibility refresh.
 */
export async function bootstrap(database: Database, config: Config, version: string, options: { jobs?: boolean } = {}): Promise<AppDeps> {
  const { db } = database;
  const auth = createAuth(db, config, await loadAuthSecret(db, config.authSecret));
  if (config.initialAdmin && (await isSetupRequired(db))) {
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
    const refresh = () => db.transaction((tx) => recomputeAllEligibility(tx, new Date())).catch(() => undefined);
    setInterval(refresh, dayMs).unref();
  }
  return { db, dbKind: database.kind, auth, sessions: createSessionResolver(db, auth, config), config, version };
}
