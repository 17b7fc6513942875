// Runs with their totals, found through the run table's own keys and summed
// from their events through the (organisation, run) index: never a scan of a
// period's events.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';
import type { RunKind } from '@/lib/ingest/types';

export interface RunRow {
  id: string;
  externalId: string;
  kind: RunKind;
  configHash: string | null;
  modelVersion: string | null;
  startedAt: Date;
  endedAt: Date;
  eventCount: number;
  facilityEnergyKwh: number;
  emissionsG: number;
  /** The earliest run of the same pipeline with the same config hash, when this repeats it. */
  repeatsRunId: string | null;
  repeatsExternalId: string | null;
}

export interface RunQuery {
  modelId?: string;
  pipelineId?: string;
  kind?: RunKind;
}

/** Runs of a model or pipeline that started within the range, oldest first. */
export async function listRuns(
  organisationId: string,
  range: DateRange,
  query: RunQuery,
): Promise<RunRow[]> {
  const { rows } = await getPool().query<RunRow>(
    `WITH runs AS (
       SELECT r.id, r.external_id, r.kind, r.config_hash, r.pipeline_id, v.version,
              x.started_at, x.ended_at, x.event_count, x.energy_kwh, x.emissions_g
         FROM run r
         LEFT JOIN model_version v
           ON v.organisation_id = r.organisation_id AND v.id = r.model_version_id
         CROSS JOIN LATERAL (
           SELECT min(e.window_start) AS started_at, max(e.window_end) AS ended_at,
                  count(*)::float8 AS event_count, sum(e.facility_energy_kwh) AS energy_kwh,
                  sum(e.emissions_g) AS emissions_g
             FROM emission_event e
            WHERE e.organisation_id = r.organisation_id AND e.run_id = r.id
         ) x
        WHERE r.organisation_id = $1::uuid
          AND ($2::uuid IS NULL OR r.model_id = $2::uuid)
          AND ($3::uuid IS NULL OR r.pipeline_id = $3::uuid)
          AND ($4::run_kind IS NULL OR r.kind = $4::run_kind)
          AND x.started_at IS NOT NULL
     ),
     ranked AS (
       SELECT runs.*,
              first_value(id) OVER same_config AS first_id,
              first_value(external_id) OVER same_config AS first_external_id
         FROM runs
       WINDOW same_config AS (PARTITION BY pipeline_id, config_hash ORDER BY started_at, id)
     )
     SELECT id::text, external_id AS "externalId", kind::text, config_hash AS "configHash",
            version AS "modelVersion", started_at AS "startedAt", ended_at AS "endedAt",
            event_count AS "eventCount", energy_kwh AS "facilityEnergyKwh",
            emissions_g AS "emissionsG",
            CASE WHEN pipeline_id IS NOT NULL AND config_hash IS NOT NULL AND first_id <> id
                 THEN first_id::text END AS "repeatsRunId",
            CASE WHEN pipeline_id IS NOT NULL AND config_hash IS NOT NULL AND first_id <> id
                 THEN first_external_id END AS "repeatsExternalId"
       FROM ranked
      WHERE started_at >= $5 AND started_at < $6
      ORDER BY started_at, id`,
    [
      organisationId,
      query.modelId ?? null,
      query.pipelineId ?? null,
      query.kind ?? null,
      range.from,
      range.to,
    ],
  );

  return rows;
}
