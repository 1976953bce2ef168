import { useMutation, useQueryClient } from '@tanstack/react-query';
import { calendarFeedStatusResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

/** Ends my calendar feed; calendar apps stop receiving it. */
export function revokeCalendarFeed() {
  return requestApi('/api/me/calendar-feed', { method: 'DELETE' }, calendarFeedStatusResponse);
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: (status) => queryClient.setQueryData(appointmentKeys.calendarFeed, status),
  });
}
