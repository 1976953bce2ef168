import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { addDays, isRealIsoDate, toCentreDate, weekdayOf, weekdays } from '../../../../shared/index.js';

export type CalendarView = 'day' | 'week';
export type CalendarState = { view: CalendarView; date: string; staffId: string | null; branchId: string | null };

/** Monday of the date's week. */
export function weekStartOf(date: string): string {
  return addDays(date, -weekdays.indexOf(weekdayOf(date)));
}

/** The days a view of a date shows: the day itself, or its week from Monday to Sunday. */
export function daysOf(view: CalendarView, date: string): string[] {
  if (view === 'day') return [date];
  const monday = weekStartOf(date);
  return weekdays.map((_, index) => addDays(monday, index));
}

/**
 * The calendar's view, day and whose appointments, kept in the address so that a view can be linked
 * and the browser's back button returns to it. `staff=all` shows everyone's (filtered by branch).
 */
export function useCalendarState(defaultStaffId: string | null) {
  const [params, setParams] = useSearchParams();
  const state = useMemo<CalendarState>(() => {
    const date = params.get('date');
    const staff = params.get('staff');
    return {
      view: params.get('view') === 'day' ? 'day' : 'week',
      date: date && isRealIsoDate(date) ? date : toCentreDate(new Date()),
      staffId: staff === 'all' ? null : (staff ?? defaultStaffId),
      branchId: params.get('branch') || null,
    };
  }, [params, defaultStaffId]);

  const update = useCallback(
    (changes: Partial<CalendarState>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (changes.view) next.set('view', changes.view);
          if (changes.date) next.set('date', changes.date);
          if (changes.staffId !== undefined) next.set('staff', changes.staffId ?? 'all');
          if (changes.branchId !== undefined) {
            if (changes.branchId) next.set('branch', changes.branchId);
            else next.delete('branch');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { state, update };
}
