import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api-error.ts';

interface QueryClientHooks {
  /** Called when any query learns the session is gone, so the app can send the person to sign in. */
  onUnauthenticated?: () => void;
  /** Called when an org answers `TWO_FACTOR_REQUIRED`, so the app can explain and send the person to set it up. */
  onTwoFactorRequired?: () => void;
}

/** Refusals (4xx) are answers, not glitches: retrying them only delays the error state. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(hooks: QueryClientHooks = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 'UNAUTHENTICATED')) hooks.onUnauthenticated?.();
        if (isApiError(error, 'TWO_FACTOR_REQUIRED')) hooks.onTwoFactorRequired?.();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error, 'TWO_FACTOR_REQUIRED')) hooks.onTwoFactorRequired?.();
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        // Live events and sync-on-reconnect keep lists current; a focus refetch would re-download
        // every loaded page of a long list for nothing.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
