// A model's versions side by side: inference intensity per version, and its
// change from the version before, so a new version's effect is visible.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';
import { change, perThousand } from '@/lib/kpi/intensity';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export interface ModelVersionRow {
  id: string;
  version: string;
  releasedAt: Date | null;
  /** First and last hour with telemetry for this version in the period. */
  firstSeen: Date | null;
  lastSeen: Date | null;
  emissionsG: number;
  trainingEmissionsG: number;
  inferenceEmissionsG: number;
  inferences: number;
  gPer1kInferences: number | null;
  /** Change of gPer1kInferences from the previous version that served. */
  changeFromPrevious: number | null;
}

export async function getModelVersions(
  organisationId: string,
  modelId: string,
  range: DateRange,
): Promise<ModelVersionRow[]> {
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, { modelId });
  const { rows } = await getPool().query<{
    id: string;
    version: string;
    released_at: Date | null;
    first_seen: Date | null;
    last_seen: Date | null;
    emissions_g: number;
    training_g: number;
    inference_g: number;
    inferences: number;
  }>(
    `WITH sums AS (
       SELECT r.model_version_id AS id, min(r.bucket_start) AS first_seen,
              max(r.bucket_start) AS last_seen, sum(r.emissions_g) AS emissions_g,
              coalesce(sum(r.emissions_g) FILTER (WHERE r.kind = 'training'), 0) AS training_g,
              coalesce(sum(r.emissions_g) FILTER (WHERE r.kind = 'inference'), 0) AS inference_g,
              sum(r.inferences) AS inferences
         FROM emission_rollup_hourly r WHERE ${where}
        GROUP BY 1
     )
     SELECT v.id::text AS id, v.version, v.released_at, s.first_seen, s.last_seen,
            coalesce(s.emissions_g, 0) AS emissions_g, coalesce(s.training_g, 0) AS training_g,
            coalesce(s.inference_g, 0) AS inference_g, coalesce(s.inferences, 0) AS inferences
       FROM model_version v LEFT JOIN sums s ON s.id = v.id
      WHERE v.organisation_id = ${params.add(organisationId)}::uuid
        AND v.model_id = ${params.add(modelId)}::uuid
      ORDER BY coalesce(v.released_at, s.first_seen, v.created_at), v.version`,
    params.values,
  );
  let previous: number | null = null;

  return rows.map((row) => {
    const gPer1kInferences = perThousand(row.inference_g, row.inferences);
    const changeFromPrevious =
      gPer1kInferences !== null && previous !== null ? change(gPer1kInferences, previous) : null;
    if (gPer1kInferences !== null) previous = gPer1kInferences;

    return {
      id: row.id,
      version: row.version,
      releasedAt: row.released_at,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      emissionsG: row.emissions_g,
      trainingEmissionsG: row.training_g,
      inferenceEmissionsG: row.inference_g,
      inferences: row.inferences,
      gPer1kInferences,
      changeFromPrevious,
    };
  });
}
