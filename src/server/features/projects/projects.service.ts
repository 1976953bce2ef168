import type { Tx } from '../../../db/open-database.js';
import type { CreateProjectInput, ProjectResponse, UpdateProjectInput } from '../../../shared/index.js';
import { AppError, fieldError, notFound } from '../../http/app-error.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { recomputeEligibilityForProject } from '../clients/eligibility.service.js';
import {
  insertProject,
  type ProjectRow,
  selectActiveProjects,
  selectProject,
  selectProjectByCode,
  selectProjects,
  updateProjectRow,
} from './projects.repo.js';

export type { ProjectRow } from './projects.repo.js';

/** The active projects as stored, for rules that read their target groups (eligibility, a service's default project). */
export const findActiveProjectRows = (tx: Tx): Promise<ProjectRow[]> => selectActiveProjects(tx);

/** One project as stored, or undefined. */
export const findProjectRow = (tx: Tx, id: string): Promise<ProjectRow | undefined> => selectProject(tx, id);

export function toProjectResponse(row: ProjectRow): ProjectResponse {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    funder: row.funder,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    active: row.active,
    targetGroup: row.targetGroup,
    description: row.description,
  };
}

export async function findProjects(ctx: Ctx): Promise<ProjectResponse[]> {
  return (await selectProjects(ctx.db)).map(toProjectResponse);
}

export async function getProject(ctx: Ctx, id: string): Promise<ProjectResponse> {
  const row = await selectProject(ctx.db, id);
  if (!row) throw notFound('Project');
  return toProjectResponse(row);
}

/** Creates a project; when active, eligibility of every client for it is computed in the same transaction. */
export async function createProject(ctx: Ctx, input: CreateProjectInput): Promise<ProjectResponse> {
  return ctx.db.transaction(async (tx) => {
    const codeTaken = () => new AppError('CONFLICT', 'A project with this code exists', { field: 'code' });
    if (await selectProjectByCode(tx, input.code)) throw codeTaken();
    const row = await insertProject(tx, { ...input, description: input.description ?? null });
    if (!row) throw codeTaken();
    await recomputeEligibilityForProject(tx, row, ctx.now);
    await recordAudit(tx, ctx, { action: 'project.created', entityType: 'project', entityId: row.id, details: { code: row.code } });
    return toProjectResponse(row);
  });
}

export async function updateProject(ctx: Ctx, id: string, input: UpdateProjectInput): Promise<ProjectResponse> {
  return ctx.db.transaction(async (tx) => {
    const before = await selectProject(tx, id);
    if (!before) throw notFound('Project');
    if (input.code && input.code !== before.code && (await selectProjectByCode(tx, input.code))) {
      throw new AppError('CONFLICT', 'A project with this code exists', { field: 'code' });
    }
    const merged = { ...before, ...input };
    if (merged.startsOn > merged.endsOn) {
      throw fieldError('body.endsOn', 'custom', 'endsOn must not be before startsOn');
    }
    const after = await updateProjectRow(tx, id, input);
    if (!after) throw notFound('Project');
    await recomputeEligibilityForProject(tx, after, ctx.now);
    const fields = ['code', 'name', 'funder', 'startsOn', 'endsOn', 'active', 'targetGroup', 'description'] as const;
    await recordAudit(tx, ctx, {
      action: 'project.updated',
      entityType: 'project',
      entityId: id,
      changes: diffFields(before, after, fields, fields),
    });
    return toProjectResponse(after);
  });
}
