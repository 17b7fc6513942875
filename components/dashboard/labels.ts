// Names people read for kinds and groupings, the chart palette, and the
// period a set of filters covers.
import type { FilterParams } from '@/lib/kpi/filters';
import type { EventKind } from '@/lib/ingest/types';

export const KIND_LABELS: Record<EventKind, string> = {
  training: 'Training',
  inference: 'Inference',
  pipeline_step: 'Pipelines',
  llm_api_call: 'LLM APIs',
  storage: 'Storage',
};

export const kindLabel = (kind: string) => KIND_LABELS[kind as EventKind] ?? kind;

// Dark enough for 3:1 against white (WCAG non-text contrast) and each other.
export const PALETTE = [
  '#1d6b45',
  '#2b5fad',
  '#b3541e',
  '#7a3f98',
  '#8a6d00',
  '#0f7c80',
  '#a4262c',
  '#55605b',
  '#3d4fa0',
  '#6b5a3a',
];

/** The period filters cover, as people read it; the current quarter is partial. */
export function periodLabel(
  filters: FilterParams,
  quarters: { currentQuarter: string; defaultQuarter: string },
): string {
  if (filters.from && filters.to && !filters.quarter) return `${filters.from} to ${filters.to}`;
  const quarter = filters.quarter ?? quarters.defaultQuarter;

  return quarter === quarters.currentQuarter ? `${quarter} (in progress)` : quarter;
}

/** A query string of the filters (and extras) for links that drill down. */
export function hrefWith(path: string, filters: FilterParams, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) {
    if (value) params.set(key, String(value));
  }
  const query = params.toString();

  return query ? `${path}?${query}` : path;
}

export type Group = 'kind' | 'team' | 'model';

/** The chart grouping from the URL's `group`, if the page offers it. */
export function groupFrom(value: string | null | undefined, allowed: Group[]): Group {
  return allowed.find((g) => g === value) ?? allowed[0] ?? 'kind';
}
