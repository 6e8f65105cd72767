import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/**
 * Whether a failed read is worth one more try: never for a client error (4xx answers the same
 * again, and the reader should see it at once), once for anything else (a network hiccup, a 5xx).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: 500,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
    },
  });
}
