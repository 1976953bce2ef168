import { clientResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { useClientMutation } from './use-client-mutation.js';

/** Archives a client with a reason; the record is kept. */
export function archiveClient({ id, reason, version }: { id: string; reason: string; version: number }) {
  return requestApi(`/api/clients/${encodeURIComponent(id)}/archive`, { method: 'POST', body: { reason }, version }, clientResponse);
}

export function useArchiveClient() {
  return useClientMutation(archiveClient);
}
