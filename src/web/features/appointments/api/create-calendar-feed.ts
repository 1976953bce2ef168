import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarFeedCreatedResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Makes a new secret address of my calendar, ending the previous one; the answer is the only copy. */
export function createCalendarFeed() {
  return requestApi('/api/me/calendar-feed', { method: 'POST' }, calendarFeedCreatedResponse);
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: (feed) => queryClient.setQueryData(appointmentKeys.calendarFeed, { active: true, createdAt: feed.createdAt }),
  });
}
