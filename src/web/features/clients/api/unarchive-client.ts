import { clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** Restores an archived client. */
export function unarchiveClient({ id, version }: { id: string; version: number }) {
  return requestApi(`/api/clients/${encodeURIComponent(id)}/unarchive`, { method: 'POST', version }, clientResponse);
}

export function useUnarchiveClient() {
  return useClientMutation(unarchiveClient);
}
