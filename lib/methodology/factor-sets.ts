// The factor sets an organisation may use: the built-in default (shared,
// organisation_id null) and its own uploaded versions, with what each holds.
import type { Queryable } from '@/lib/db/pool';

import { ensureDefaultFactorSet } from '@/lib/db/factor-sets';

export interface FactorSetSource {
  source: string;
  licence: string;
  rowCount: number;
}

export interface FactorSetSummary {
  id: string;
  name: string;
  version: number;
  description: string;
  builtIn: boolean;
  active: boolean;
  createdAt: Date;
  createdByName: string | null;
  rowCount: number;
  hourlyRowCount: number;
  residualMixRowCount: number;
  regionCount: number;
  sources: FactorSetSource[];
}

export interface AvailableFactorSet {
  id: string;
  name: string;
  version: number;
  builtIn: boolean;
}

/** The set if this organisation may use it (built in, or its own), else null. */
export async function findAvailableFactorSet(
  client: Queryable,
  organisationId: string,
  factorSetId: string,
): Promise<AvailableFactorSet | null> {
  const { rows } = await client.query<AvailableFactorSet>(
    `SELECT id, name, version, organisation_id IS NULL AS "builtIn"
       FROM emission_factor_set
      WHERE id = $2 AND (organisation_id IS NULL OR organisation_id = $1)`,
    [organisationId, factorSetId],
  );

  return rows[0] ?? null;
}

/** The organisation's active set id (the built-in default when none is chosen). */
export async function activeFactorSetId(client: Queryable, organisationId: string) {
  const { rows } = await client.query<{ active_factor_set_id: string | null }>(
    'SELECT active_factor_set_id FROM organisation WHERE id = $1',
    [organisationId],
  );

  return rows[0]?.active_factor_set_id ?? (await ensureDefaultFactorSet(client));
}

/** Built-in sets first, then the organisation's, newest version first. */
export async function listFactorSets(
  client: Queryable,
  organisationId: string,
): Promise<FactorSetSummary[]> {
  await ensureDefaultFactorSet(client);
  const activeId = await activeFactorSetId(client, organisationId);
  const { rows } = await client.query<{
    id: string;
    name: string;
    version: number;
    description: string;
    built_in: boolean;
    created_at: Date;
    created_by_name: string | null;
    row_count: number;
    hourly_row_count: number;
    residual_mix_row_count: number;
    region_count: number;
    sources: FactorSetSource[] | null;
  }>(
    `SELECT s.id, s.name, s.version, s.description, s.organisation_id IS NULL AS built_in,
            s.created_at, u.name AS created_by_name,
            coalesce(c.row_count, 0)::int AS row_count,
            coalesce(c.hourly_row_count, 0)::int AS hourly_row_count,
            coalesce(c.residual_mix_row_count, 0)::int AS residual_mix_row_count,
            coalesce(c.region_count, 0)::int AS region_count,
            src.sources
       FROM emission_factor_set s
       LEFT JOIN app_user u ON u.id = s.created_by_id
       LEFT JOIN LATERAL (
         SELECT count(*) AS row_count,
                count(*) FILTER (WHERE hour_start IS NOT NULL) AS hourly_row_count,
                count(*) FILTER (WHERE kind = 'residual_mix') AS residual_mix_row_count,
                count(DISTINCT region_key) AS region_count
           FROM grid_intensity WHERE factor_set_id = s.id
       ) c ON true
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object('source', source, 'licence', licence,
                                           'rowCount', n) ORDER BY n DESC, source) AS sources
           FROM (SELECT source, licence, count(*)::int AS n FROM grid_intensity
                  WHERE factor_set_id = s.id GROUP BY source, licence) g
       ) src ON true
      WHERE s.organisation_id IS NULL OR s.organisation_id = $1
      ORDER BY s.organisation_id IS NOT NULL, s.name, s.version DESC`,
    [organisationId],
  );

  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    version: row.version,
    description: row.description,
    builtIn: row.built_in,
    active: row.id === activeId,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
    rowCount: row.row_count,
    hourlyRowCount: row.hourly_row_count,
    residualMixRowCount: row.residual_mix_row_count,
    regionCount: row.region_count,
    sources: row.sources ?? [],
  }));
}
