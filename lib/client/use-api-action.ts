'use client';

// The state every settings form and button keeps around one API call:
// pending while it runs, the ApiCallError when it fails, and the page's
// server data refreshed when it succeeds.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ApiCallError } from '@/lib/client/api';

export interface ApiActionOptions {
  /**
   * Stay pending after a success, for a button whose row the refresh
   * removes: it cannot be pressed twice in the meantime.
   */
  pendingUntilRefresh?: boolean;
}

export function useApiAction(options: ApiActionOptions = {}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function run<T>(call: () => Promise<T>, onSuccess?: (result: T) => void) {
    setPending(true);
    setError(null);
    try {
      const result = await call();
      onSuccess?.(result);
      router.refresh();
      if (!options.pendingUntilRefresh) setPending(false);
    } catch (failure) {
      setError(
        failure instanceof ApiCallError ? failure : new ApiCallError((failure as Error).message),
      );
      setPending(false);
    }
  }

  return { pending, error, setError, run };
}
