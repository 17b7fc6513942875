'use client';

// Period (quarter presets or from/to) and filters, all kept in the URL so a
// copied link shows the same view. `hide` leaves out filters a page fixes.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';

import { useDashboardSettings } from '@/components/layout/dashboard-context';
import { KIND_LABELS } from '@/components/dashboard/labels';
import { useFilterParams } from '@/lib/hooks/use-filter-params';
import { EVENT_KINDS } from '@/lib/ingest/types';
import type { FilterOptions } from '@/lib/kpi/list-filter-options';
import { quarterChoices } from '@/lib/kpi/quarter-choices';

type Filter = 'team' | 'model' | 'region' | 'kind';

export function FilterBar({ hide = [], options }: { hide?: Filter[]; options: FilterOptions }) {
  const { filters, setParams } = useFilterParams();
  const { currentQuarter, defaultQuarter } = useDashboardSettings();
  const [custom, setCustom] = useState(Boolean(filters.from && filters.to));
  const quarter = filters.from && filters.to ? 'custom' : (filters.quarter ?? defaultQuarter);
  // The options come with the page; kept in the cache for the next page.
  const { data } = useQuery({
    queryKey: ['kpi', { endpoint: 'filter-options' }],
    queryFn: async () => options,
    initialData: options,
    staleTime: Infinity,
  });

  const applyDates = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    if (from && to && from <= to) setParams({ from, to, quarter: undefined });
  };
  const select = (name: Filter, label: string, values: { value: string; label: string }[]) =>
    hide.includes(name) ? null : (
      <label>
        {label}
        <select value={filters[name] ?? ''} onChange={(e) => setParams({ [name]: e.target.value })}>
          <option value="">All</option>
          {values.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
    );

  return (
    <div className="filter-bar" role="group" aria-label="Filters">
      <label>
        Period
        <select
          value={custom ? 'custom' : quarter}
          onChange={(e) => {
            if (e.target.value === 'custom') return setCustom(true);
            setCustom(false);
            setParams({ quarter: e.target.value, from: undefined, to: undefined });
          }}
        >
          {quarterChoices(currentQuarter, filters.quarter).map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </select>
      </label>
      {custom && (
        <form
          onSubmit={applyDates}
          style={{ display: 'flex', gap: '0.5rem', alignItems: 'flex-end' }}
        >
          <label>
            From
            <input type="date" name="from" defaultValue={filters.from} required />
          </label>
          <label>
            To (inclusive)
            <input type="date" name="to" defaultValue={filters.to} required />
          </label>
          <button type="submit" className="secondary">
            Apply
          </button>
        </form>
      )}
      {select('team', 'Team', data.teams)}
      {select('model', 'Model', data.models)}
      {select('region', 'Region', data.regions)}
      {select(
        'kind',
        'Kind',
        EVENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] })),
      )}
    </div>
  );
}
