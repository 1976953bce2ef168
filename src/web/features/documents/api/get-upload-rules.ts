import { useQuery } from '@tanstack/react-query';
import { documentUploadRules } from '../../../../shared/index.js';
import { requestApi } from '../../../components/api/request-api.js';

/** The largest file and the kinds of file an upload accepts (set by the server's configuration). */
export function getUploadRules(signal?: AbortSignal) {
  return requestApi('/api/documents/upload-rules', { signal }, documentUploadRules);
}

export function useUploadRules(enabled: boolean) {
  return useQuery({ queryKey: ['document-upload-rules'], queryFn: ({ signal }) => getUploadRules(signal), staleTime: Infinity, enabled });
}
