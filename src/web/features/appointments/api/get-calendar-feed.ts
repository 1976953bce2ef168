import { useQuery } from '@tanstack/react-query';
import { calendarFeedStatusResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Whether my calendar feed is active (its address is shown only when it is made). */
export function getCalendarFeed(signal?: AbortSignal) {
  return requestApi('/api/me/calendar-feed', { signal }, calendarFeedStatusResponse);
}

export function useCalendarFeed() {
  return useQuery({ queryKey: appointmentKeys.calendarFeed, queryFn: ({ signal }) => getCalendarFeed(signal) });
}
