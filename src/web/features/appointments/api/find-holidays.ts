import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { holidayResponse, type UiLanguage } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { appointmentKeys } from './appointment-keys.js';

const holidayList = z.array(holidayResponse);

/** Czech public holidays from one day to another, named in the UI language. */
export function findHolidays(from: string, to: string, lang: UiLanguage, signal?: AbortSignal) {
  return requestApi('/api/holidays', { query: { from, to, lang }, signal }, holidayList);
}

export function useHolidays(from: string | null, to: string | null, lang: UiLanguage) {
  return useQuery({
    enabled: Boolean(from && to),
    queryKey: appointmentKeys.holidays(from ?? '', to ?? '', lang),
    queryFn: ({ signal }) => findHolidays(from ?? '', to ?? '', lang, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
