import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okResponse } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { documentKeys } from './document-keys.js';

/** Removes a document from the client's record (the API keeps the file for the retention rules). */
export function deleteDocument(id: string) {
  return requestApi(`/api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' }, okResponse);
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}
