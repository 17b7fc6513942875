'use client';

// The dashboard filters as they stand in the URL, and a setter that changes
// the URL without a server round trip (React Query fetches the figures).
import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

import { filtersFrom } from '@/lib/kpi/search-filters';

export function useFilterParams() {
  const search = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => filtersFrom(new URLSearchParams(search.toString())), [search]);

  /** Sets or clears URL params (undefined or '' clears); `page` resets. */
  const setParams = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(search.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      const query = next.toString();
      window.history.pushState(null, '', query ? `${pathname}?${query}` : pathname);
    },
    [search, pathname],
  );

  return { filters, search, setParams };
}
