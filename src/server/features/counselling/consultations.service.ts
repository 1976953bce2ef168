import type { Tx } from '../../../db/open-database.js';
import {
  type ConsultationDefaults,
  type ConsultationDefaultsQuery,
  type ConsultationKind,
  type ConsultationListItem,
  type ConsultationResponse,
  type CreateAnonymousConsultationInput,
  type CreateConsultationInput,
  type Interpreter,
  canReadConsultationContent,
  consultationContentFields,
  defaultConsultationKind,
  type ListConsultationsQuery,
  mayChangeConsultation,
  toCentreDate,
  type UpdateConsultationInput,
} from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Actor, Ctx } from '../../http/context.js';
import { getAppointment, recordConsultationOfAppointment } from '../appointments/appointments.service.js';
import { diffFields, listedClientIds, recordAudit } from '../audit/audit.service.js';
import { requireVersion, versionStamp } from '../audit/record-versions.service.js';
import { requireChangeableClient, requireClient } from '../clients/clients.service.js';
import { toStaffReference } from '../users/users.service.js';
import {
  type ConsultationRow,
  insertConsultation,
  linkConsultationToAppointment,
  type ListedConsultationRow,
  selectConsultation,
  selectConsultationForUpdate,
  selectConsultationPage,
  selectConsultationTexts,
  updateConsultationRow,
} from './consultations.repo.js';
import { requireOfferedTopics } from './topics.service.js';
import {
  changeService,
  checkServiceChange,
  findDefaultProject,
  profileOf,
  recordService,
  type ServiceParty,
  type ServiceRow,
} from '../services/services.service.js';

/** The day (Europe/Prague) a consultation took place; a consultation is recorded once it has happened. */
function dayOf(startedAt: string, now: Date): string {
  const day = toCentreDate(new Date(startedAt));
  if (day > toCentreDate(now))
    throw fieldError('body.startedAt', 'in_future', 'A consultation cannot be recorded before the day it takes place');
  return day;
}

/** Writes a consultation: the ledger row and the consultation's details, in the caller's transaction. */
async function insertConsultationOf(
  tx: Tx,
  ctx: Ctx,
  party: ServiceParty,
  input: CreateConsultationInput | CreateAnonymousConsultationInput,
): Promise<ServiceRow> {
  const day = dayOf(input.startedAt, ctx.now);
  await requireOfferedTopics(tx, input.topics);
  const service = await recordService(tx, ctx, {
    kind: 'consultation',
    day,
    startedAt: new Date(input.startedAt),
    durationMinutes: input.durationMinutes,
    party,
    ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
    ...(input.branchId !== undefined ? { branchId: input.branchId } : {}),
  });
  await insertConsultation(tx, {
    serviceId: service.id,
    form: input.form,
    kind: kindOf(ctx, input),
    topics: input.topics,
    ...interpreterColumns(input.interpreter ?? null),
    notes: input.notes ?? null,
    outcome: input.outcome ?? null,
    followUp: input.followUp ?? null,
    createdBy: ctx.actor.id,
  });
  return service;
}

/** The kind asked for, else the default for who records it (a legal counsellor's is legal). */
const kindOf = (ctx: Ctx, input: { kind?: ConsultationKind | undefined }): ConsultationKind =>
  input.kind ?? defaultConsultationKind(ctx.actor.roles);

function interpreterColumns(interpreter: { language: string; kind: 'partner' | 'staff' } | null) {
  return { interpreterLanguage: interpreter?.language ?? null, interpreterKind: interpreter?.kind ?? null };
}

/**
 * Records a consultation with a client. From an appointment, the appointment becomes attended and
 * points to the consultation, in the same transaction.
 */
export async function createConsultation(ctx: Ctx, clientId: string, input: CreateConsultationInput): Promise<ConsultationResponse> {
  const id = await ctx.db.transaction(async (tx) => {
    const client = await requireChangeableClient(tx, clientId, { lock: true });
    const service = await insertConsultationOf(tx, ctx, { client }, input);
    const appointmentId = input.appointmentId ?? null;
    if (appointmentId) {
      // The appointment is checked first: an unknown one is a 400 naming the field, not a broken reference.
      await recordConsultationOfAppointment(tx, ctx, { appointmentId, clientId, serviceId: service.id });
      await linkConsultationToAppointment(tx, service.id, appointmentId);
    }
    await recordAudit(tx, ctx, {
      action: 'consultation.created',
      entityType: 'consultation',
      entityId: service.id,
      clientId,
      details: { kind: kindOf(ctx, input), anonymous: false, projectId: service.projectId, appointmentId },
    });
    return service.id;
  });
  return loadConsultation(ctx, id);
}

/** Records a consultation with someone who stays unnamed: a ledger row with the anonymous profile, no client. */
export async function createAnonymousConsultation(ctx: Ctx, input: CreateAnonymousConsultationInput): Promise<ConsultationResponse> {
  const id = await ctx.db.transaction(async (tx) => {
    const service = await insertConsultationOf(tx, ctx, { profile: input.anonymousProfile }, input);
    await recordAudit(tx, ctx, {
      action: 'consultation.created',
      entityType: 'consultation',
      entityId: service.id,
      details: { kind: kindOf(ctx, input), anonymous: true, projectId: service.projectId },
    });
    return service.id;
  });
  return loadConsultation(ctx, id);
}

/**
 * What a new consultation's form starts with: the default project and branch and, from an appointment
 * (the client's, not cancelled, missed or recorded yet), its time, length and interpreter language.
 */
export async function getConsultationDefaults(ctx: Ctx, query: ConsultationDefaultsQuery): Promise<ConsultationDefaults> {
  const client = query.clientId ? await requireChangeableClient(ctx.db, query.clientId) : null;
  const appointment = client && query.appointmentId ? await getAppointment(ctx, query.appointmentId) : null;
  if (appointment && appointment.client?.id !== client?.id) {
    throw fieldError('querystring.appointmentId', 'unknown_appointment', 'No such appointment of this client');
  }
  if (appointment && (appointment.serviceId || appointment.status === 'cancelled' || appointment.status === 'no_show')) {
    throw new AppError('CONFLICT', `An appointment that is ${appointment.status} or already recorded cannot become a consultation`);
  }
  const startsAt = appointment ? new Date(appointment.startsAt) : null;
  const day = startsAt ? toCentreDate(startsAt) : (query.on ?? toCentreDate(ctx.now));
  return {
    startedAt: startsAt?.toISOString() ?? null,
    durationMinutes: appointment && startsAt ? Math.round((Date.parse(appointment.endsAt) - startsAt.getTime()) / 60_000) : null,
    interpreterLanguage: appointment?.interpreterLanguage ?? null,
    appointmentId: appointment?.id ?? null,
    projectId: await findDefaultProject(ctx.db, client, day),
    branchId: ctx.actor.branchId,
    kind: defaultConsultationKind(ctx.actor.roles),
  };
}

/** One consultation as the reader may see it; the read is audited, saying whether the content was shown. */
export async function getConsultation(ctx: Ctx, id: string): Promise<ConsultationResponse> {
  const consultation = await loadConsultation(ctx, id);
  await recordAudit(ctx.db, ctx, {
    action: 'consultation.read',
    entityType: 'consultation',
    entityId: id,
    ...(consultation.clientId ? { clientId: consultation.clientId } : {}),
    details: { contentHidden: consultation.contentHidden },
  });
  return consultation;
}

/** A consultation as the reader may see it; its texts are read only when the reader may read them. */
async function loadConsultation(ctx: Ctx, id: string): Promise<ConsultationResponse> {
  const row = await selectConsultation(ctx.db, id);
  if (!row) throw notFound('Consultation');
  const summary = toSummary(row);
  const record = {
    ...summary,
    createdBy: toStaffReference(row.consultation.createdBy, row.authorName),
    version: row.consultation.version,
    createdAt: row.service.createdAt.toISOString(),
    updatedAt: row.service.updatedAt.toISOString(),
  };
  if (!canReadConsultationContent(ctx.actor, row.consultation)) return { ...record, contentHidden: true };
  const texts = await selectConsultationTexts(ctx.db, id);
  return {
    ...record,
    ...toVisibleSummary(row.consultation),
    notes: texts?.notes ?? null,
    outcome: texts?.outcome ?? null,
    followUp: texts?.followUp ?? null,
  };
}

/**
 * A consultation that a task or referral of the client follows up (decision 022): it must be the
 * client's (400 naming the field otherwise), and the actor must be able to read its content, since
 * the new record carries it on (403 otherwise).
 */
export async function requireLinkableConsultation(tx: Tx, actor: Actor, id: string, clientId: string | null): Promise<void> {
  const row = await selectConsultation(tx, id);
  if (!row || row.service.clientId === null || (clientId !== null && row.service.clientId !== clientId)) {
    throw fieldError('body.consultationId', 'unknown_consultation', 'No such consultation of this client');
  }
  if (!canReadConsultationContent(actor, row.consultation)) {
    throw new AppError('FORBIDDEN', 'Only who may read a consultation may record its follow-up');
  }
}

/** The client of a consultation, for a record that follows it up without naming the client; null when none. */
export async function findConsultationClientId(tx: Tx, id: string): Promise<string | null> {
  const row = await selectConsultation(tx, id);
  return row?.service.clientId ?? null;
}

/** A client's consultations, newest first; the read of the list is one audit entry. */
export async function findClientConsultations(ctx: Ctx, clientId: string, paging: { limit: number; offset: number }) {
  await requireClient(ctx.db, clientId);
  const { rows, total } = await selectConsultationPage(ctx.db, { clientId, ...paging });
  const items = rows.map((row) => toListItem(row, ctx.actor));
  await recordAudit(ctx.db, ctx, {
    action: 'consultation.read',
    entityType: 'consultation',
    clientId,
    details: { consultationIds: items.map((item) => item.id) },
  });
  return { items, total };
}

/**
 * Every consultation, anonymous ones too, filtered and newest first. The read is one audit entry
 * with the ids of the clients the page names, so each client's trail shows it (decision 016).
 */
export async function findConsultations(ctx: Ctx, query: ListConsultationsQuery) {
  const { rows, total } = await selectConsultationPage(ctx.db, query);
  const items = rows.map((row) => toListItem(row, ctx.actor));
  const { limit, offset, ...filters } = query;
  await recordAudit(ctx.db, ctx, {
    action: 'consultation.read',
    entityType: 'consultation',
    clientIds: listedClientIds(items, (item) => item.clientId),
    details: { filters, limit, offset, total, consultationIds: items.map((item) => item.id) },
  });
  return { items, total };
}

/** A consultation as one flat record, for comparing versions; the anonymous profile only when anonymous. */
function flatten(service: ServiceRow, consultation: ConsultationRow) {
  return {
    startedAt: service.startedAt?.toISOString() ?? null,
    durationMinutes: service.durationMinutes,
    projectId: service.projectId,
    branchId: service.branchId,
    form: consultation.form,
    kind: consultation.kind,
    topics: consultation.topics,
    interpreter: consultation.interpreterLanguage
      ? { language: consultation.interpreterLanguage, kind: consultation.interpreterKind }
      : null,
    notes: consultation.notes,
    outcome: consultation.outcome,
    followUp: consultation.followUp,
    anonymousProfile: service.clientId ? null : profileOf(service),
  };
}
const comparedFields = [
  'startedAt',
  'durationMinutes',
  'projectId',
  'branchId',
  'form',
  'kind',
  'topics',
  'interpreter',
  'notes',
  'outcome',
  'followUp',
  'anonymousProfile',
] as const;

/**
 * Changes a consultation: its author, or a coordinator. Of a legal consultation, the content (and
 * the kind) is changed only by who may read it. The audit names the changed fields, never values.
 * From an older version than the stored one (`expectedVersion`), nothing changes (412); a change to
 * equal values writes nothing, and its answer is audited as the read it is.
 */
export async function updateConsultation(
  ctx: Ctx,
  id: string,
  input: UpdateConsultationInput,
  expectedVersion?: number,
): Promise<ConsultationResponse> {
  const changed = await ctx.db.transaction(async (tx) => {
    const row = await selectConsultationForUpdate(tx, id);
    if (!row) throw notFound('Consultation');
    const { service, consultation } = row;
    if (!mayChangeConsultation(ctx.actor, consultation)) {
      throw new AppError('FORBIDDEN', 'Only the author or a coordinator may change a consultation');
    }
    const versioned = {
      type: 'consultation',
      id,
      version: consultation.version,
      clientId: service.clientId,
      actions: ['consultation.updated'] as const,
    };
    await requireVersion(tx, versioned, expectedVersion);
    const touchesContent = consultationContentFields.some((field) => input[field] !== undefined) || input.kind !== undefined;
    const legal = consultation.kind === 'legal' || input.kind === 'legal';
    if (touchesContent && legal && !canReadConsultationContent(ctx.actor, { kind: 'legal', createdBy: consultation.createdBy })) {
      throw new AppError('FORBIDDEN', 'The content of a legal consultation is changed only by legal counsellors and its author');
    }
    if (input.anonymousProfile && service.clientId) {
      throw fieldError('body.anonymousProfile', 'not_anonymous', 'Only an anonymous consultation has an anonymous profile');
    }
    const day = input.startedAt ? dayOf(input.startedAt, ctx.now) : service.occurredOn;
    if (input.topics) await requireOfferedTopics(tx, input.topics, consultation.topics);
    const serviceChange = {
      ...(input.startedAt ? { startedAt: new Date(input.startedAt), day } : {}),
      ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      ...(input.branchId !== undefined ? { branchId: input.branchId } : {}),
      ...(input.anonymousProfile ? { profile: input.anonymousProfile } : {}),
    };
    // Checked before comparing, so a wrong branch or a project outside the new day is refused even unchanged.
    await checkServiceChange(tx, service, serviceChange);

    const before = flatten(service, consultation);
    const after = { ...before };
    for (const field of comparedFields) if (input[field] !== undefined) Object.assign(after, { [field]: input[field] });
    if (input.startedAt) after.startedAt = new Date(input.startedAt).toISOString();
    const changes = diffFields<Record<string, unknown>>(before, after, comparedFields, []);
    // Values equal to the stored ones change nothing: no write and no empty audit entry.
    if (changes.length === 0) return false;

    await changeService(tx, service, serviceChange);
    const version = await updateConsultationRow(tx, id, {
      ...(input.form !== undefined ? { form: input.form } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.topics !== undefined ? { topics: input.topics } : {}),
      ...(input.interpreter !== undefined ? interpreterColumns(input.interpreter) : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      ...(input.followUp !== undefined ? { followUp: input.followUp } : {}),
    });
    await recordAudit(tx, ctx, {
      action: 'consultation.updated',
      entityType: 'consultation',
      entityId: id,
      ...(service.clientId ? { clientId: service.clientId } : {}),
      changes,
      details: versionStamp('consultation', id, version),
    });
    return true;
  });
  return changed ? loadConsultation(ctx, id) : getConsultation(ctx, id);
}

/** What every reader sees of a consultation: the ledger's facts, its kind and who delivered it. */
function toSummary(row: ListedConsultationRow) {
  const { service, consultation } = row;
  return {
    id: service.id,
    occurredOn: service.occurredOn,
    startedAt: (service.startedAt ?? new Date(`${service.occurredOn}T00:00:00Z`)).toISOString(),
    durationMinutes: service.durationMinutes ?? 0,
    projectId: service.projectId,
    branchId: service.branchId,
    staff: toStaffReference(service.staffId, row.staffName),
    clientId: service.clientId,
    anonymous: service.clientId === null,
    anonymousProfile: service.clientId ? null : profileOf(service),
    kind: consultation.kind,
    client: row.client,
    appointmentId: consultation.appointmentId,
  };
}

function toVisibleSummary(consultation: ListedConsultationRow['consultation']) {
  return {
    contentHidden: false as const,
    form: consultation.form,
    topics: consultation.topics,
    interpreter:
      consultation.interpreterLanguage && consultation.interpreterKind
        ? { language: consultation.interpreterLanguage as Interpreter['language'], kind: consultation.interpreterKind }
        : null,
  };
}

function toListItem(row: ListedConsultationRow, reader: Actor): ConsultationListItem {
  const summary = toSummary(row);
  if (!canReadConsultationContent(reader, row.consultation)) return { ...summary, contentHidden: true };
  return { ...summary, ...toVisibleSummary(row.consultation) };
}
