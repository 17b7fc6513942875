// A pipeline's steps by cost: energy and emissions summed over the period's
// runs, through the (organisation, run) index rather than a period scan.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';

export interface PipelineStepRow {
  step: string;
  runCount: number;
  facilityEnergyKwh: number;
  emissionsG: number;
  /** Of the pipeline's emissions in the period (0..1). */
  share: number;
}

export async function getPipelineSteps(
  organisationId: string,
  pipelineId: string,
  range: DateRange,
): Promise<PipelineStepRow[]> {
  const { rows } = await getPool().query<Omit<PipelineStepRow, 'share'>>(
    `SELECT coalesce(e.step, '(no step)') AS step, count(DISTINCT e.run_id)::float8 AS "runCount",
            sum(e.facility_energy_kwh) AS "facilityEnergyKwh", sum(e.emissions_g) AS "emissionsG"
       FROM run r
       JOIN emission_event e ON e.organisation_id = r.organisation_id AND e.run_id = r.id
      WHERE r.organisation_id = $1::uuid AND r.pipeline_id = $2::uuid
        AND e.window_start >= $3 AND e.window_start < $4
      GROUP BY 1
      ORDER BY "emissionsG" DESC, step`,
    [organisationId, pipelineId, range.from, range.to],
  );
  const totalG = rows.reduce((sum, row) => sum + row.emissionsG, 0);

  return rows.map((row) => ({ ...row, share: totalG > 0 ? row.emissionsG / totalG : 0 }));
}
