// The request schema of every /api/v1/kpi/<endpoint>: the URL filters plus
// what the endpoint needs. Client-safe, so React Query hooks share it.
import { z } from 'zod';

import { filterParamsSchema } from '@/lib/kpi/filters';

const page = z.coerce.number().int().min(1).max(10_000).optional();
const uuid = z.uuid();

export const kpiSchemas = {
  summary: filterParamsSchema,
  'market-based': filterParamsSchema,
  target: filterParamsSchema,
  'time-series': filterParamsSchema.extend({
    group: z.enum(['kind', 'team', 'model', 'none']).optional(),
  }),
  table: filterParamsSchema.extend({ dimension: z.enum(['team', 'model', 'pipeline']) }),
  breakdown: filterParamsSchema.extend({
    dimension: z.enum(['region', 'kind', 'model_version', 'source']),
  }),
  'model-versions': filterParamsSchema.extend({ model: z.string().max(100) }),
  runs: filterParamsSchema.extend({ runKind: z.enum(['training', 'pipeline_run']).optional() }),
  'pipeline-steps': filterParamsSchema.extend({ pipeline: z.string().max(100) }),
  llm: filterParamsSchema,
  events: filterParamsSchema.extend({
    run: uuid.optional(),
    page,
    pageSize: z.coerce.number().int().min(10).max(200).optional(),
  }),
  'filter-options': z.object({}),
} as const;

export type KpiEndpoint = keyof typeof kpiSchemas;
export type KpiInput<E extends KpiEndpoint> = z.infer<(typeof kpiSchemas)[E]>;

export function isKpiEndpoint(name: string): name is KpiEndpoint {
  return Object.hasOwn(kpiSchemas, name);
}

/** Search params of an input, keys sorted, empty values left out. */
export function toSearchParams(input: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(input).sort()) {
    const value = input[key];
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }

  return params;
}
