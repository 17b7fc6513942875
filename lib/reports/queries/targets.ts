// The organisation's targets, with the emissions of the team each is for.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';

export interface TargetRow {
  name: string;
  team: string | null;
  baselineYear: number;
  baselineEmissionsG: number;
  targetYear: number;
  targetEmissionsG: number;
  /** Location-based emissions in the range, of the team or of everyone. */
  emissionsG: number;
}

export async function getTargets(organisationId: string, range: DateRange) {
  const { rows } = await getPool().query<TargetRow>(
    `SELECT g.name, t.name AS team, g.baseline_year AS "baselineYear",
            g.baseline_emissions_g AS "baselineEmissionsG", g.target_year AS "targetYear",
            g.target_emissions_g AS "targetEmissionsG",
            (SELECT coalesce(sum(r.emissions_g), 0) FROM emission_rollup_hourly r
              WHERE r.organisation_id = g.organisation_id
                AND r.bucket_start >= $2 AND r.bucket_start < $3
                AND (g.team_id IS NULL OR r.team_id = g.team_id)) AS "emissionsG"
       FROM target g
       LEFT JOIN team t ON t.organisation_id = g.organisation_id AND t.id = g.team_id
      WHERE g.organisation_id = $1
      ORDER BY g.target_year, g.name`,
    [organisationId, range.from, range.to],
  );

  return rows;
}
