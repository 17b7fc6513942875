// The request schema of every /api/v1/kpi/<endpoint>: the URL filters plus
// what the endpoint needs. Client-safe, so React Query hooks share it.
import { z } from 'zod';

import { datesReversed, filterParamsSchema, type FilterParams } from '@/lib/kpi/filters';

const page = z.coerce.number().int().min(1).max(10_000).optional();
const uuid = z.uuid();

// Refined after extending: zod cannot extend a refined object.
const dated = <S extends z.ZodType<Pick<FilterParams, 'from' | 'to'>>>(schema: S) =>
  schema.superRefine((value, context) => {
    if (datesReversed(value)) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must be on or after from' });
    }
  });

export const kpiSchemas = {
  summary: dated(filterParamsSchema),
  'market-based': dated(filterParamsSchema),
  target: dated(filterParamsSchema),
  'time-series': dated(
    filterParamsSchema.extend({ group: z.enum(['kind', 'team', 'model', 'none']).optional() }),
  ),
  table: dated(filterParamsSchema.extend({ dimension: z.enum(['team', 'model', 'pipeline']) })),
  breakdown: dated(
    filterParamsSchema.extend({ dimension: z.enum(['region', 'kind', 'model_version', 'source']) }),
  ),
  'model-versions': dated(filterParamsSchema.extend({ model: z.string().max(100) })),
  runs: dated(
    filterParamsSchema.extend({ runKind: z.enum(['training', 'pipeline_run']).optional() }),
  ),
  'pipeline-steps': dated(filterParamsSchema.extend({ pipeline: z.string().max(100) })),
  llm: dated(filterParamsSchema),
  events: dated(
    filterParamsSchema.extend({
      run: uuid.optional(),
      page,
      pageSize: z.coerce.number().int().min(10).max(200).optional(),
    }),
  ),
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
