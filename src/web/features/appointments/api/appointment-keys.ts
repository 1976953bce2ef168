import type { ListAppointmentsQuery, ListOutboxQuery } from '../../../../shared/index.js';

/** Query keys of appointments; a booking or a change invalidates `all`, which the outbox shares. */
export const appointmentKeys = {
  all: ['appointments'] as const,
  calendar: (query: ListAppointmentsQuery) => ['appointments', 'calendar', query] as const,
  detail: (id: string) => ['appointments', 'detail', id] as const,
  ofClient: (clientId: string, query: { limit: number; offset: number }) => ['appointments', 'client', clientId, query] as const,
  counsellors: ['appointments', 'counsellors'] as const,
  holidays: (from: string, to: string, lang: string) => ['appointments', 'holidays', from, to, lang] as const,
  workingHours: ['appointments', 'working-hours'] as const,
  calendarFeed: ['appointments', 'calendar-feed'] as const,
  outbox: (query: Partial<ListOutboxQuery>) => ['appointments', 'outbox', query] as const,
};
