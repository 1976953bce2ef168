import { type CreateAnonymousConsultationInput, consultationResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useConsultationMutation } from './use-consultation-mutation.js';

/** Records a consultation with someone who stays anonymous. */
export function createAnonymousConsultation(input: CreateAnonymousConsultationInput) {
  return requestApi('/api/consultations/anonymous', { method: 'POST', body: input }, consultationResponse);
}

export function useCreateAnonymousConsultation() {
  return useConsultationMutation(createAnonymousConsultation);
}
