import { useMutation, useQueryClient } from '@tanstack/react-query';
import { documentResponse, type UploadDocumentInput } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';
import { documentKeys } from './document-keys.js';

export type UploadDocumentVariables = { clientId: string; file: File; input: UploadDocumentInput };

/** Sends one file with its description and consultation as multipart/form-data. */
export function uploadDocument({ clientId, file, input }: UploadDocumentVariables) {
  const form = new FormData();
  if (input.description) form.append('description', input.description);
  if (input.consultationId) form.append('consultationId', input.consultationId);
  form.append('file', file, file.name);
  return requestApi(`/api/clients/${encodeURIComponent(clientId)}/documents`, { method: 'POST', body: form }, documentResponse);
}

export function useUploadDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}
