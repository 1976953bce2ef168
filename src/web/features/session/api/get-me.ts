import { useQuery } from '@tanstack/react-query';
import { hasPermission, type MeResponse, meResponse, type Permission } from '../../../../shared/index.js';
import { isApiError } from '../../../components/api/api-error.js';
import { requestApi } from '../../../components/api/request-api.js';

/** The query key of the signed-in user; invalidating it re-checks the session. */
export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when nobody is signed in. */
export async function getMe(signal?: AbortSignal): Promise<MeResponse | null> {
  try {
    return await requestApi('/api/me', { signal }, meResponse);
  } catch (error) {
    if (isApiError(error, 'UNAUTHENTICATED')) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: ({ signal }) => getMe(signal), staleTime: 60_000 });
}

/** Whether the signed-in user holds the permission (false while the session loads); the server decides anyway. */
export function useHasPermission(permission: Permission): boolean {
  const me = useMe();
  return me.data ? hasPermission(me.data.roles, permission) : false;
}
