import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../components/api/api-error.js';
import { meQueryKey } from '../features/session/index.js';

/**
 * One place reacts to a lost session: any request answered 401 or 403 TWO_FACTOR_REQUIRED makes the
 * session be re-read, and the session guard then shows the sign-in or two-factor screen.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => reactToSessionLoss(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => reactToSessionLoss(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !isApiError(error) || (error.status >= 500 && failureCount < 2) || (error.code === 'NETWORK' && failureCount < 2),
      },
    },
  });

  function reactToSessionLoss(error: unknown, queryKey?: readonly unknown[]): void {
    if (queryKey?.[0] === meQueryKey[0]) return;
    if (isApiError(error, 'UNAUTHENTICATED') || isApiError(error, 'TWO_FACTOR_REQUIRED')) {
      void client.invalidateQueries({ queryKey: meQueryKey });
    }
  }

  return client;
}
