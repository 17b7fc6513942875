import { getPool } from '@/lib/db/pool';
import type { FilterParams, KpiFilters } from '@/lib/kpi/filters';

/**
 * Turns the slugs of URL filters into ids within the organisation. A slug
 * that names nothing there matches nothing (never another organisation's).
 */
export async function resolveFilters(
  organisationId: string,
  params: FilterParams,
): Promise<KpiFilters> {
  const { rows } = await getPool().query<{ team: string | null; model: string | null; pipeline: string | null }>(
    `SELECT
       (SELECT id::text FROM team WHERE organisation_id = $1 AND slug = $2) AS team,
       (SELECT id::text FROM model WHERE organisation_id = $1 AND slug = $3) AS model,
       (SELECT id::text FROM pipeline WHERE organisation_id = $1 AND slug = $4) AS pipeline`,
    [organisationId, params.team ?? null, params.model ?? null, params.pipeline ?? null],
  );
  const found = rows[0];
  const nothing = '00000000-0000-0000-0000-000000000000';
  const idFor = (slug: string | undefined, id: string | null | undefined) =>
    slug === undefined ? undefined : (id ?? nothing);

  return {
    teamId: idFor(params.team, found?.team),
    modelId: idFor(params.model, found?.model),
    pipelineId: idFor(params.pipeline, found?.pipeline),
    regionKey: params.region,
    kind: params.kind,
  };
}
