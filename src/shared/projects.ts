import { z } from 'zod';
import { isoDate, optionalText, text, uuid } from './common.js';
import { targetGroupRule } from './eligibility.js';

const projectFields = {
  /** The funder's registration code, e.g. AMIF/23/01. */
  code: text(40),
  name: text(300),
  funder: text(200),
  startsOn: isoDate,
  endsOn: isoDate,
  /** Active projects are offered for services and have eligibility computed for every client. */
  active: z.boolean(),
  targetGroup: targetGroupRule,
  description: optionalText(2000).optional(),
};

const periodIsOrdered = (p: { startsOn?: string; endsOn?: string }) => !p.startsOn || !p.endsOn || p.startsOn <= p.endsOn;
const periodMessage = { message: 'endsOn must not be before startsOn', path: ['endsOn'] };

export const createProjectInput = z.strictObject(projectFields).refine(periodIsOrdered, periodMessage);
export type CreateProjectInput = z.infer<typeof createProjectInput>;
export const updateProjectInput = z.strictObject(projectFields).partial().refine(periodIsOrdered, periodMessage);
export type UpdateProjectInput = z.infer<typeof updateProjectInput>;

export const projectResponse = z
  .object({
    id: uuid,
    code: z.string(),
    name: z.string(),
    funder: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    active: z.boolean(),
    targetGroup: targetGroupRule,
    description: z.string().nullable(),
  })
  .meta({ id: 'Project' });
export type ProjectResponse = z.infer<typeof projectResponse>;
