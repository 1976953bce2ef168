import type { Db } from '../src/db/open-database.js';
import { selectCalendar } from '../src/server/features/appointments/appointments.repo.js';
import { selectTimeline } from '../src/server/features/timeline/timeline.repo.js';
import { addDays, centreInstant, timelineKinds } from '../src/shared/index.js';
import type { CounsellingDataSet } from './counselling-data.js';
import type { Scenario } from './stats.js';

/** Names of the scenarios the issue sets targets for. */
export const timelineScenario = 'timeline, client with 500 entries (first page)';
export const calendarScenario = 'week calendar of a counsellor';

/** Mondays of the weeks the calendar scenario opens: this autumn and winter, busy with booked appointments. */
const weeks = ['2026-10-05', '2026-10-12', '2026-11-02', '2026-11-23', '2026-11-30', '2026-12-07', '2027-01-11', '2027-02-01'];

/**
 * The counselling hot paths: the busy client's timeline as the page opens it (30 newest entries)
 * and deeper in its history through the cursor, beside the timeline's own SQL; and a counsellor's
 * week in the calendar (Monday to Sunday), a different counsellor and week each time, beside the
 * calendar's SQL.
 */
export function counsellingScenarios(db: Db, data: CounsellingDataSet, cursors: readonly string[]): Scenario[] {
  const timeline = (cursor: string | null) => {
    const query = new URLSearchParams({ limit: '30' });
    if (cursor) query.set('cursor', cursor);
    const separator = cursor?.indexOf('_') ?? -1;
    const before = cursor ? { at: cursor.slice(0, separator), id: cursor.slice(separator + 1) } : null;
    return {
      path: `/api/clients/${data.busyClientId}/timeline?${query}`,
      direct: () => selectTimeline(db, data.busyClientId, { kinds: timelineKinds, before, limit: 31 }),
    };
  };
  return [
    { name: timelineScenario, sample: () => timeline(null) },
    { name: 'timeline, client with 500 entries (older pages)', sample: (i) => timeline(cursors[i % cursors.length] ?? null) },
    {
      name: calendarScenario,
      sample: (i) => {
        const staffId = `bench-counsellor-${i % data.counsellors}`;
        const from = weeks[i % weeks.length] as string;
        const to = addDays(from, 6);
        return {
          path: `/api/appointments?${new URLSearchParams({ from, to, staffId })}`,
          direct: () =>
            selectCalendar(db, { startsFrom: centreInstant(from, '00:00'), startsBefore: centreInstant(addDays(to, 1), '00:00'), staffId }),
        };
      },
    },
  ];
}
