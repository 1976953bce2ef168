import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { counsellorResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

const counsellorList = z.array(counsellorResponse);

/** The staff appointments are booked with. */
export function findCounsellors(signal?: AbortSignal) {
  return requestApi('/api/counsellors', { signal }, counsellorList);
}

export function useCounsellors() {
  return useQuery({ queryKey: appointmentKeys.counsellors, queryFn: ({ signal }) => findCounsellors(signal), staleTime: 60_000 });
}
