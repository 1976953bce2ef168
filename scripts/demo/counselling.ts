import type { Db } from '../../src/db/open-database.js';
import { changeAppointmentStatus, createAppointment } from '../../src/server/features/appointments/appointments.service.js';
import { getWorkingHours } from '../../src/server/features/appointments/working-hours.service.js';
import { addConsent } from '../../src/server/features/clients/clients.service.js';
import { createAnonymousConsultation, createConsultation } from '../../src/server/features/counselling/consultations.service.js';
import { createDocumentStore } from '../../src/server/features/documents/document-store.js';
import { createPartner } from '../../src/server/features/partners/partners.service.js';
import { createReferral, updateReferral } from '../../src/server/features/partners/referrals.service.js';
import { addGoal, closePlan, openPlan, reviewPlan, updateGoal } from '../../src/server/features/plans/plans.service.js';
import { completeTask, createPermitExpiryTasks, createTask } from '../../src/server/features/tasks/tasks.service.js';
import type { Actor, Ctx } from '../../src/server/http/context.js';
import {
  addDays,
  addGoalInput,
  type ConsultationForm,
  type ConsultationKind,
  centreInstant,
  changeAppointmentStatusInput,
  closePlanInput,
  consentInput,
  createAnonymousConsultationInput,
  createAppointmentInput,
  createConsultationInput,
  createPartnerInput,
  createReferralInput,
  createTaskInput,
  daysBetween,
  type Interpreter,
  type LanguageCode,
  type LifeArea,
  lifeAreas,
  openPlanInput,
  planReviewInput,
  toCentreDate,
  updateGoalInput,
  updateReferralInput,
  type WorkingHours,
} from '../../src/shared/index.js';
import {
  anonymousTexts,
  appointmentPurposes,
  type CounsellingText,
  cancelReasons,
  declinedOutcome,
  goalTemplates,
  legalPurposes,
  legalTexts,
  lifeAreaOfTopic,
  newContacts,
  otherTexts,
  referralTexts,
  reviewSummaries,
  sayFor,
  socialTexts,
  type TopicCode,
} from './counselling-texts.js';
import { createDiary, type Diary, findWorkingDays, isWorkingDay } from './diary.js';
import { uploadDemoDocument } from './documents.js';
import { demoPartners, type PartnerKey } from './partners.js';
import { type DemoPerson, isShowcasePerson } from './people.js';
import { createRandom, type Random } from './random.js';

/** A registered demo client as the counselling part needs it. */
export type DemoClient = { id: string; person: DemoPerson; branchName: string; archived: boolean };

type Counsellor = 'social' | 'socialTeplice' | 'legal';
export type DemoStaff = Record<Counsellor | 'reception' | 'receptionDecin' | 'coordinator', Actor>;

export type CounsellingSeed = {
  db: Db;
  now: Date;
  random: Random;
  /** The context of a staff member acting at a moment: the past for history, `now` for what is booked today. */
  contextAt: (actor: Actor, at: Date) => Ctx;
  staff: DemoStaff;
  clients: readonly DemoClient[];
  /** The second record of the person registered twice, to whom the merge demo moves history. */
  duplicate: DemoClient | null;
  documentDir: string;
};

/** Languages the demo counsellors speak with clients: Oksana Melnyk also Ukrainian and Russian, and interprets for colleagues. */
const spokenBy: Record<Counsellor, readonly LanguageCode[]> = {
  social: ['cs', 'sk', 'uk', 'ru', 'en'],
  socialTeplice: ['cs', 'sk', 'en', 'de'],
  legal: ['cs', 'sk', 'en', 'de'],
};

/** How many clients get a counselling history: a few dozen, as in a few months of one branch's work. */
const servedTarget = 40;

/** What happens to one client in the demo; the showcase clients have theirs fixed, so docs/demo.md can name them. */
type Story = {
  topics: TopicCode[];
  consultations: number;
  legal: boolean;
  plan: boolean;
  referral: PartnerKey | null;
};

/** The showcase people's stories, by family name (only ever looked up for a showcase person). */
const showcaseStories: Record<string, Story> = {
  Shcheglova: {
    topics: ['residence', 'employment', 'czech_language'],
    consultations: 3,
    legal: true,
    plan: true,
    referral: 'languageSchool',
  },
  Ganbaatar: { topics: ['residence', 'employment'], consultations: 2, legal: true, plan: false, referral: 'legalAid' },
  Nguyen: { topics: ['education_schools', 'official_letters'], consultations: 3, legal: false, plan: true, referral: 'primarySchool' },
  Shevchenko: { topics: ['social_benefits', 'housing'], consultations: 2, legal: false, plan: false, referral: null },
};

/** Where each counsellor sees clients. */
const rooms: Record<Counsellor, readonly string[]> = {
  social: ['Poradna 1, přízemí', 'Poradna 2, 1. patro'],
  legal: ['Právní poradna, 1. patro', 'Zasedací místnost, 2. patro'],
  socialTeplice: ['Kancelář poradny, Husova 1240/6'],
};

type Recorded = {
  id: string;
  day: string;
  endsAt: Date;
  kind: ConsultationKind;
  staff: Counsellor;
  topics: readonly TopicCode[];
  interpreted: boolean;
  followUp?: string;
};
type Served = { client: DemoClient; counsellor: 'social' | 'socialTeplice'; story: Story; consultations: Recorded[] };

/** `count` items of a list, in random order, each at most once. */
function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T);
  return picked;
}

const minutes = (count: number) => count * 60_000;

/** The title of a legal consultation's follow-up task: what is to be done is in the consultation, for who may read it. */
const legalFollowUpTitle = 'Právní konzultace: domluvený další krok';

/**
 * Fills the counselling part of the demo through the features' own use cases, each called as the
 * staff member who would do it and at the moment they would: a partner directory, a few months of
 * consultations (some booked in advance, some with an interpreter, some anonymous), individual
 * plans with goals and reviews, referrals backed by consent, follow-up tasks, a few documents, the
 * next two weeks of appointments, and finally the permit-expiry job, as the server would run it at
 * midnight.
 */
export async function seedCounselling(seed: CounsellingSeed) {
  const { db, now, random, contextAt, staff } = seed;
  const today = toCentreDate(now);
  const hours = await getWorkingHours(db);
  const diary = createDiary(hours);
  // Today's appointments depend on the time of seeding; their own generator keeps the rest the same all day.
  const todayRandom = createRandom(random.int(1, 2 ** 31));
  const summary = {
    partners: 0,
    /** With registered clients; the anonymous ones are counted apart. */
    consultations: 0,
    anonymous: 0,
    legal: 0,
    interpreted: 0,
    served: 0,
    plans: 0,
    closedPlans: 0,
    referrals: 0,
    tasks: 0,
    documents: 0,
    appointments: 0,
    appointmentsToday: 0,
    permitTasks: 0,
  };

  const partnerIds = new Map<PartnerKey, string>();
  for (const partner of demoPartners) {
    const created = await createPartner(contextAt(staff.coordinator, now), createPartnerInput.parse(partner.input));
    partnerIds.set(partner.key, created.id);
  }
  summary.partners = partnerIds.size;

  const pastDays = findWorkingDays(hours, addDays(today, -180), addDays(today, -1));
  const served = chooseServed(seed, today);
  summary.served = served.length;

  for (const entry of served) {
    entry.consultations = await recordHistory(seed, diary, pastDays, entry);
    summary.consultations += entry.consultations.length;
    summary.legal += entry.consultations.filter((c) => c.kind === 'legal').length;
    summary.interpreted += entry.consultations.filter((c) => c.interpreted).length;
  }
  if (seed.duplicate) {
    // The person registered twice rang the Děčín desk once under the other record; a merge moves it over.
    const dup: Served = {
      client: seed.duplicate,
      counsellor: 'social',
      story: { topics: ['social_benefits'], consultations: 1, legal: false, plan: false, referral: null },
      consultations: [],
    };
    dup.consultations = await recordHistory(seed, diary, pastDays.slice(-8), dup, 'phone');
    summary.consultations += dup.consultations.length;
  }

  for (const text of anonymousTexts) {
    const counsellor: Counsellor = summary.anonymous % 4 === 3 ? 'socialTeplice' : 'social';
    const day = random.pick(pastDays.slice(-25));
    const startsAt = diary.takeTime(random, staff[counsellor].id, day, text.minutes);
    if (!startsAt) continue;
    const input = createAnonymousConsultationInput.parse({
      startedAt: startsAt.toISOString(),
      durationMinutes: text.minutes,
      form: text.form,
      kind: 'social',
      topics: text.topics,
      notes: text.notes,
      outcome: text.outcome,
      anonymousProfile: text.profile,
    });
    await createAnonymousConsultation(contextAt(staff[counsellor], new Date(startsAt.getTime() + minutes(text.minutes + 5))), input);
    summary.anonymous++;
  }

  for (const entry of served) {
    if (!entry.story.plan || entry.consultations.length === 0) continue;
    summary.plans++;
    // The showcase plans stay open: docs/demo.md sends people to them.
    if (await recordPlan(seed, entry, summary.closedPlans < 2 && !isShowcasePerson(entry.client.person))) summary.closedPlans++;
  }

  for (const entry of served) {
    const partner = entry.story.referral;
    if (partner && (await recordReferral(seed, entry, partner, partnerIds))) summary.referrals++;
  }

  summary.tasks = await recordFollowUpTasks(seed, served, hours);
  summary.documents = await uploadShowcaseDocuments(seed, served);

  const booked = await bookAppointments(seed, diary, served, todayRandom, hours);
  summary.appointments = booked.total;
  summary.appointmentsToday = booked.today;

  summary.permitTasks = await createPermitExpiryTasks(db, now);
  return summary;
}

/**
 * The clients with a counselling history: the showcase people, those whose permits expire soon (the
 * alerts then go to their counsellor), and others picked at random, all current records.
 */
function chooseServed(seed: CounsellingSeed, today: string): Served[] {
  const { random } = seed;
  const current = seed.clients.filter((c) => !c.archived);
  const showcase = current.filter((c) => isShowcasePerson(c.person));
  const expiring = current.filter((c) => {
    const until = c.person.residence?.validUntil;
    return !isShowcasePerson(c.person) && until && daysBetween(today, until) >= -30 && daysBetween(today, until) <= 90;
  });
  const chosen = [...showcase, ...pickSome(random, expiring, 16)];
  const rest = current.filter((c) => !chosen.includes(c));
  chosen.push(...pickSome(random, rest, Math.max(0, servedTarget - chosen.length)));
  return chosen.map((client) => ({
    client,
    counsellor: client.branchName === 'Teplice' ? 'socialTeplice' : 'social',
    story: (isShowcasePerson(client.person) ? showcaseStories[client.person.familyName] : undefined) ?? inventStory(random, client, today),
    consultations: [],
  }));
}

const everydayTopics: readonly (readonly [TopicCode, number])[] = [
  ['employment', 5],
  ['residence', 3],
  ['housing', 3],
  ['social_benefits', 3],
  ['health_insurance', 2],
  ['finances_debts', 2],
  ['czech_language', 2],
  ['official_letters', 2],
  ['family', 1],
  ['education_schools', 1],
];

/** What a parent comes about for a child. */
const childTopics: readonly (readonly [TopicCode, number])[] = [
  ['education_schools', 4],
  ['health_insurance', 2],
  ['family', 1],
  ['czech_language', 1],
];

/** What brings a client: an expiring permit first, school for children, otherwise everyday matters. */
function inventStory(random: Random, client: DemoClient, today: string): Story {
  const { person } = client;
  const minor = daysBetween(person.dateOfBirth, today) < 18 * 365;
  const topics: TopicCode[] = [];
  const until = person.residence?.validUntil;
  if (until && daysBetween(today, until) <= 90) topics.push('residence');
  while (topics.length < 2) {
    const topic = random.weighted(minor ? childTopics : everydayTopics);
    if (!topics.includes(topic)) topics.push(topic);
  }
  const consultations = random.weighted([
    [1, 3],
    [2, 4],
    [3, 3],
    [4, 2],
    [5, 1],
  ] as const);
  const referral = random.chance(0.3) ? referralPartnerFor(random, topics, client.branchName) : null;
  const legal = !minor && random.chance(0.3);
  return { topics, consultations, legal, plan: consultations >= 2 && random.chance(0.45), referral };
}

/** A partner that deals with one of the client's matters; the labour office is the one of the client's branch. */
function referralPartnerFor(random: Random, topics: readonly TopicCode[], branchName: string): PartnerKey | null {
  const labourOffice: PartnerKey =
    branchName === 'Teplice' ? 'labourOfficeTeplice' : branchName === 'Děčín' ? 'labourOfficeDecin' : 'labourOfficeUsti';
  const fitting = (Object.entries(referralTexts) as [PartnerKey, { topics: readonly TopicCode[] }][]).filter(
    ([key, text]) => text.topics.some((topic) => topics.includes(topic)) && (!key.startsWith('labourOffice') || key === labourOffice),
  );
  return fitting.length > 0 ? random.pick(fitting)[0] : null;
}

/** The interpreter a counsellor needs with a client: none when they share a language; a colleague for Ukrainian and Russian. */
function interpreterFor(person: DemoPerson, counsellor: Counsellor): Interpreter | null {
  if (person.languages.some((language) => spokenBy[counsellor].includes(language))) return null;
  return { language: person.preferredLanguage, kind: spokenBy.social.includes(person.preferredLanguage) ? 'staff' : 'partner' };
}

const formsInTown: readonly (readonly [ConsultationForm, number])[] = [
  ['in_person', 72],
  ['phone', 14],
  ['online', 5],
  ['email', 4],
  ['outreach', 5],
];
/** The legal counsellor sees clients at the office or calls them. */
const formsLegal: readonly (readonly [ConsultationForm, number])[] = [
  ['in_person', 80],
  ['phone', 12],
  ['online', 8],
];
/** Far from the counsellors' offices (Most, Chomutov), they go out to the client more often. */
const formsAway: readonly (readonly [ConsultationForm, number])[] = [
  ['in_person', 35],
  ['phone', 20],
  ['outreach', 40],
  ['email', 5],
];

/**
 * A client's past consultations on working days, oldest first: the first a social intake, a legal
 * one when the story has it, each in a free hour of the counsellor's day. Some in-person ones were
 * booked a few days before, by the front desk, and recorded from the appointment.
 */
async function recordHistory(
  seed: CounsellingSeed,
  diary: Diary,
  pastDays: readonly string[],
  entry: Served,
  onlyForm?: ConsultationForm,
): Promise<Recorded[]> {
  const { random, staff, contextAt } = seed;
  const { client, story } = entry;
  const person = client.person;
  const firstIndex = Math.max(0, pastDays.length - random.int(10, 110));
  const days = pickSome(random, pastDays.slice(firstIndex), story.consultations).sort();
  const legalAt = story.legal ? (days.length > 1 ? random.int(1, days.length - 1) : 0) : -1;
  const recorded: Recorded[] = [];
  for (const [index, day] of days.entries()) {
    const topic = story.topics[index % story.topics.length] as TopicCode;
    const kind: ConsultationKind = index === legalAt ? 'legal' : index > 0 && random.chance(0.06) ? 'other' : 'social';
    const counsellor: Counsellor = kind === 'legal' ? 'legal' : entry.counsellor;
    const text = textFor(random, kind, topic);
    const forms = kind === 'legal' ? formsLegal : ['Most', 'Chomutov'].includes(client.branchName) ? formsAway : formsInTown;
    const form = onlyForm ?? random.weighted(forms);
    const duration = form === 'email' ? 15 : form === 'phone' ? Math.min(text.minutes, 20) : text.minutes;
    const startsAt = diary.takeTime(random, staff[counsellor].id, day, duration);
    if (!startsAt) continue;
    const endsAt = new Date(startsAt.getTime() + minutes(duration));
    const interpreter = form === 'email' ? null : interpreterFor(person, counsellor);

    let appointmentId: string | undefined;
    if (form === 'in_person' && random.chance(0.45)) {
      const bookedAt = new Date(startsAt.getTime() - random.int(2, 8) * 86_400_000);
      const appointment = await createAppointment(
        contextAt(bookerFor(seed, counsellor, client), bookedAt),
        createAppointmentInput.parse({
          staffId: staff[counsellor].id,
          clientId: client.id,
          startsAt: startsAt.toISOString(),
          durationMinutes: duration,
          place: random.pick(rooms[counsellor]),
          purpose: purposeOf(counsellor, topic),
          interpreterLanguage: interpreter?.language ?? null,
        }),
      );
      appointmentId = appointment.id;
    }
    const say = (words: string | undefined) => (words === undefined ? undefined : sayFor(person.sex, words));
    const consultation = await createConsultation(
      contextAt(staff[counsellor], new Date(endsAt.getTime() + minutes(10))),
      client.id,
      createConsultationInput.parse({
        startedAt: startsAt.toISOString(),
        durationMinutes: duration,
        form,
        kind,
        topics: text.topics,
        interpreter,
        notes: say(text.notes),
        outcome: say(text.outcome),
        followUp: say(text.followUp),
        appointmentId,
      }),
    );
    recorded.push({
      id: consultation.id,
      day,
      endsAt,
      kind,
      staff: counsellor,
      topics: text.topics,
      interpreted: interpreter !== null,
      ...(text.followUp ? { followUp: sayFor(person.sex, text.followUp) } : {}),
    });
  }
  return recorded;
}

function textFor(random: Random, kind: ConsultationKind, topic: TopicCode): CounsellingText {
  if (kind === 'legal') {
    const onTopic = legalTexts.filter((text) => text.topics.includes(topic));
    return random.pick(onTopic.length > 0 ? onTopic : legalTexts);
  }
  if (kind === 'other' || topic === 'other') return random.pick(otherTexts);
  return random.pick(socialTexts[topic]);
}

function purposeOf(counsellor: Counsellor, topic: TopicCode): string {
  return counsellor === 'legal' ? (legalPurposes[topic] ?? 'Právní konzultace') : appointmentPurposes[topic];
}

/** Who books with a counsellor: the front desk of the client's branch; in Teplice the counsellor herself. */
function bookerFor(seed: CounsellingSeed, counsellor: Counsellor, client: DemoClient | null): Actor {
  if (counsellor === 'socialTeplice') return seed.staff.socialTeplice;
  return client?.branchName === 'Děčín' ? seed.staff.receptionDecin : seed.staff.reception;
}

/**
 * The client's individual plan, opened at the first consultation with goals in the areas the
 * client came with. When a later consultation gave the chance, the goals' progress is recorded and
 * the plan reviewed; an old plan may have met its goals and been closed. Returns whether it was closed.
 */
async function recordPlan(seed: CounsellingSeed, entry: Served, mayClose: boolean): Promise<boolean> {
  const { random, staff, contextAt } = seed;
  const counsellor = staff[entry.counsellor];
  const first = entry.consultations[0] as Recorded;
  const openedOn = first.day;
  const asOpening = contextAt(counsellor, new Date(first.endsAt.getTime() + minutes(20)));
  const plan = await openPlan(
    asOpening,
    entry.client.id,
    openPlanInput.parse({ openedOn, responsibleId: counsellor.id, nextReviewOn: addDays(openedOn, 42) }),
  );

  const areas: LifeArea[] = [];
  for (const topic of [...entry.story.topics, ...entry.consultations.flatMap((c) => c.topics)]) {
    const area = lifeAreaOfTopic[topic];
    if (area && !areas.includes(area)) areas.push(area);
  }
  if (areas.length < 3 && random.chance(0.5)) areas.push(random.pick(lifeAreas.filter((a) => !areas.includes(a))));
  let goals = plan.goals;
  for (const [index, area] of areas.slice(0, 4).entries()) {
    const template = random.pick(goalTemplates[area]);
    const withGoal = await addGoal(
      asOpening,
      plan.id,
      addGoalInput.parse({
        area,
        title: template.title,
        status: index === 0 ? 'in_progress' : 'planned',
        steps: template.steps.map((text) => ({ text, done: false })),
        // Learning Czech is the client's own work; the rest the counsellor sees through.
        responsibleId: area === 'language' ? null : counsellor.id,
        dueOn: addDays(openedOn, random.int(30, 150)),
      }),
    );
    goals = withGoal.goals;
  }

  const review = [...entry.consultations].reverse().find((c) => daysBetween(openedOn, c.day) >= 14);
  if (!review) return false;
  const asReview = contextAt(counsellor, new Date(review.endsAt.getTime() + minutes(15)));
  // An old plan may have reached its goals by the last consultation, which then closed it.
  const close = mayClose && daysBetween(openedOn, review.day) >= 60;
  for (const goal of goals) {
    const done = close ? goal.steps.length : random.int(1, goal.steps.length);
    await updateGoal(
      asReview,
      goal.id,
      updateGoalInput.parse({
        status: done === goal.steps.length ? 'achieved' : 'in_progress',
        steps: goal.steps.map((step, index) => ({ text: step.text, done: index < done })),
      }),
    );
  }
  await reviewPlan(
    asReview,
    plan.id,
    planReviewInput.parse({
      reviewedOn: review.day,
      summary: sayFor(entry.client.person.sex, random.pick(reviewSummaries)),
      nextReviewOn: close ? null : addDays(review.day, random.int(30, 75)),
    }),
  );
  if (!close) return false;
  await closePlan(asReview, plan.id, closePlanInput.parse({ closedOn: review.day, outcome: 'goals_achieved' }));
  return true;
}

/**
 * Refers the client on the day of the consultation about the matter. The client signed the consent
 * to share data with partners that day, so it is recorded first; older referrals have since been
 * accepted, completed or declined by the partner.
 */
async function recordReferral(
  seed: CounsellingSeed,
  entry: Served,
  partner: PartnerKey,
  partnerIds: Map<PartnerKey, string>,
): Promise<boolean> {
  const { random, staff, contextAt, now } = seed;
  const text = referralTexts[partner];
  const partnerId = partnerIds.get(partner);
  const about = entry.consultations.find((c) => c.topics.some((t) => text?.topics.includes(t))) ?? entry.consultations.at(-1);
  if (!text || !partnerId || !about) return false;
  const counsellor = staff[about.staff === 'legal' ? 'legal' : entry.counsellor];
  const asThen = contextAt(counsellor, new Date(about.endsAt.getTime() + minutes(5)));
  const sex = entry.client.person.sex;
  await addConsent(
    asThen,
    entry.client.id,
    consentInput.parse({ purpose: 'sharing_with_partners', givenOn: about.day, note: 'Podepsaný souhlas je ve spisu.' }),
  );
  const referral = await createReferral(
    asThen,
    entry.client.id,
    // The referral comes from the consultation about the matter: a legal one's referral is legal content (decision 022).
    createReferralInput.parse({ partnerId, referredOn: about.day, reason: sayFor(sex, text.reason), consultationId: about.id }),
  );
  const today = toCentreDate(now);
  const age = daysBetween(about.day, today);
  const later = (days: number) => contextAt(counsellor, days >= age ? now : centreInstant(addDays(about.day, days), '10:00'));
  if (age < 7) return true;
  const roll = random.next();
  if (age >= 21 && roll < 0.15) {
    await updateReferral(later(5), referral.id, updateReferralInput.parse({ status: 'declined', outcome: declinedOutcome }));
    return true;
  }
  await updateReferral(later(random.int(2, 6)), referral.id, updateReferralInput.parse({ status: 'accepted' }));
  if (age >= 21 && roll < 0.75) {
    await updateReferral(
      later(random.int(14, 20)),
      referral.id,
      updateReferralInput.parse({ status: 'completed', outcome: sayFor(sex, text.outcome) }),
    );
  }
  return true;
}

/**
 * The follow-ups of the last weeks' consultations as tasks of their counsellors, each linked to its
 * consultation: the older ones done, the rest open, so My day has tasks due today and overdue. A legal
 * consultation's follow-up is legal content (decision 022): its task gets a neutral title, and the
 * follow-up itself stays in the consultation.
 */
async function recordFollowUpTasks(seed: CounsellingSeed, served: readonly Served[], hours: WorkingHours) {
  const { random, staff, contextAt, now } = seed;
  const today = toCentreDate(now);
  let count = 0;
  for (const entry of served) {
    const last = entry.consultations.at(-1);
    if (!last?.followUp || daysBetween(last.day, today) > 30) continue;
    let dueOn = addDays(last.day, random.int(7, 14));
    while (!isWorkingDay(hours, dueOn)) dueOn = addDays(dueOn, 1);
    const counsellor = staff[last.staff];
    const task = await createTask(
      contextAt(counsellor, new Date(last.endsAt.getTime() + minutes(15))),
      createTaskInput.parse({
        title: last.kind === 'legal' ? legalFollowUpTitle : last.followUp,
        dueOn,
        assigneeId: counsellor.id,
        clientId: entry.client.id,
        consultationId: last.id,
      }),
    );
    if (daysBetween(dueOn, today) > 3) await completeTask(contextAt(counsellor, centreInstant(dueOn, '14:00')), task.id);
    count++;
  }
  return count;
}

/** Scans the showcase clients brought: a permit copy, a school application, and a decision kept with a legal consultation. */
async function uploadShowcaseDocuments(seed: CounsellingSeed, served: readonly Served[]): Promise<number> {
  const store = createDocumentStore(seed.documentDir);
  const find = (familyName: string) => served.find((s) => s.client.person.familyName === familyName && isShowcasePerson(s.client.person));
  let count = 0;
  const upload = async (entry: Served | undefined, kind: ConsultationKind, document: Parameters<typeof uploadDemoDocument>[3]) => {
    const consultation = entry?.consultations.find((c) => c.kind === kind);
    if (!entry || !consultation) return;
    const uploader = seed.staff[consultation.staff];
    const ctx = seed.contextAt(uploader, new Date(consultation.endsAt.getTime() + minutes(2)));
    await uploadDemoDocument(ctx, store, entry.client.id, {
      ...document,
      ...(kind === 'legal' ? { consultationId: consultation.id } : {}),
    });
    count++;
  };
  await upload(find('Shcheglova'), 'social', {
    fileName: 'Zaměstnanecká karta – kopie.pdf',
    description: 'Kopie zaměstnanecké karty, obě strany',
    lines: ['Kopie zamestnanecke karty (obe strany).', 'Ukazkovy soubor bez osobnich udaju.'],
  });
  await upload(find('Nguyen'), 'social', {
    fileName: 'Přihláška k zápisu do ZŠ.pdf',
    description: 'Vyplněná přihláška k zápisu do 1. třídy',
    lines: ['Prihlaska k zapisu do zakladni skoly.', 'Ukazkovy soubor bez osobnich udaju.'],
  });
  await upload(find('Ganbaatar'), 'legal', {
    fileName: 'Rozhodnutí OAMP.pdf',
    description: 'Rozhodnutí o zamítnutí žádosti o prodloužení pobytu',
    lines: ['Rozhodnuti ve veci pobytu cizince.', 'Ukazkovy soubor bez osobnich udaju.'],
  });
  return count;
}

/**
 * The counsellors' next two weeks of appointments, on working days and in working hours, booked by
 * the front desk (in Teplice by the counsellor): mostly clients they already see, some new, some
 * who rang before they have a record; a few cancelled. A few past ones are no-shows. Today's come
 * last and from their own generator, as which hours are left depends on the time of seeding.
 */
async function bookAppointments(seed: CounsellingSeed, diary: Diary, served: readonly Served[], todayRandom: Random, hours: WorkingHours) {
  const { random, staff, contextAt, now } = seed;
  const today = toCentreDate(now);
  const days = findWorkingDays(hours, today, addDays(today, 14));
  const booked = new Set<string>();
  const unserved = seed.clients.filter((c) => !c.archived && !served.some((s) => s.client === c));
  const contacts = [...newContacts];
  const counts = { total: 0, today: 0 };

  /** Books one appointment on the day if the counsellor has time left (a few are then cancelled); returns whether it did. */
  const book = async (rng: Random, counsellor: Counsellor, day: string, client: DemoClient | null, topic: TopicCode, mayCancel = true) => {
    const duration = counsellor === 'legal' ? 60 : rng.pick([30, 45, 60]);
    const notBefore = day === today ? new Date(now.getTime() + minutes(30)) : undefined;
    const contact = client ? null : contacts[0];
    if (!client && !contact) return false;
    const startsAt = diary.takeTime(rng, staff[counsellor].id, day, duration, notBefore);
    if (!startsAt) return false;
    if (contact) contacts.shift();
    const ctx = contextAt(bookerFor(seed, counsellor, client), now);
    const party = client
      ? {
          clientId: client.id,
          purpose: purposeOf(counsellor, topic),
          interpreterLanguage: interpreterFor(client.person, counsellor)?.language ?? null,
        }
      : {
          contactName: contact?.name,
          contactPhone: contact?.phone,
          purpose: contact?.purpose,
          interpreterLanguage: contact?.interpreterLanguage,
        };
    const appointment = await createAppointment(
      ctx,
      createAppointmentInput.parse({
        staffId: staff[counsellor].id,
        startsAt: startsAt.toISOString(),
        durationMinutes: duration,
        place: rng.pick(rooms[counsellor]),
        ...party,
      }),
    );
    if (client) booked.add(client.id);
    if (mayCancel && rng.chance(0.07)) {
      const cancel = changeAppointmentStatusInput.parse({ status: 'cancelled', reason: rng.pick(cancelReasons) });
      await changeAppointmentStatus(ctx, appointment.id, cancel);
      return true;
    }
    counts.total++;
    if (day === today) counts.today++;
    return true;
  };

  /** Mostly a client the counsellor already sees; now and then one seen for the first time, or a new contact. */
  const pickClient = (rng: Random, counsellor: Counsellor): { client: DemoClient | null; topic: TopicCode } => {
    const own = served.filter((s) => !booked.has(s.client.id) && (counsellor === 'legal' ? s.story.legal : s.counsellor === counsellor));
    const roll = rng.next();
    if (roll < 0.08 && counsellor !== 'legal') return { client: null, topic: 'other' };
    if (roll < 0.2 || own.length === 0) {
      const candidates = unserved.filter((c) => !booked.has(c.id) && (counsellor === 'socialTeplice') === (c.branchName === 'Teplice'));
      if (candidates.length > 0) return { client: rng.pick(candidates), topic: rng.weighted(everydayTopics) };
    }
    const entry = own.length > 0 ? rng.pick(own) : null;
    if (!entry) return { client: null, topic: 'other' };
    return { client: entry.client, topic: rng.chance(0.3) ? 'other' : rng.pick(entry.story.topics) };
  };

  const bookDay = async (rng: Random, day: string, perDay: Record<Counsellor, readonly [number, number]>) => {
    for (const counsellor of ['social', 'legal', 'socialTeplice'] as const) {
      const count = rng.int(...perDay[counsellor]);
      for (let i = 0; i < count; i++) {
        const { client, topic } = pickClient(rng, counsellor);
        await book(rng, counsellor, day, client, topic);
      }
    }
  };

  // The showcase clients are booked first, so docs/demo.md can say where to find them.
  const showcase = (familyName: string) =>
    served.find((s) => s.client.person.familyName === familyName && isShowcasePerson(s.client.person));
  const shcheglova = showcase('Shcheglova');
  if (shcheglova) booked.add(shcheglova.client.id);
  const ganbaatar = showcase('Ganbaatar');
  const firstDay = days.find((day) => day > today);
  if (ganbaatar && firstDay) await book(random, 'legal', firstDay, ganbaatar.client, 'residence', false);

  for (const day of days) if (day !== today) await bookDay(random, day, { social: [2, 4], legal: [1, 2], socialTeplice: [1, 3] });

  // Appointments nobody came to: booked a few days ahead, marked once the hour had passed.
  const recentDays = findWorkingDays(hours, addDays(today, -20), addDays(today, -1));
  for (const entry of pickSome(
    random,
    served.filter((s) => s.counsellor === 'social'),
    3,
  )) {
    const day = random.pick(recentDays);
    const startsAt = diary.takeTime(random, staff.social.id, day, 30);
    if (!startsAt) continue;
    const appointment = await createAppointment(
      contextAt(bookerFor(seed, 'social', entry.client), new Date(startsAt.getTime() - 3 * 86_400_000)),
      createAppointmentInput.parse({
        staffId: staff.social.id,
        clientId: entry.client.id,
        startsAt: startsAt.toISOString(),
        durationMinutes: 30,
        place: random.pick(rooms.social),
        purpose: appointmentPurposes[random.pick(entry.story.topics)],
      }),
    );
    await changeAppointmentStatus(
      contextAt(staff.social, new Date(startsAt.getTime() + minutes(45))),
      appointment.id,
      changeAppointmentStatusInput.parse({ status: 'no_show' }),
    );
  }

  // Iuliia Shcheglova sees her counsellor today when there is time left, else on the next working day.
  if (shcheglova) {
    const bookedToday = days[0] === today && (await book(todayRandom, 'social', today, shcheglova.client, 'residence', false));
    if (!bookedToday && firstDay) await book(todayRandom, 'social', firstDay, shcheglova.client, 'residence', false);
  }
  if (days[0] === today) await bookDay(todayRandom, today, { social: [2, 3], legal: [1, 2], socialTeplice: [1, 2] });
  return counts;
}
