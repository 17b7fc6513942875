// Emissions per model with the inference share apart, so gCO2e per 1,000
// inferences counts only serving, not the model's training.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';

export interface ModelSums {
  key: string | null;
  slug: string | null;
  label: string;
  emissionsG: number;
  energyKwh: number;
  eventCount: number;
  inferences: number;
  inferenceEmissionsG: number;
}

export async function getModelSums(organisationId: string, range: DateRange) {
  const { rows } = await getPool().query<ModelSums>(
    `SELECT r.model_id::text AS key, m.slug, coalesce(m.name, 'No model') AS label,
            sum(r.emissions_g) AS "emissionsG",
            sum(r.facility_energy_kwh) AS "energyKwh",
            sum(r.event_count)::float8 AS "eventCount",
            coalesce(sum(r.inferences) FILTER (WHERE r.kind = 'inference'), 0) AS inferences,
            coalesce(sum(r.emissions_g) FILTER (WHERE r.kind = 'inference'), 0)
              AS "inferenceEmissionsG"
       FROM emission_rollup_hourly r
       LEFT JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id
      WHERE r.organisation_id = $1 AND r.bucket_start >= $2 AND r.bucket_start < $3
      GROUP BY 1, 2, 3
      ORDER BY "emissionsG" DESC, label`,
    [organisationId, range.from, range.to],
  );

  return rows;
}
