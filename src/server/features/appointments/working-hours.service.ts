import type { Tx } from '../../../db/open-database.js';
import { defaultWorkingHours, type WorkingHours, weekdays, workingHours } from '../../../shared/index.js';
import type { Ctx } from '../../http/context.js';
import { diffFields, recordAudit } from '../audit/audit.service.js';
import { readSetting, writeSetting } from '../centre/centre.service.js';

/** The working hours' key among the centre's settings. */
const settingKey = 'working_hours';

/** The centre's working hours: the default ones until a coordinator saves others. */
export async function getWorkingHours(db: Tx): Promise<WorkingHours> {
  const parsed = workingHours.safeParse(await readSetting(db, settingKey));
  return parsed.success ? parsed.data : defaultWorkingHours;
}

/** Replaces the working hours; the audit shows each changed day's times (they are not personal data). */
export async function updateWorkingHours(ctx: Ctx, input: WorkingHours): Promise<WorkingHours> {
  return ctx.db.transaction(async (tx) => {
    const before = await getWorkingHours(tx);
    await writeSetting(tx, settingKey, input);
    await recordAudit(tx, ctx, {
      action: 'settings.updated',
      entityType: 'working_hours',
      changes: diffFields(before, input, weekdays, weekdays),
    });
    return input;
  });
}
