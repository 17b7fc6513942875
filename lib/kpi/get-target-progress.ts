// Progress against the organisation's current target: emissions so far in
// the calendar year of the period against a straight line from the
// baseline year's emissions to the target year's.
import { getPool } from '@/lib/db/pool';
import { quarterRange } from '@/lib/kpi/filters';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export interface TargetProgress {
  name: string;
  baselineYear: number;
  baselineEmissionsG: number;
  targetYear: number;
  targetEmissionsG: number;
  year: number;
  /** The straight-line budget for `year`. */
  yearBudgetG: number;
  /** Emissions from 1 January of `year` to the end of the period. */
  yearToDateG: number;
  /** yearToDateG / yearBudgetG. */
  budgetUsed: number | null;
  /** Required reduction from the baseline by the target year (0..1). */
  requiredReduction: number;
}

/** The budget on the straight line from baseline to target for `year`. */
export function linearBudgetG(
  target: Pick<TargetProgress, 'baselineYear' | 'baselineEmissionsG' | 'targetYear' | 'targetEmissionsG'>,
  year: number,
): number {
  const span = target.targetYear - target.baselineYear;
  if (span <= 0 || year >= target.targetYear) return target.targetEmissionsG;
  if (year <= target.baselineYear) return target.baselineEmissionsG;
  const step = (target.baselineEmissionsG - target.targetEmissionsG) / span;

  return target.baselineEmissionsG - step * (year - target.baselineYear);
}

/** The organisation-wide target whose target year is latest, or null. */
export async function getTargetProgress(
  organisationId: string,
  periodEnd: Date,
  timeZone = 'UTC',
): Promise<TargetProgress | null> {
  const pool = getPool();
  const { rows } = await pool.query<{
    name: string;
    baseline_year: number;
    baseline_emissions_g: number;
    target_year: number;
    target_emissions_g: number;
  }>(
    `SELECT name, baseline_year, baseline_emissions_g, target_year, target_emissions_g
       FROM target WHERE organisation_id = $1 AND team_id IS NULL
      ORDER BY target_year DESC, created_at DESC LIMIT 1`,
    [organisationId],
  );
  const row = rows[0];
  if (!row) return null;

  // The year the period's last instant falls in, in the organisation's zone.
  const lastInstant = new Date(periodEnd.getTime() - 1);
  const year = Number(
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(lastInstant),
  );
  const yearStart = quarterRange(year, 1, timeZone).from;
  const params = new Params();
  const where = rollupWhere(params, organisationId, { from: yearStart, to: periodEnd });
  const sums = await pool.query<{ emissions_g: number }>(
    `SELECT coalesce(sum(r.emissions_g), 0) AS emissions_g FROM emission_rollup_hourly r
      WHERE ${where}`,
    params.values,
  );
  const target = {
    baselineYear: row.baseline_year,
    baselineEmissionsG: row.baseline_emissions_g,
    targetYear: row.target_year,
    targetEmissionsG: row.target_emissions_g,
  };
  const yearBudgetG = linearBudgetG(target, year);
  const yearToDateG = sums.rows[0]?.emissions_g ?? 0;

  return {
    name: row.name,
    ...target,
    year,
    yearBudgetG,
    yearToDateG,
    budgetUsed: yearBudgetG > 0 ? yearToDateG / yearBudgetG : null,
    requiredReduction:
      row.baseline_emissions_g > 0 ? 1 - row.target_emissions_g / row.baseline_emissions_g : 0,
  };
}
