// What each /api/v1/kpi/<endpoint> answers, for the route handler and for
// the pages' first render alike, so both show the same numbers.
import type { Viewer } from '@/lib/auth/viewer';
import { kpiSchemas, type KpiEndpoint, type KpiInput } from '@/lib/kpi/endpoint-schemas';
import { periodFromParams, type DateRange, type KpiFilters } from '@/lib/kpi/filters';
import { getBreakdown } from '@/lib/kpi/get-breakdown';
import { getDimensionTable } from '@/lib/kpi/get-dimension-table';
import { getLlmUsage } from '@/lib/kpi/get-llm-usage';
import { getMarketBased } from '@/lib/kpi/get-market-based';
import { getModelVersions } from '@/lib/kpi/get-model-versions';
import { getPipelineSteps } from '@/lib/kpi/get-pipeline-steps';
import { getSummary } from '@/lib/kpi/get-summary';
import { getTargetProgress } from '@/lib/kpi/get-target-progress';
import { getTimeSeries } from '@/lib/kpi/get-time-series';
import { listEvents } from '@/lib/kpi/list-events';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { listRuns } from '@/lib/kpi/list-runs';
import { resolveFilters } from '@/lib/kpi/resolve-filters';

type Scope = Pick<Viewer, 'organisationId' | 'timeZone'>;

interface Context<E extends KpiEndpoint> {
  organisationId: string;
  timeZone: string;
  range: DateRange;
  /** The period `range` is compared with; ends where `range` starts. */
  previous: DateRange;
  filters: KpiFilters;
  input: KpiInput<E>;
}

// Resolves nothing (an unknown slug) to this id, which matches no row.
const NOTHING = '00000000-0000-0000-0000-000000000000';

const loaders = {
  summary: (c: Context<'summary'>) =>
    getSummary(c.organisationId, c.range, c.filters, c.previous),
  'market-based': (c: Context<'market-based'>) =>
    getMarketBased(c.organisationId, c.range, c.filters),
  target: (c: Context<'target'>) => getTargetProgress(c.organisationId, c.range.to, c.timeZone),
  'time-series': (c: Context<'time-series'>) =>
    getTimeSeries(c.organisationId, c.range, {
      filters: c.filters,
      group: c.input.group ?? 'kind',
      timeZone: c.timeZone,
    }),
  table: (c: Context<'table'>) =>
    getDimensionTable(c.organisationId, c.range, c.input.dimension, c.filters, c.previous),
  breakdown: (c: Context<'breakdown'>) =>
    getBreakdown(c.organisationId, c.range, c.input.dimension, c.filters),
  'model-versions': (c: Context<'model-versions'>) =>
    getModelVersions(c.organisationId, c.filters.modelId ?? NOTHING, c.range),
  runs: (c: Context<'runs'>) =>
    listRuns(c.organisationId, c.range, {
      modelId: c.filters.modelId,
      pipelineId: c.filters.pipelineId,
      kind: c.input.runKind,
    }),
  'pipeline-steps': (c: Context<'pipeline-steps'>) =>
    getPipelineSteps(c.organisationId, c.filters.pipelineId ?? NOTHING, c.range),
  llm: (c: Context<'llm'>) => getLlmUsage(c.organisationId, c.range, c.filters),
  events: (c: Context<'events'>) => {
    const pageSize = c.input.pageSize ?? 50;

    return listEvents(
      c.organisationId,
      c.range,
      { ...c.filters, runId: c.input.run },
      { limit: pageSize, offset: ((c.input.page ?? 1) - 1) * pageSize },
    );
  },
  'filter-options': (c: Context<'filter-options'>) => listFilterOptions(c.organisationId),
} satisfies { [E in KpiEndpoint]: (context: Context<E>) => Promise<unknown> };

export type KpiResult<E extends KpiEndpoint> = Awaited<ReturnType<(typeof loaders)[E]>>;

/** Answers an endpoint for the viewer's organisation; `raw` is validated here. */
export async function loadKpi<E extends KpiEndpoint>(
  endpoint: E,
  scope: Scope,
  raw: unknown,
): Promise<KpiResult<E>> {
  const input = kpiSchemas[endpoint].parse(raw) as KpiInput<E>;
  const params = input as KpiInput<'summary'>;
  const { range, previous } = periodFromParams(params, scope.timeZone);
  const filters = await resolveFilters(scope.organisationId, params);
  const load = loaders[endpoint] as (context: Context<E>) => Promise<KpiResult<E>>;
  const { organisationId, timeZone } = scope;

  return load({ organisationId, timeZone, range, previous, filters, input });
}
