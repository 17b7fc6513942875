// What moved emissions between two periods: the team, kind of work and region
// cells whose emissions changed most, largest absolute change first.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';
import { Params, rollupWhere } from '@/lib/kpi/sql';
import type { EventKind } from '@/lib/ingest/types';

export interface ChangeDriver {
  /** The team's name, or "No team". */
  team: string;
  kind: EventKind;
  regionKey: string;
  currentG: number;
  previousG: number;
  changeG: number;
}

const byLargestChange = (a: ChangeDriver, b: ChangeDriver) =>
  Math.abs(b.changeG) - Math.abs(a.changeG) ||
  a.team.localeCompare(b.team) ||
  a.kind.localeCompare(b.kind) ||
  a.regionKey.localeCompare(b.regionKey);

/** The `count` cells with the largest change from `previous` to `current`. */
export async function getChangeDrivers(
  organisationId: string,
  current: DateRange,
  previous: DateRange,
  count = 3,
): Promise<ChangeDriver[]> {
  const params = new Params();
  const inCurrent = rollupWhere(params, organisationId, current);
  const inPrevious = rollupWhere(params, organisationId, previous);
  const { rows } = await getPool().query<Omit<ChangeDriver, 'changeG'>>(
    `SELECT coalesce(t.name, 'No team') AS team, r.kind::text AS kind,
            r.region_key AS "regionKey",
            coalesce(sum(r.emissions_g) FILTER (WHERE ${inCurrent}), 0) AS "currentG",
            coalesce(sum(r.emissions_g) FILTER (WHERE ${inPrevious}), 0) AS "previousG"
       FROM emission_rollup_hourly r
       LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id
      WHERE (${inCurrent}) OR (${inPrevious})
      GROUP BY 1, 2, 3`,
    params.values,
  );

  return rows
    .map((row) => ({ ...row, changeG: row.currentG - row.previousG }))
    .filter((row) => row.changeG !== 0)
    .sort(byLargestChange)
    .slice(0, count);
}
