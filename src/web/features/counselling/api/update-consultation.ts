import { consultationResponse, type UpdateConsultationInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useConsultationMutation } from './use-consultation-mutation.js';

/** Changes a consultation (its author, or a coordinator). */
export function updateConsultation({ id, input, version }: { id: string; input: UpdateConsultationInput; version: number }) {
  return requestApi(`/api/consultations/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, version }, consultationResponse);
}

export function useUpdateConsultation() {
  return useConsultationMutation(updateConsultation);
}
