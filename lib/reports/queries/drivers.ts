// Emissions per team, kind and region in two periods: the cells whose change
// is largest are the drivers a summary names.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';
import type { EventKind } from '@/lib/ingest/types';

export interface DriverCell {
  team: string;
  kind: EventKind;
  regionKey: string;
  currentG: number;
  previousG: number;
}

export async function getDriverCells(
  organisationId: string,
  current: DateRange,
  previous: DateRange,
): Promise<DriverCell[]> {
  const { rows } = await getPool().query<DriverCell>(
    `SELECT coalesce(t.name, 'No team') AS team, r.kind::text AS kind,
            r.region_key AS "regionKey",
            coalesce(sum(r.emissions_g) FILTER (WHERE r.bucket_start >= $2), 0) AS "currentG",
            coalesce(sum(r.emissions_g) FILTER (WHERE r.bucket_start < $3), 0) AS "previousG"
       FROM emission_rollup_hourly r
       LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id
      WHERE r.organisation_id = $1
        AND ((r.bucket_start >= $2 AND r.bucket_start < $4)
          OR (r.bucket_start >= $5 AND r.bucket_start < $3))
      GROUP BY 1, 2, 3`,
    [organisationId, current.from, previous.to, current.to, previous.from],
  );

  return rows;
}
