// The values the filter bar offers: the organisation's teams, models,
// pipelines and the regions its telemetry came from.
import { getPool } from '@/lib/db/pool';

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterOptions {
  teams: FilterOption[];
  models: FilterOption[];
  pipelines: FilterOption[];
  regions: FilterOption[];
}

export async function listFilterOptions(organisationId: string): Promise<FilterOptions> {
  const pool = getPool();
  const named = (table: 'team' | 'model' | 'pipeline') =>
    pool
      .query<FilterOption>(
        `SELECT slug AS value, name AS label FROM ${table}
          WHERE organisation_id = $1::uuid ORDER BY lower(name), name`,
        [organisationId],
      )
      .then((r) => r.rows);
  // Reads the rollups' region keys, not events: tens of thousands of rows.
  const regions = pool
    .query<FilterOption>(
      `SELECT DISTINCT region_key AS value, region_key AS label FROM emission_rollup_hourly
        WHERE organisation_id = $1::uuid ORDER BY 1`,
      [organisationId],
    )
    .then((r) => r.rows);
  const [teams, models, pipelines, regionRows] = await Promise.all([
    named('team'),
    named('model'),
    named('pipeline'),
    regions,
  ]);

  return { teams, models, pipelines, regions: regionRows };
}
