import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CounsellingTopicList, counsellingTopicList } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { consultationKeys } from './consultation-keys.js';

/** Replaces the topic list; answers 409 CONFLICT with `details.codes` when a removed topic is in use. */
export function updateTopics(input: CounsellingTopicList) {
  return requestApi('/api/counselling/topics', { method: 'PUT', body: input }, counsellingTopicList);
}

export function useUpdateTopics() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateTopics, onSuccess: (saved) => queryClient.setQueryData(consultationKeys.topics, saved) });
}
