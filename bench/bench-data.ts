import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/open-database.js';
import { branches, clientNumberCounters, clients, consents, residenceRecords } from '../src/db/schema/index.js';
import { recomputeAllEligibility } from '../src/server/features/clients/eligibility.service.js';
import { createProject } from '../src/server/features/projects/projects.service.js';
import type { Ctx } from '../src/server/http/context.js';
import { type Config, loadConfig } from '../src/server/config.js';
import { selectUserByEmail } from '../src/server/features/users/users.repo.js';
import { toCentreDate } from '../src/shared/index.js';
import { type CyrillicScheme, transliterateCyrillic } from '../src/shared/names/cyrillic-schemes.js';
import { branchNameOf, type DemoPerson, demoBranches, generatePeople } from '../scripts/demo/people.js';
import { demoProjects } from '../scripts/demo/projects.js';
import { createRandom, type Random } from '../scripts/demo/random.js';
import { stripDiacritics } from '../scripts/demo/transliteration.js';

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
const hourMs = 3_600_000;

/**
 * toCentreDate for many instants: Prague's offset from UTC is whole hours, so the date is the same
 * within an hour of UTC, and each hour's is worked out once (a new Intl formatter per call is slow).
 */
function centreDates(): (instant: Date) => string {
  const byHour = new Map<number, string>();
  return (instant) => {
    const hour = Math.floor(instant.getTime() / hourMs);
    const known = byHour.get(hour);
    if (known) return known;
    const date = toCentreDate(new Date(hour * hourMs));
    byHour.set(hour, date);
    return date;
  };
}

export type BenchDataSet = {
  clients: number;
  residenceRecords: number;
  consents: number;
  eligibility: number;
  /** Clients whose native-script names were not recorded, though the person has them. */
  withoutNativeNames: number;
  /** Clients whose passport spelling is in an older or other scheme than their country's current one. */
  olderSchemes: number;
  seconds: number;
};

/** The names and contact as stored for a client: what staff recorded, which is not always the whole truth. */
export type StoredNames = {
  givenName: string;
  familyName: string;
  givenNameNative: string | null;
  familyNameNative: string | null;
  phone: string | null;
};

/** One loaded client: the generated person (the truth, with native names always) and what was stored. */
export type BenchClient = { id: string; clientNumber: string; archived: boolean; person: DemoPerson; stored: StoredNames };

/** Share of clients with names in Cyrillic whose native names staff did not record (Latin only). */
const nativeNotRecorded = 0.12;
/** Share of Vietnamese clients recorded with diacritics in the passport fields and no separate native name. */
const vietnameseWithDiacritics = 0.25;

/**
 * Passport spellings other than the country's current scheme, with their shares: older Ukrainian
 * passports (1996 and 2007 rules, Soviet-era Russian-style spelling) and Russian passports issued
 * before 2015 (MVD 1997). The rest keep the spelling the demo generator gives (KMU 55, ICAO 9303).
 */
const olderPassportSchemes: Partial<Record<string, readonly (readonly [CyrillicScheme | null, number])[]>> = {
  UA: [
    [null, 70],
    ['uk-1996', 10],
    ['uk-2007', 10],
    ['ru-mvd310-1997', 10],
  ],
  RU: [
    [null, 75],
    ['ru-mvd310-1997', 25],
  ],
  BY: [
    [null, 75],
    ['ru-mvd310-1997', 25],
  ],
};

const hasCyrillic = (value: string | null) => !!value && /[\u0400-\u04FF]/u.test(value);

/**
 * What staff recorded for a generated person. The demo generator gives every passport spelling in the
 * country's current scheme and every native name; a register of 100,000 holds more variety: older
 * passports, native names left out, Vietnamese typed with diacritics, phones written in many ways.
 */
function storedNamesOf(random: Random, person: DemoPerson): { stored: StoredNames; olderScheme: boolean } {
  let { givenName, familyName, givenNameNative, familyNameNative } = person;
  let olderScheme = false;
  const country = person.citizenships[0] ?? '';
  if (hasCyrillic(givenNameNative) && hasCyrillic(familyNameNative)) {
    const scheme = olderPassportSchemes[country] ? random.weighted(olderPassportSchemes[country] ?? []) : null;
    if (scheme) {
      givenName = stripDiacritics(transliterateCyrillic(givenNameNative ?? '', scheme));
      familyName = stripDiacritics(transliterateCyrillic(familyNameNative ?? '', scheme));
      olderScheme = true;
    }
    if (random.chance(nativeNotRecorded)) {
      givenNameNative = null;
      familyNameNative = null;
    }
  } else if (country === 'VN' && givenNameNative && familyNameNative && random.chance(vietnameseWithDiacritics)) {
    givenName = givenNameNative;
    familyName = familyNameNative;
    givenNameNative = null;
    familyNameNative = null;
  }
  return { stored: { givenName, familyName, givenNameNative, familyNameNative, phone: phoneFormatOf(random, person.phone) }, olderScheme };
}

/** The ways staff write a phone number: with or without the country code, spaces, dashes or brackets. */
function phoneFormatOf(random: Random, phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (!digits.startsWith('420')) {
    // A foreign number as generated ("+380 67 123 4567"), run together, or with 00 for the plus.
    return random.weighted<string>([
      [phone, 60],
      [`+${digits}`, 25],
      [`00${phone.slice(1)}`, 15],
    ]);
  }
  const local = digits.slice(3);
  const [a, b, c] = [local.slice(0, 3), local.slice(3, 6), local.slice(6)];
  return random.weighted<string>([
    [`+420 ${a} ${b} ${c}`, 40],
    [`${a} ${b} ${c}`, 20],
    [local, 15],
    [`+420${local}`, 10],
    [`00420 ${a} ${b} ${c}`, 5],
    [`${a}-${b}-${c}`, 5],
    [`(+420) ${a} ${b} ${c}`, 5],
  ]);
}

/**
 * Loads `count` generated clients with bulk INSERTs, far faster than registering them one by one.
 * Projects are created through the service first, and eligibility is then computed by the same
 * function the daily job uses, so the stored results are what the application would hold. The
 * clients' name keys are left for the server's start-up to compute, as after an upgrade. Returns,
 * beside the figures, each client as generated and as stored, for the search workload.
 */
export async function seedBenchData(ctx: Ctx, count: number, seed: number): Promise<{ dataSet: BenchDataSet; loaded: BenchClient[] }> {
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
  // A stream of its own, so the people are those the demo generator gives for the seed.
  const storing = createRandom(seed + 1);
  const storedOf = people.map((person) => storedNamesOf(storing, person));
  // Registrations spread over the last three years, numbered per year in order, as the counter does.
  const registeredAt = people.map(() => ctx.now.getTime() - random.int(0, 3 * 365) * dayMs - random.int(0, dayMs)).sort((a, b) => a - b);
  const serialByYear = new Map<number, number>();
  const centreDateOf = centreDates();
  const rows = people.map((person, i) => {
    const createdAt = new Date(registeredAt[i] as number);
    const year = Number(centreDateOf(createdAt).slice(0, 4));
    const serial = (serialByYear.get(year) ?? 0) + 1;
    serialByYear.set(year, serial);
    const archived = random.chance(0.02);
    const { stored } = storedOf[i] as { stored: StoredNames };
    return {
      id: crypto.randomUUID(),
      clientNumber: `${year}-${String(serial).padStart(5, '0')}`,
      givenName: stored.givenName,
      familyName: stored.familyName,
      givenNameNative: stored.givenNameNative,
      familyNameNative: stored.familyNameNative,
      sex: person.sex,
      dateOfBirth: person.dateOfBirth,
      citizenships: person.citizenships,
      languages: person.languages,
      preferredLanguage: person.preferredLanguage,
      phone: stored.phone,
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
    givenOn: centreDateOf(client.createdAt),
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
  const dataSet = {
    clients: rows.length,
    residenceRecords: residenceRows.length,
    consents: consentRows.length,
    eligibility: eligibility?.n ?? 0,
    withoutNativeNames: storedOf.filter(({ stored }, i) => !stored.givenNameNative && hasCyrillic(people[i]?.givenNameNative ?? null))
      .length,
    olderSchemes: storedOf.filter((s) => s.olderScheme).length,
    seconds: (performance.now() - started) / 1000,
  };
  const loaded = rows.map((row, i) => ({
    id: row.id,
    clientNumber: row.clientNumber,
    archived: row.archived,
    person: people[i] as DemoPerson,
    stored: (storedOf[i] as { stored: StoredNames }).stored,
  }));
  return { dataSet, loaded };
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
