// The events behind a figure, newest first, a page at a time. Reads
// emission_event through its (organisation, window_start) or
// (organisation, run) index; the total comes from the rollups' event counts
// (each event is counted once, in the hour it starts).
import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import type { EnergySource } from '@/lib/carbon/price';
import type { EventKind } from '@/lib/ingest/types';
import { getTotals } from '@/lib/kpi/get-totals';
import { Params } from '@/lib/kpi/sql';

export interface EventRow {
  id: string;
  kind: EventKind;
  windowStart: Date;
  windowEnd: Date;
  teamName: string | null;
  modelName: string | null;
  modelVersion: string | null;
  pipelineName: string | null;
  runId: string | null;
  runExternalId: string | null;
  step: string | null;
  regionKey: string;
  facilityEnergyKwh: number;
  energySource: EnergySource;
  pue: number;
  intensityGPerKwh: number;
  intensitySource: string;
  intensityFallback: boolean;
  factorSetId: string;
  factorSetName: string | null;
  factorSetVersion: number;
  emissionsG: number;
  inferences: number | null;
  tokens: number | null;
}

export interface EventPage {
  events: EventRow[];
  total: number;
  /** Emissions of the whole filtered set (not just this page); for a period, from the rollups. */
  emissionsG: number;
  limit: number;
  offset: number;
}

export const MAX_EVENT_PAGE = 200;

export async function listEvents(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters & { runId?: string } = {},
  page: { limit?: number; offset?: number } = {},
): Promise<EventPage> {
  const limit = Math.min(Math.max(page.limit ?? 50, 1), MAX_EVENT_PAGE);
  const offset = Math.max(page.offset ?? 0, 0);
  const params = new Params();
  const conditions = [`e.organisation_id = ${params.add(organisationId)}::uuid`];
  if (filters.runId) {
    conditions.push(`e.run_id = ${params.add(filters.runId)}::uuid`);
  } else {
    conditions.push(`e.window_start >= ${params.add(range.from)}`);
    conditions.push(`e.window_start < ${params.add(range.to)}`);
  }
  if (filters.teamId) conditions.push(`e.team_id = ${params.add(filters.teamId)}::uuid`);
  if (filters.modelId) conditions.push(`e.model_id = ${params.add(filters.modelId)}::uuid`);
  if (filters.pipelineId) conditions.push(`e.pipeline_id = ${params.add(filters.pipelineId)}::uuid`);
  if (filters.regionKey) conditions.push(`e.region_key = ${params.add(filters.regionKey)}`);
  if (filters.kind) conditions.push(`e.kind = ${params.add(filters.kind)}::event_kind`);
  const where = conditions.join(' AND ');
  const pool = getPool();
  const pageQuery = pool.query<EventRow>(
    `SELECT e.id::text, e.kind::text, e.window_start AS "windowStart",
            e.window_end AS "windowEnd", t.name AS "teamName", m.name AS "modelName",
            v.version AS "modelVersion", p.name AS "pipelineName", e.run_id::text AS "runId",
            run.external_id AS "runExternalId", e.step, e.region_key AS "regionKey",
            e.facility_energy_kwh AS "facilityEnergyKwh", e.energy_source::text AS "energySource",
            e.pue, e.intensity_g_per_kwh AS "intensityGPerKwh",
            e.intensity_source AS "intensitySource", e.intensity_fallback AS "intensityFallback",
            e.factor_set_id::text AS "factorSetId", fs.name AS "factorSetName",
            e.factor_set_version AS "factorSetVersion", e.emissions_g AS "emissionsG",
            e.inferences::float8 AS inferences,
            (CASE WHEN e.tokens_in IS NULL AND e.tokens_out IS NULL THEN NULL
                  ELSE coalesce(e.tokens_in, 0) + coalesce(e.tokens_out, 0) END)::float8 AS tokens
       FROM emission_event e
       LEFT JOIN team t ON t.organisation_id = e.organisation_id AND t.id = e.team_id
       LEFT JOIN model m ON m.organisation_id = e.organisation_id AND m.id = e.model_id
       LEFT JOIN model_version v
         ON v.organisation_id = e.organisation_id AND v.id = e.model_version_id
       LEFT JOIN pipeline p ON p.organisation_id = e.organisation_id AND p.id = e.pipeline_id
       LEFT JOIN run ON run.organisation_id = e.organisation_id AND run.id = e.run_id
       LEFT JOIN emission_factor_set fs ON fs.id = e.factor_set_id
      WHERE ${where}
      ORDER BY e.window_start DESC, e.id
      LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
    params.values,
  );
  const totalQuery = filters.runId
    ? pool
        .query<{ total: number; emissions_g: number }>(
          `SELECT count(*)::float8 AS total, coalesce(sum(e.emissions_g), 0) AS emissions_g
             FROM emission_event e WHERE ${where}`,
          params.values.slice(0, -2),
        )
        .then(({ rows }) => ({ total: rows[0]?.total ?? 0, emissionsG: rows[0]?.emissions_g ?? 0 }))
    : getTotals(organisationId, range, filters).then((t) => ({
        total: t.eventCount,
        emissionsG: t.emissionsG,
      }));
  const [{ rows }, totals] = await Promise.all([pageQuery, totalQuery]);

  return { events: rows, total: totals.total, emissionsG: totals.emissionsG, limit, offset };
}
