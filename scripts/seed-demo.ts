/**
 * `npm run seed:demo`: fills the configured database (the server's own environment: INTEGRA_DATA_DIR
 * or DATABASE_URL) with a demo centre of the Ústí nad Labem region: branches, three projects, staff of
 * every role, a few hundred clients, and their counselling (partners, consultations, plans, referrals,
 * tasks, documents, the next two weeks of appointments). Everything goes through the same service
 * functions the HTTP API calls, so client numbers, eligibility and the audit trail are what real use
 * would produce.
 *
 *   npm run seed:demo -- [--clients 300] [--seed 2026] [--password '…']
 *
 * It refuses to run twice (it checks for the demo accounts) and refuses an embedded database that a
 * running server holds open.
 */
import { parseArgs } from 'node:util';
import { DatabaseStartError } from '../src/db/database-start-error.js';
import { openDatabase } from '../src/db/open-database.js';
import type { Db } from '../src/db/open-database.js';
import { loadConfig } from '../src/server/config.js';
import { completeSetup, createBranch, findBranches, getCentre, isSetupRequired } from '../src/server/features/centre/centre.service.js';
import { findClients } from '../src/server/features/clients/client-search.service.js';
import { addConsent, createClient, setClientArchived, updateClient } from '../src/server/features/clients/clients.service.js';
import { createProject } from '../src/server/features/projects/projects.service.js';
import { selectUserByEmail, selectUsers } from '../src/server/features/users/users.repo.js';
import { createUser } from '../src/server/features/users/users.service.js';
import type { Actor, Ctx } from '../src/server/http/context.js';
import {
  createClientInput,
  listClientsQuery,
  password as passwordSchema,
  type Role,
  setupInput,
  toCentreDate,
} from '../src/shared/index.js';
import { type DemoClient, seedCounselling } from './demo/counselling.js';
import { branchNameOf, type DemoPerson, demoBranches, generatePeople, isShowcasePerson } from './demo/people.js';
import { demoProjects } from './demo/projects.js';
import { createRandom } from './demo/random.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '300' },
    seed: { type: 'string', default: '2026' },
    password: { type: 'string', default: 'integra-demo-2026' },
  },
});
const clientCount = Number(args.clients);
if (!Number.isInteger(clientCount) || clientCount < 0 || clientCount > 100_000) {
  throw new Error('--clients must be a whole number between 0 and 100000');
}
const demoPassword = passwordSchema.parse(args.password);

type DemoUser = { name: string; email: string; roles: Role[]; branch: string | null };

/** Staff of every role; the first one is the administrator. */
const demoUsers: DemoUser[] = [
  { name: 'Alena Procházková', email: 'admin@demo.example.org', roles: ['admin'], branch: null },
  { name: 'Petr Novotný', email: 'coordinator@demo.example.org', roles: ['coordinator'], branch: 'Ústí nad Labem' },
  { name: 'Oksana Melnyk', email: 'social@demo.example.org', roles: ['social_counsellor'], branch: 'Ústí nad Labem' },
  { name: 'Jana Svobodová', email: 'social.teplice@demo.example.org', roles: ['social_counsellor'], branch: 'Teplice' },
  { name: 'Martin Černý', email: 'legal@demo.example.org', roles: ['legal_counsellor'], branch: 'Ústí nad Labem' },
  { name: 'Lucie Králová', email: 'lecturer@demo.example.org', roles: ['lecturer'], branch: 'Most' },
  { name: 'Tereza Veselá', email: 'reception@demo.example.org', roles: ['receptionist'], branch: 'Ústí nad Labem' },
  { name: 'Hoa Nguyen', email: 'reception.decin@demo.example.org', roles: ['receptionist'], branch: 'Děčín' },
  { name: 'Jiří Marek', email: 'dpo@demo.example.org', roles: ['dpo'], branch: null },
];

const config = loadConfig();
// The embedded database is refused while a server (or another seed) holds its folder (decision 018).
const database = await openDatabase(
  config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, purpose: 'seed:demo' },
).catch((error: unknown) => {
  console.error(`The demo cannot be seeded: ${error instanceof DatabaseStartError ? error.message : String(error)}`);
  process.exit(1);
});
try {
  const existing = await Promise.all(demoUsers.map((u) => selectUserByEmail(database.db, u.email)));
  if (existing.some(Boolean)) {
    console.error('The demo is already seeded in this database (demo accounts exist); nothing was changed.');
    process.exitCode = 1;
  } else {
    await seed(database.db, database.kind);
  }
} finally {
  await database.close();
}

async function seed(db: Db, kind: string) {
  const started = Date.now();
  const now = new Date();
  const contextAt = (actor: Actor, at: Date): Ctx => ({ db, actor, now: at, requestId: 'seed-demo', ip: '127.0.0.1' });
  const contextFor = (actor: Actor): Ctx => contextAt(actor, now);

  const admin = await findOrSetUpAdmin(db);
  const asAdmin = contextFor(admin);
  const centre = await getCentre(db);
  if (centre.regionCode !== 'CZ-42') console.warn(`This centre's region is ${centre.regionCode}; the demo clients live in CZ-42.`);

  const branchIds = new Map((await findBranches(asAdmin)).map((b) => [b.name, b.id]));
  for (const branch of demoBranches) {
    if (branchIds.has(branch.name)) continue;
    const created = await createBranch(asAdmin, { name: branch.name, municipality: branch.municipality, address: branch.address });
    branchIds.set(branch.name, created.id);
  }

  const staff = new Map<string, Actor>();
  for (const user of demoUsers) {
    const branchId = user.branch ? (branchIds.get(user.branch) ?? null) : null;
    if (user.email === admin.email) {
      staff.set(user.email, { id: admin.id, name: admin.name, roles: admin.roles, branchId: admin.branchId });
      continue;
    }
    const created = await createUser(asAdmin, { ...user, password: demoPassword, branchId, locale: 'cs' });
    staff.set(user.email, { id: created.id, name: created.name, roles: created.roles, branchId: created.branchId });
  }
  const actor = (email: string) => staff.get(email) as Actor;
  const asCoordinator = contextFor(actor('coordinator@demo.example.org'));

  const projects = [];
  for (const project of demoProjects) projects.push(await createProject(asCoordinator, project));

  // Clients are registered at the branch that serves their district, by its front desk where it has one.
  const registrarOf = (branchName: string) =>
    actor(
      branchName === 'Děčín'
        ? 'reception.decin@demo.example.org'
        : branchName === 'Teplice'
          ? 'social.teplice@demo.example.org'
          : 'reception@demo.example.org',
    );
  const random = createRandom(Number(args.seed));
  const people = generatePeople(random, clientCount, toCentreDate(now));
  const counsellor = contextFor(actor('social@demo.example.org'));
  const registered: DemoClient[] = [];
  for (const person of people) {
    const branchName = branchNameOf(person.address?.district);
    const ctx = contextFor(registrarOf(branchName));
    const client = await registerWithHistory(ctx, person, branchIds.get(branchName) ?? null);
    if (random.chance(0.95)) await addConsent(ctx, client.id, { purpose: 'data_processing', givenOn: client.createdAt.slice(0, 10) });
    if (random.chance(0.6)) await addConsent(ctx, client.id, { purpose: 'funder_reporting', givenOn: client.createdAt.slice(0, 10) });
    if (random.chance(0.08)) await addConsent(ctx, client.id, { purpose: 'photos_and_media', givenOn: client.createdAt.slice(0, 10) });
    // The people docs/demo.md names stay current, so the merge and counselling demos work on them.
    const archive = random.chance(0.02) && !isShowcasePerson(person);
    if (archive) await setClientArchived(counsellor, client.id, true, 'Odstěhoval(a) se mimo Ústecký kraj');
    registered.push({ id: client.id, person, branchName, archived: archive });
  }
  const archived = registered.filter((c) => c.archived).length;

  // One person registered twice, at another branch under the Czech spelling of the name: the pair a
  // coordinator can merge. The receptionist confirmed the warning, so the confirmation is audited too.
  const twice = people.find((p) => p.familyNameNative === 'Шевченко');
  let duplicate: DemoClient | null = null;
  if (twice) {
    const { address, residence, ...fields } = twice;
    const created = await createClient(
      contextFor(actor('reception.decin@demo.example.org')),
      createClientInput.parse({
        ...fields,
        givenName: 'Oleksandr',
        familyName: 'Ševčenko',
        givenNameNative: null,
        familyNameNative: null,
        phone: '+420 731 555 018',
        branchId: branchIds.get('Děčín') ?? null,
        confirmDuplicate: true,
      }),
    );
    duplicate = {
      id: created.id,
      person: { ...twice, givenName: 'Oleksandr', familyName: 'Ševčenko' },
      branchName: 'Děčín',
      archived: false,
    };
  }

  const counselling = await seedCounselling({
    db,
    now,
    random,
    contextAt,
    staff: {
      social: actor('social@demo.example.org'),
      socialTeplice: actor('social.teplice@demo.example.org'),
      legal: actor('legal@demo.example.org'),
      reception: actor('reception@demo.example.org'),
      receptionDecin: actor('reception.decin@demo.example.org'),
      coordinator: actor('coordinator@demo.example.org'),
    },
    clients: registered,
    duplicate,
    documentDir: config.documentDir,
  });

  const eligibleCounts = [];
  for (const project of projects) {
    const query = listClientsQuery.parse({ projectId: project.id, eligible: 'true', limit: 1 });
    eligibleCounts.push(`${project.code} ${(await findClients(asCoordinator, query)).total}`);
  }

  print(`Demo centre seeded in ${((Date.now() - started) / 1000).toFixed(1)} s (${kind}).`);
  print(`  branches: ${[...branchIds.keys()].join(', ')}`);
  print(`  projects: ${projects.map((p) => p.code).join(', ')}`);
  print(
    `  clients: ${people.length} (${archived} archived)${twice ? ', and one of them registered twice' : ''}; eligible now: ${eligibleCounts.join(', ')}`,
  );
  const c = counselling;
  print(`  partners: ${c.partners}`);
  print(
    `  consultations: ${c.consultations} with ${c.served} clients (${c.legal} legal, ${c.interpreted} with an interpreter), and ${c.anonymous} anonymous`,
  );
  print(`  plans: ${c.plans} (${c.closedPlans} closed); referrals: ${c.referrals}; documents: ${c.documents}`);
  print(`  appointments: ${c.appointments} booked for the next two weeks, ${c.appointmentsToday} of them today`);
  print(`  tasks: ${c.tasks} follow-ups, ${c.permitTasks} permit-expiry alerts`);
  print();
  print('Sign in with (every demo account has the same password):');
  print(`  password: ${demoPassword}`);
  for (const user of demoUsers) {
    const roles = actor(user.email).roles.join('+');
    print(`  ${roles.padEnd(18)} ${user.email.padEnd(34)} ${user.name}${user.branch ? `, ${user.branch}` : ''}`);
  }
}

/**
 * The administrator the seed acts as: on a fresh database the demo administrator, created by the
 * first-run setup; otherwise the existing first administrator, and the demo one is added beside it.
 */
async function findOrSetUpAdmin(db: Db): Promise<Actor & { email: string }> {
  const first = demoUsers[0] as DemoUser;
  if (await isSetupRequired(db)) {
    const input = setupInput.parse({
      centreName: 'Centrum na podporu integrace cizinců – Ústecký kraj',
      regionCode: 'CZ-42',
      adminName: first.name,
      adminEmail: first.email,
      adminPassword: demoPassword,
    });
    const { userId } = await completeSetup(db, { requestId: 'seed-demo', ip: '127.0.0.1' }, input);
    return { id: userId, name: first.name, roles: ['admin', 'coordinator'], branchId: null, email: first.email };
  }
  const admins = (await selectUsers(db, { active: 'true', limit: 100, offset: 0 }))
    .map((r) => r.user)
    .filter((u) => u.roles.includes('admin'));
  const existingAdmin = admins[0];
  if (!existingAdmin) throw new Error('This Integra has users but no active administrator; the demo needs one to act as.');
  return {
    id: existingAdmin.id,
    name: existingAdmin.name,
    roles: existingAdmin.roles,
    branchId: existingAdmin.branchId,
    email: existingAdmin.email,
  };
}

/**
 * Registers a client. Those who moved from temporary protection to the special long-term residence
 * of 2025 get both records, so the residence history shows the change.
 */
async function registerWithHistory(ctx: Ctx, person: DemoPerson, branchId: string | null) {
  const { address, residence, ...fields } = person;
  const earlier =
    residence?.category === 'special_long_term_residence' && residence.validFrom
      ? {
          category: 'temporary_protection' as const,
          permitType: 'dočasná ochrana',
          validFrom: '2022-03-21',
          validUntil: residence.validFrom,
        }
      : undefined;
  const input = createClientInput.parse({ ...fields, address, branchId, residence: earlier ?? residence });
  const client = await createClient(ctx, input);
  if (earlier && residence) return updateClient(ctx, client.id, { residence });
  return client;
}
