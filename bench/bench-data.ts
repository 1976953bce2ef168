import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/open-database.js';
import { branches, clientNumberCounters, clients, consents, residenceRecords } from '../src/db/schema/index.js';
import { recomputeAllEligibility } from '../src/server/features/clients/eligibility.service.js';
import { createProject } from '../src/server/features/projects/projects.service.js';
import type { Ctx } from '../src/server/http/context.js';
import { type Config, loadConfig } from '../src/server/config.js';
import { selectUserByEmail } from '../src/server/features/users/users.repo.js';
import { toCentreDate } from '../src/shared/index.js';
import { branchNameOf, demoBranches, generatePeople } from '../scripts/demo/people.js';
import { demoProjects } from '../scripts/demo/projects.js';
import { createRandom } from '../scripts/demo/random.js';

const batchRows = 1_000;

/** The administrator the first-run setup creates for the benchmark; the password guards nothing. */
export const benchAdmin = { email: 'bench@example.org', password: 'bench password of no value' };
/** The address the benchmark's requests come from, allowed as the Origin of writes. */
export const benchOrigin = 'http://127.0.0.1';

/** The server's configuration for a benchmark: the headless administrator, no logging, no sign-in limit to speak of. */
export function benchConfig(): Config {
  return loadConfig({
    INTEGRA_ADMIN_EMAIL: benchAdmin.email,
    INTEGRA_ADMIN_PASSWORD: benchAdmin.password,
    INTEGRA_PUBLIC_URL: benchOrigin,
    INTEGRA_SIGN_IN_LIMIT: '10000',
    INTEGRA_REGION: 'CZ-42',
    LOG_LEVEL: 'silent',
  });
}

/** The benchmark administrator's context for calling services directly. */
export async function benchContext(db: Db): Promise<Ctx> {
  const admin = await selectUserByEmail(db, benchAdmin.email);
  if (!admin) throw new Error('the start-up did not create the administrator');
  return {
    db,
    actor: { id: admin.id, name: admin.name, roles: admin.roles, branchId: null },
    now: new Date(),
    requestId: 'bench',
    ip: '127.0.0.1',
  };
}
const dayMs = 86_400_000;

export type BenchDataSet = { clients: number; residenceRecords: number; consents: number; eligibility: number; seconds: number };

/**
 * Loads `count` generated clients with bulk INSERTs, far faster than registering them one by one.
 * Projects are created through the service first, and eligibility is then computed by the same
 * function the daily job uses, so the stored results are what the application would hold.
 */
export async function seedBenchData(ctx: Ctx, count: number, seed: number): Promise<BenchDataSet> {
  const started = performance.now();
  const { db } = ctx;
  const today = toCentreDate(ctx.now);
  for (const project of demoProjects) await createProject(ctx, project);
  const branchRows = await db
    .insert(branches)
    .values(demoBranches.map((b) => ({ name: b.name, municipality: b.municipality, address: b.address })))
    .returning({ id: branches.id, name: branches.name });
  const branchIdOf = new Map(branchRows.map((b) => [b.name, b.id]));

  const random = createRandom(seed);
  const people = generatePeople(random, count, today);
  // Registrations spread over the last three years, numbered per year in order, as the counter does.
  const registeredAt = people.map(() => ctx.now.getTime() - random.int(0, 3 * 365) * dayMs - random.int(0, dayMs)).sort((a, b) => a - b);
  const serialByYear = new Map<number, number>();
  const rows = people.map((person, i) => {
    const createdAt = new Date(registeredAt[i] as number);
    const year = Number(toCentreDate(createdAt).slice(0, 4));
    const serial = (serialByYear.get(year) ?? 0) + 1;
    serialByYear.set(year, serial);
    const archived = random.chance(0.02);
    return {
      id: crypto.randomUUID(),
      clientNumber: `${year}-${String(serial).padStart(5, '0')}`,
      givenName: person.givenName,
      familyName: person.familyName,
      givenNameNative: person.givenNameNative,
      familyNameNative: person.familyNameNative,
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      citizenships: person.citizenships,
      languages: person.languages,
      preferredLanguage: person.preferredLanguage,
      phone: person.phone,
      email: person.email,
      street: person.address?.street ?? null,
      municipality: person.address?.municipality ?? null,
      postcode: person.address?.postcode ?? null,
      district: person.address?.district ?? null,
      branchId: branchIdOf.get(branchNameOf(person.address?.district)) ?? null,
      residenceCategory: person.residence?.category ?? null,
      residenceValidFrom: person.residence?.validFrom ?? null,
      residenceValidUntil: person.residence?.validUntil ?? null,
      archived,
      archivedAt: archived ? ctx.now : null,
      archiveReason: archived ? 'Odstěhoval(a) se mimo Ústecký kraj' : null,
      createdBy: ctx.actor.id,
      createdAt,
      updatedAt: createdAt,
    };
  });
  const residenceRows = people.flatMap((person, i) => {
    const client = rows[i];
    if (!person.residence || !client) return [];
    return [{ clientId: client.id, ...person.residence, recordedBy: ctx.actor.id, recordedAt: client.createdAt }];
  });
  const consentRows = rows.map((client) => ({
    clientId: client.id,
    purpose: 'data_processing' as const,
    givenOn: toCentreDate(client.createdAt),
    recordedBy: ctx.actor.id,
    createdAt: client.createdAt,
  }));

  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += batchRows) await tx.insert(clients).values(rows.slice(i, i + batchRows));
    for (let i = 0; i < residenceRows.length; i += batchRows)
      await tx.insert(residenceRecords).values(residenceRows.slice(i, i + batchRows));
    for (let i = 0; i < consentRows.length; i += batchRows) await tx.insert(consents).values(consentRows.slice(i, i + batchRows));
    for (const [year, lastValue] of serialByYear) await tx.insert(clientNumberCounters).values({ year, lastValue });
    await recomputeAllEligibility(tx, ctx.now);
  });
  const [eligibility] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from client_eligibility`));
  return {
    clients: rows.length,
    residenceRecords: residenceRows.length,
    consents: consentRows.length,
    eligibility: eligibility?.n ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}

/** node-postgres answers `execute` with a result object, PGlite with one too: both carry `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The database's size on disk, for the report. */
export async function databaseSize(db: Db): Promise<string> {
  const [row] = rowsOf<{ size: string }>(await db.execute(sql`select pg_size_pretty(pg_database_size(current_database())) as size`));
  return row?.size ?? '?';
}
