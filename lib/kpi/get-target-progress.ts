// Progress against targets, year to date: location-based emissions from
// 1 January of the period's year to the end of the period, against that
// year's budget on a straight line from the baseline year's emissions to the
// target year's. The dashboard shows the current target; reports list all.
import { getPool } from '@/lib/db/pool';
import { quarterRange } from '@/lib/kpi/filters';

export interface TargetProgress {
  name: string;
  /** The team the target is for; null for the whole organisation. */
  team: string | null;
  baselineYear: number;
  baselineEmissionsG: number;
  targetYear: number;
  targetEmissionsG: number;
  year: number;
  /** The straight-line budget for `year`. */
  yearBudgetG: number;
  /** Emissions (of the team, or of everyone) from 1 January of `year` to the end of the period. */
  yearToDateG: number;
  /** yearToDateG / yearBudgetG. */
  budgetUsed: number | null;
  /** Required reduction from the baseline by the target year (0..1). */
  requiredReduction: number;
}

type TargetLine = Pick<
  TargetProgress,
  'baselineYear' | 'baselineEmissionsG' | 'targetYear' | 'targetEmissionsG'
>;

/** The budget on the straight line from baseline to target for `year`. */
export function linearBudgetG(target: TargetLine, year: number): number {
  const span = target.targetYear - target.baselineYear;
  if (span <= 0 || year >= target.targetYear) return target.targetEmissionsG;
  if (year <= target.baselineYear) return target.baselineEmissionsG;
  const step = (target.baselineEmissionsG - target.targetEmissionsG) / span;

  return target.baselineEmissionsG - step * (year - target.baselineYear);
}

/** The year the period's last instant falls in, in the organisation's zone. */
export function yearOfPeriodEnd(periodEnd: Date, timeZone = 'UTC'): number {
  const lastInstant = new Date(periodEnd.getTime() - 1);

  return Number(
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(lastInstant),
  );
}

type Row = Omit<TargetProgress, 'year' | 'yearBudgetG' | 'budgetUsed' | 'requiredReduction'>;

// Fixed SQL per choice, never built from input.
const WHICH = {
  all: 'ORDER BY g.target_year, g.name',
  current: 'AND g.team_id IS NULL ORDER BY g.target_year DESC, g.created_at DESC LIMIT 1',
} as const;

async function targetRows(
  organisationId: string,
  periodEnd: Date,
  timeZone: string,
  which: keyof typeof WHICH,
) {
  const yearStart = quarterRange(yearOfPeriodEnd(periodEnd, timeZone), 1, timeZone).from;
  const { rows } = await getPool().query<Row>(
    `SELECT g.name, t.name AS team, g.baseline_year AS "baselineYear",
            g.baseline_emissions_g AS "baselineEmissionsG", g.target_year AS "targetYear",
            g.target_emissions_g AS "targetEmissionsG",
            (SELECT coalesce(sum(r.emissions_g), 0) FROM emission_rollup_hourly r
              WHERE r.organisation_id = g.organisation_id
                AND r.bucket_start >= $2 AND r.bucket_start < $3
                AND (g.team_id IS NULL OR r.team_id = g.team_id)) AS "yearToDateG"
       FROM target g
       LEFT JOIN team t ON t.organisation_id = g.organisation_id AND t.id = g.team_id
      WHERE g.organisation_id = $1 ${WHICH[which]}`,
    [organisationId, yearStart, periodEnd],
  );

  return rows;
}

function progressOf(row: Row, year: number): TargetProgress {
  const yearBudgetG = linearBudgetG(row, year);

  return {
    ...row,
    year,
    yearBudgetG,
    budgetUsed: yearBudgetG > 0 ? row.yearToDateG / yearBudgetG : null,
    requiredReduction:
      row.baselineEmissionsG > 0 ? 1 - row.targetEmissionsG / row.baselineEmissionsG : 0,
  };
}

/** Every target of the organisation (its own and its teams'), year to date. */
export async function listTargetProgress(
  organisationId: string,
  periodEnd: Date,
  timeZone = 'UTC',
): Promise<TargetProgress[]> {
  const rows = await targetRows(organisationId, periodEnd, timeZone, 'all');
  const year = yearOfPeriodEnd(periodEnd, timeZone);

  return rows.map((row) => progressOf(row, year));
}

/** The organisation-wide target whose target year is latest, or null. */
export async function getTargetProgress(
  organisationId: string,
  periodEnd: Date,
  timeZone = 'UTC',
): Promise<TargetProgress | null> {
  const [row] = await targetRows(organisationId, periodEnd, timeZone, 'current');

  return row ? progressOf(row, yearOfPeriodEnd(periodEnd, timeZone)) : null;
}
