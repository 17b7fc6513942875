'use client';

// The shared part of the KPI hooks: object-shaped keys, the request schema
// shared with the route, the server's first render as initial data, and the
// last answer kept on screen while a new filter loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';

import {
  kpiSchemas,
  toSearchParams,
  type KpiEndpoint,
  type KpiInput,
} from '@/lib/kpi/endpoint-schemas';
import type { KpiResult } from '@/lib/kpi/endpoints';
import type { Jsonified } from '@/lib/hooks/json';

export type KpiData<E extends KpiEndpoint> = Jsonified<KpiResult<E>>;

export interface Initial<E extends KpiEndpoint> {
  input: KpiInput<E>;
  data: KpiData<E>;
}

export class KpiRequestError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

async function fetchKpi<E extends KpiEndpoint>(endpoint: E, input: KpiInput<E>) {
  const query = toSearchParams(input as Record<string, unknown>).toString();
  const response = await fetch(`/api/v1/kpi/${endpoint}?${query}`, {
    headers: { accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as
    | { error?: { message?: string; requestId?: string } }
    | null;
  if (!response.ok) {
    throw new KpiRequestError(
      body?.error?.message ?? `The server answered ${response.status}`,
      body?.error?.requestId,
    );
  }

  return body as KpiData<E>;
}

const sameInput = (a: unknown, b: unknown) =>
  toSearchParams(a as Record<string, unknown>).toString() ===
  toSearchParams(b as Record<string, unknown>).toString();

export function useKpiQuery<E extends KpiEndpoint>(
  endpoint: E,
  rawInput: KpiInput<E>,
  initial?: Initial<E>,
) {
  const input = kpiSchemas[endpoint].parse(rawInput) as KpiInput<E>;

  return useQuery({
    queryKey: ['kpi', { endpoint, ...input }],
    queryFn: () => fetchKpi(endpoint, input),
    initialData: initial && sameInput(initial.input, input) ? initial.data : undefined,
    placeholderData: keepPreviousData,
  });
}
