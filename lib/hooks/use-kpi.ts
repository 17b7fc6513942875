'use client';

// One hook per /api/v1/kpi endpoint.
import type { KpiInput } from '@/lib/kpi/endpoint-schemas';
import { useKpiQuery, type Initial } from '@/lib/hooks/kpi-query';

export const useSummary = (input: KpiInput<'summary'>, initial?: Initial<'summary'>) =>
  useKpiQuery('summary', input, initial);

export const useMarketBased = (
  input: KpiInput<'market-based'>,
  initial?: Initial<'market-based'>,
) => useKpiQuery('market-based', input, initial);

export const useTargetProgress = (input: KpiInput<'target'>, initial?: Initial<'target'>) =>
  useKpiQuery('target', input, initial);

export const useTimeSeries = (
  input: KpiInput<'time-series'>,
  initial?: Initial<'time-series'>,
) => useKpiQuery('time-series', input, initial);

export const useDimensionTable = (input: KpiInput<'table'>, initial?: Initial<'table'>) =>
  useKpiQuery('table', input, initial);

export const useBreakdown = (input: KpiInput<'breakdown'>, initial?: Initial<'breakdown'>) =>
  useKpiQuery('breakdown', input, initial);

export const useModelVersions = (
  input: KpiInput<'model-versions'>,
  initial?: Initial<'model-versions'>,
) => useKpiQuery('model-versions', input, initial);

export const useRuns = (input: KpiInput<'runs'>, initial?: Initial<'runs'>) =>
  useKpiQuery('runs', input, initial);

export const usePipelineSteps = (
  input: KpiInput<'pipeline-steps'>,
  initial?: Initial<'pipeline-steps'>,
) => useKpiQuery('pipeline-steps', input, initial);

export const useLlmUsage = (input: KpiInput<'llm'>, initial?: Initial<'llm'>) =>
  useKpiQuery('llm', input, initial);

export const useEvents = (input: KpiInput<'events'>, initial?: Initial<'events'>) =>
  useKpiQuery('events', input, initial);
