import { type CreateConsultationInput, consultationResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useConsultationMutation } from './use-consultation-mutation.js';

/** Records a consultation with a client (from an appointment, too). */
export function createConsultation({ clientId, input }: { clientId: string; input: CreateConsultationInput }) {
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/consultations`, { method: 'POST', body: input }, consultationResponse);
}

export function useCreateConsultation() {
  return useConsultationMutation(createConsultation);
}
