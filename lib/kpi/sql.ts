// Builds the WHERE clause shared by rollup queries, with numbered params.
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';

export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);

    return `$${this.values.length}`;
  }
}

/** Conditions on emission_rollup_hourly (alias r) for an organisation. */
export function rollupWhere(
  params: Params,
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): string {
  const conditions = [
    `r.organisation_id = ${params.add(organisationId)}::uuid`,
    `r.bucket_start >= ${params.add(range.from)}`,
    `r.bucket_start < ${params.add(range.to)}`,
  ];
  if (filters.teamId) conditions.push(`r.team_id = ${params.add(filters.teamId)}::uuid`);
  if (filters.modelId) conditions.push(`r.model_id = ${params.add(filters.modelId)}::uuid`);
  if (filters.pipelineId) conditions.push(`r.pipeline_id = ${params.add(filters.pipelineId)}::uuid`);
  if (filters.regionKey) conditions.push(`r.region_key = ${params.add(filters.regionKey)}`);
  if (filters.kind) conditions.push(`r.kind = ${params.add(filters.kind)}::event_kind`);

  return conditions.join(' AND ');
}

/** The sums every KPI is built from, over rollup rows r. */
export const TOTALS_SQL = `
  coalesce(sum(r.event_count), 0)::float8 AS "eventCount",
  coalesce(sum(r.measured_count), 0)::float8 AS "measuredCount",
  coalesce(sum(r.fallback_count), 0)::float8 AS "fallbackCount",
  coalesce(sum(r.energy_kwh), 0) AS "energyKwh",
  coalesce(sum(r.facility_energy_kwh), 0) AS "facilityEnergyKwh",
  coalesce(sum(r.emissions_g), 0) AS "emissionsG",
  coalesce(sum(r.emissions_min_g), 0) AS "emissionsMinG",
  coalesce(sum(r.emissions_max_g), 0) AS "emissionsMaxG",
  coalesce(sum(r.embodied_g), 0) AS "embodiedG",
  coalesce(sum(r.source_emissions_g), 0) AS "sourceEmissionsG",
  coalesce(sum(r.inferences), 0) AS "inferences",
  coalesce(sum(r.requests), 0) AS "requests",
  coalesce(sum(r.tokens_in), 0) AS "tokensIn",
  coalesce(sum(r.tokens_cached_in), 0) AS "tokensCachedIn",
  coalesce(sum(r.tokens_out), 0) AS "tokensOut",
  coalesce(sum(r.samples), 0) AS "samples"`;

export interface Totals {
  eventCount: number;
  measuredCount: number;
  fallbackCount: number;
  energyKwh: number;
  facilityEnergyKwh: number;
  emissionsG: number;
  emissionsMinG: number;
  emissionsMaxG: number;
  embodiedG: number;
  sourceEmissionsG: number;
  inferences: number;
  requests: number;
  tokensIn: number;
  tokensCachedIn: number;
  tokensOut: number;
  samples: number;
}
