import { useQuery } from '@tanstack/react-query';
import { counsellingTopicList } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

/** The configured topic list, in the order it is offered. */
export function getTopics(signal?: AbortSignal) {
  return requestApi('/api/counselling/topics', { signal }, counsellingTopicList);
}

export function useTopics() {
  return useQuery({ queryKey: consultationKeys.topics, queryFn: ({ signal }) => getTopics(signal), staleTime: 5 * 60_000 });
}
