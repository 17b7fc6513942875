import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { Params, rollupWhere, TOTALS_SQL, type Totals } from '@/lib/kpi/sql';

export const BREAKDOWN_DIMENSIONS = [
  'team',
  'model',
  'model_version',
  'pipeline',
  'kind',
  'region',
  'source',
] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export interface BreakdownRow extends Totals {
  /** The dimension's id (uuid), or its value for kind/region/source; null = none. */
  key: string | null;
  slug: string | null;
  label: string;
}

// Per dimension: the rollup column and how to name it. Fixed SQL fragments,
// never built from input.
const DIMENSIONS: Record<BreakdownDimension, { key: string; slug: string; label: string; join: string }> = {
  team: {
    key: 'r.team_id::text',
    slug: 't.slug',
    label: "coalesce(t.name, 'No team')",
    join: 'LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id',
  },
  model: {
    key: 'r.model_id::text',
    slug: 'm.slug',
    label: "coalesce(m.name, 'No model')",
    join: 'LEFT JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id',
  },
  model_version: {
    key: 'r.model_version_id::text',
    slug: 'v.version',
    label: "coalesce(m.name || ' ' || v.version, 'No version')",
    join: `LEFT JOIN model_version v ON v.organisation_id = r.organisation_id AND v.id = r.model_version_id
           LEFT JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id`,
  },
  pipeline: {
    key: 'r.pipeline_id::text',
    slug: 'p.slug',
    label: "coalesce(p.name, 'No pipeline')",
    join: 'LEFT JOIN pipeline p ON p.organisation_id = r.organisation_id AND p.id = r.pipeline_id',
  },
  kind: { key: 'r.kind::text', slug: 'r.kind::text', label: 'r.kind::text', join: '' },
  region: { key: 'r.region_key', slug: 'r.region_key', label: 'r.region_key', join: '' },
  source: { key: 'r.source::text', slug: 'r.source::text', label: 'r.source::text', join: '' },
};

/** Totals per value of one dimension, largest emissions first. */
export async function getBreakdown(
  organisationId: string,
  range: DateRange,
  dimension: BreakdownDimension,
  filters: KpiFilters = {},
): Promise<BreakdownRow[]> {
  const d = DIMENSIONS[dimension];
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, filters);
  const { rows } = await getPool().query<BreakdownRow>(
    `SELECT ${d.key} AS key, ${d.slug} AS slug, ${d.label} AS label, ${TOTALS_SQL}
       FROM emission_rollup_hourly r ${d.join}
      WHERE ${where}
      GROUP BY 1, 2, 3
      ORDER BY "emissionsG" DESC, label`,
    params.values,
  );

  return rows;
}
