import type { Tx } from '../../../db/open-database.js';
import {
  type AgeBand,
  type AnonymousProfile,
  evaluateEligibility,
  type ResidenceCategory,
  type ServiceKind,
} from '../../../shared/index.js';
import { fieldError } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { requireBranch } from '../centre/centre.service.js';
import type { ClientRow } from '../clients/clients.service.js';
import { factsOf } from '../clients/eligibility.service.js';
import { findActiveProjectRows, findProjectRow } from '../projects/projects.service.js';
import { insertService, type NewServiceRow, type ServiceRow, updateServiceRow } from './services.repo.js';

export type { ServiceRow } from './services.repo.js';

/** Who was served: a named client, or someone unnamed described only by an anonymous profile. */
export type ServiceParty = { client: ClientRow } | { profile: AnonymousProfile };

/**
 * A service to record in the ledger, whatever its kind. `projectId` undefined takes the default
 * project of the day and the party (decision 010), null counts it against no project; `branchId`
 * undefined takes the staff member's branch.
 */
export type RecordServiceInput = {
  kind: ServiceKind;
  /** The calendar day (Europe/Prague) the service was delivered: reports count by it. */
  day: string;
  startedAt?: Date | null;
  durationMinutes?: number | null;
  party: ServiceParty;
  projectId?: string | null;
  branchId?: string | null;
  /** Who delivered it; the signed-in staff member when not given. */
  staffId?: string;
};

/**
 * Records one service in the ledger, in the caller's transaction; the kind's detail row is written
 * next by its feature, with the returned id. The one way every kind of service enters the ledger.
 */
export async function recordService(tx: Tx, ctx: Ctx, input: RecordServiceInput): Promise<ServiceRow> {
  const branchId = input.branchId === undefined ? ctx.actor.branchId : input.branchId;
  if (input.branchId) await requireBranch(tx, input.branchId);
  let projectId = input.projectId ?? null;
  if (input.projectId === undefined)
    projectId = await findDefaultProject(tx, 'client' in input.party ? input.party.client : null, input.day);
  else if (input.projectId) await requireProject(tx, input.projectId, input.day, false);
  return insertService(tx, {
    kind: input.kind,
    occurredOn: input.day,
    startedAt: input.startedAt ?? null,
    durationMinutes: input.durationMinutes ?? null,
    projectId,
    branchId,
    staffId: input.staffId ?? ctx.actor.id,
    ...('client' in input.party ? { clientId: input.party.client.id } : profileColumns(input.party.profile)),
  });
}

/** A change to a recorded service: only the given facts change. */
export type ChangeServiceInput = {
  day?: string;
  startedAt?: Date;
  durationMinutes?: number;
  projectId?: string | null;
  branchId?: string | null;
  profile?: AnonymousProfile;
};

/**
 * Checks a change before it is compared and written: a newly chosen branch must exist, and a project
 * must run on the (new) day — a kept project may have ended since, a newly chosen one must be active.
 */
export async function checkServiceChange(tx: Tx, service: ServiceRow, input: ChangeServiceInput): Promise<void> {
  const day = input.day ?? service.occurredOn;
  if (input.branchId) await requireBranch(tx, input.branchId);
  const projectId = input.projectId === undefined ? service.projectId : input.projectId;
  if (projectId && (input.projectId !== undefined || input.day !== undefined)) {
    await requireProject(tx, projectId, day, projectId === service.projectId);
  }
}

/** Writes a checked change to the ledger's facts of a service: only the given facts change. */
export async function changeService(tx: Tx, service: ServiceRow, input: ChangeServiceInput): Promise<void> {
  const values: Partial<NewServiceRow> = {
    ...(input.day !== undefined ? { occurredOn: input.day } : {}),
    ...(input.startedAt !== undefined ? { startedAt: input.startedAt } : {}),
    ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
    ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
    ...(input.branchId !== undefined ? { branchId: input.branchId } : {}),
    ...(input.profile ? profileColumns(input.profile) : {}),
  };
  if (Object.keys(values).length > 0) await updateServiceRow(tx, service.id, values);
}

/**
 * The project a service counts against when staff do not choose one (decision 010): of the active
 * projects running on that day and — for a named client — admitting the client on that day by the
 * eligibility rule, the one that started last; equal starts go by code. Null when none fits.
 */
export async function findDefaultProject(tx: Tx, client: ClientRow | null, day: string): Promise<string | null> {
  const fitting = (await findActiveProjectRows(tx)).filter(
    (project) =>
      project.startsOn <= day &&
      day <= project.endsOn &&
      (client === null || evaluateEligibility(factsOf(client), project.targetGroup, day).eligible),
  );
  fitting.sort((a, b) => (a.startsOn !== b.startsOn ? (a.startsOn < b.startsOn ? 1 : -1) : a.code < b.code ? -1 : 1));
  return fitting[0]?.id ?? null;
}

/**
 * A project chosen by staff: it must exist and run on the day. A project kept on an edited service
 * may have ended since; a newly chosen one must be active.
 */
async function requireProject(tx: Tx, id: string, day: string, kept: boolean): Promise<void> {
  const project = await findProjectRow(tx, id);
  if (!project) throw fieldError('body.projectId', 'unknown_project', 'No such project');
  if (!kept && !project.active) throw fieldError('body.projectId', 'inactive_project', 'The project is not active');
  if (day < project.startsOn || day > project.endsOn) {
    throw fieldError(kept ? 'body.startedAt' : 'body.projectId', 'outside_project_period', 'The day is outside the project period');
  }
}

function profileColumns(profile: AnonymousProfile) {
  return {
    anonymousSex: profile.sex,
    anonymousAgeBand: profile.ageBand,
    anonymousCitizenship: profile.citizenship,
    anonymousResidenceCategory: profile.residenceCategory,
  };
}

/** The anonymous profile a service keeps instead of a client. */
export function profileOf(service: ServiceRow): AnonymousProfile {
  return {
    sex: service.anonymousSex ?? 'unknown',
    ageBand: (service.anonymousAgeBand ?? 'unknown') as AgeBand,
    citizenship: service.anonymousCitizenship as AnonymousProfile['citizenship'],
    residenceCategory: (service.anonymousResidenceCategory ?? 'unknown') as ResidenceCategory,
  };
}
