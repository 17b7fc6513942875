// One run with what it belongs to and its totals, summed from its events
// through the (organisation, run) index.
import { getPool } from '@/lib/db/pool';
import type { RunKind } from '@/lib/ingest/types';

export interface RunDetail {
  id: string;
  externalId: string;
  kind: RunKind;
  configHash: string | null;
  team: { slug: string; name: string } | null;
  model: { slug: string; name: string } | null;
  modelVersion: string | null;
  pipeline: { slug: string; name: string } | null;
  startedAt: Date | null;
  endedAt: Date | null;
  eventCount: number;
  facilityEnergyKwh: number;
  emissionsG: number;
  emissionsMinG: number;
  emissionsMaxG: number;
  fallbackCount: number;
}

export async function getRun(organisationId: string, runId: string): Promise<RunDetail | null> {
  const { rows } = await getPool().query<
    Omit<RunDetail, 'team' | 'model' | 'pipeline'> & {
      team_slug: string | null;
      team_name: string | null;
      model_slug: string | null;
      model_name: string | null;
      pipeline_slug: string | null;
      pipeline_name: string | null;
    }
  >(
    `SELECT r.id::text, r.external_id AS "externalId", r.kind::text, r.config_hash AS "configHash",
            t.slug AS team_slug, t.name AS team_name, m.slug AS model_slug, m.name AS model_name,
            v.version AS "modelVersion", p.slug AS pipeline_slug, p.name AS pipeline_name,
            x.*
       FROM run r
       LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id
       LEFT JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id
       LEFT JOIN model_version v
         ON v.organisation_id = r.organisation_id AND v.id = r.model_version_id
       LEFT JOIN pipeline p ON p.organisation_id = r.organisation_id AND p.id = r.pipeline_id
       CROSS JOIN LATERAL (
         SELECT min(e.window_start) AS "startedAt", max(e.window_end) AS "endedAt",
                count(*)::float8 AS "eventCount",
                coalesce(sum(e.facility_energy_kwh), 0) AS "facilityEnergyKwh",
                coalesce(sum(e.emissions_g), 0) AS "emissionsG",
                coalesce(sum(e.emissions_min_g), 0) AS "emissionsMinG",
                coalesce(sum(e.emissions_max_g), 0) AS "emissionsMaxG",
                (count(*) FILTER (WHERE e.intensity_fallback))::float8 AS "fallbackCount"
           FROM emission_event e
          WHERE e.organisation_id = r.organisation_id AND e.run_id = r.id
       ) x
      WHERE r.organisation_id = $1::uuid AND r.id = $2::uuid`,
    [organisationId, runId],
  );
  const row = rows[0];
  if (!row) return null;
  const { team_slug, team_name, model_slug, model_name, pipeline_slug, pipeline_name, ...run } =
    row;
  const named = (slug: string | null, name: string | null) =>
    slug && name ? { slug, name } : null;

  return {
    ...run,
    team: named(team_slug, team_name),
    model: named(model_slug, model_name),
    pipeline: named(pipeline_slug, pipeline_name),
  };
}
