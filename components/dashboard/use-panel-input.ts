'use client';

// A panel's request: the URL's filters with the page's fixed ones on top
// (a team page always filters by its team).
import { useMemo } from 'react';

import { useDashboardSettings } from '@/components/layout/dashboard-context';
import { periodLabel } from '@/components/dashboard/labels';
import { useFilterParams } from '@/lib/hooks/use-filter-params';
import type { FilterParams } from '@/lib/kpi/filters';

export function usePanelInput(fixed: FilterParams = {}) {
  const { filters, search, setParams } = useFilterParams();
  const settings = useDashboardSettings();
  const key = JSON.stringify(fixed);
  const input = useMemo(() => ({ ...filters, ...(JSON.parse(key) as FilterParams) }), [filters, key]);

  return { input, filters, search, setParams, period: periodLabel(input, settings) };
}
