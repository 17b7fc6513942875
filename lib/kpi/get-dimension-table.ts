// One row per team, model or pipeline for the sortable tables: emissions,
// energy, change on the previous period, share, and work intensities.
import { getPool } from '@/lib/db/pool';
import { previousRange, type DateRange, type KpiFilters } from '@/lib/kpi/filters';
import { change, perThousand } from '@/lib/kpi/intensity';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export type TableDimension = 'team' | 'model' | 'pipeline';

export interface DimensionRow {
  id: string;
  slug: string;
  label: string;
  /** The owning team's name (models and pipelines), else null. */
  teamName: string | null;
  teamSlug: string | null;
  emissionsG: number;
  facilityEnergyKwh: number;
  previousEmissionsG: number;
  change: number | null;
  /** Of the period's emissions over all rows (0..1). */
  share: number;
  trainingEmissionsG: number;
  inferenceEmissionsG: number;
  inferences: number;
  gPer1kInferences: number | null;
  llmTokens: number;
  eventCount: number;
  /** Versions on record (models only). */
  versionCount: number;
}

// Fixed SQL per dimension, never built from input.
const TABLES: Record<TableDimension, { column: string; entity: string; versions: string }> = {
  team: { column: 'team_id', entity: 'team', versions: '0' },
  model: {
    column: 'model_id',
    entity: 'model',
    versions: `(SELECT count(*) FROM model_version v
                 WHERE v.organisation_id = e.organisation_id AND v.model_id = e.id)`,
  },
  pipeline: { column: 'pipeline_id', entity: 'pipeline', versions: '0' },
};

interface SumsRow {
  id: string;
  slug: string;
  label: string;
  team_name: string | null;
  team_slug: string | null;
  emissions_g: number;
  energy_kwh: number;
  previous_g: number;
  training_g: number;
  inference_g: number;
  inferences: number;
  llm_tokens: number;
  event_count: number;
  versions: number;
}

/**
 * Entities with emissions in the period or the one before, largest first;
 * `before` must end where `range` starts.
 */
export async function getDimensionTable(
  organisationId: string,
  range: DateRange,
  dimension: TableDimension,
  filters: KpiFilters = {},
  before: DateRange = previousRange(range),
): Promise<DimensionRow[]> {
  const table = TABLES[dimension];
  const params = new Params();
  const where = rollupWhere(params, organisationId, { from: before.from, to: range.to }, filters);
  const split = params.add(range.from);
  const now = `r.bucket_start >= ${split}`;
  const ownerJoin =
    dimension === 'team'
      ? 'LEFT JOIN team o ON false'
      : 'LEFT JOIN team o ON o.organisation_id = e.organisation_id AND o.id = e.team_id';
  const { rows } = await getPool().query<SumsRow>(
    `WITH sums AS (
       SELECT r.${table.column} AS id,
              coalesce(sum(r.emissions_g) FILTER (WHERE ${now}), 0) AS emissions_g,
              coalesce(sum(r.facility_energy_kwh) FILTER (WHERE ${now}), 0) AS energy_kwh,
              coalesce(sum(r.emissions_g) FILTER (WHERE NOT ${now}), 0) AS previous_g,
              coalesce(sum(r.emissions_g) FILTER (WHERE ${now} AND r.kind = 'training'), 0)
                AS training_g,
              coalesce(sum(r.emissions_g) FILTER (WHERE ${now} AND r.kind = 'inference'), 0)
                AS inference_g,
              coalesce(sum(r.inferences) FILTER (WHERE ${now}), 0) AS inferences,
              coalesce(sum(r.tokens_in + r.tokens_out) FILTER (WHERE ${now}), 0) AS llm_tokens,
              coalesce(sum(r.event_count) FILTER (WHERE ${now}), 0)::float8 AS event_count
         FROM emission_rollup_hourly r
        WHERE ${where} AND r.${table.column} IS NOT NULL
        GROUP BY 1
     )
     SELECT e.id::text AS id, e.slug, e.name AS label, o.name AS team_name, o.slug AS team_slug,
            s.emissions_g, s.energy_kwh, s.previous_g, s.training_g, s.inference_g,
            s.inferences, s.llm_tokens, s.event_count, ${table.versions}::float8 AS versions
       FROM sums s
       JOIN ${table.entity} e ON e.organisation_id = ${params.add(organisationId)}::uuid
                             AND e.id = s.id
       ${ownerJoin}
      ORDER BY s.emissions_g DESC, e.name`,
    params.values,
  );
  const totalG = rows.reduce((sum, row) => sum + row.emissions_g, 0);

  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    label: row.label,
    teamName: row.team_name,
    teamSlug: row.team_slug,
    emissionsG: row.emissions_g,
    facilityEnergyKwh: row.energy_kwh,
    previousEmissionsG: row.previous_g,
    change: change(row.emissions_g, row.previous_g),
    share: totalG > 0 ? row.emissions_g / totalG : 0,
    trainingEmissionsG: row.training_g,
    inferenceEmissionsG: row.inference_g,
    inferences: row.inferences,
    gPer1kInferences: perThousand(row.inference_g, row.inferences),
    llmTokens: row.llm_tokens,
    eventCount: row.event_count,
    versionCount: row.versions,
  }));
}
