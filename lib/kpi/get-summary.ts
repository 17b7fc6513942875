// The overview's headline figures for a period and the period it is compared
// with (see periodFromParams), from one pass over the rollups.
import { getPool } from '@/lib/db/pool';
import { previousRange, type DateRange, type KpiFilters } from '@/lib/kpi/filters';
import { change, intensities, type Intensities } from '@/lib/kpi/intensity';
import { Params, rollupWhere, TOTALS_SQL, type Totals } from '@/lib/kpi/sql';
import { EVENT_KINDS, type EventKind } from '@/lib/ingest/types';

export interface PeriodFigures {
  range: DateRange;
  totals: Totals;
  emissionsByKindG: Record<EventKind, number>;
  intensities: Intensities;
}

export interface KpiSummary {
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Relative change from the previous period, null without a base. */
  change: {
    emissionsG: number | null;
    facilityEnergyKwh: number | null;
    gPer1kInferences: number | null;
    gPer1kTokens: number | null;
  };
}

type KindRow = Totals & { kind: EventKind; period: 'current' | 'previous' };

const TOTAL_KEYS = [
  'eventCount', 'measuredCount', 'fallbackCount', 'energyKwh', 'facilityEnergyKwh', 'emissionsG',
  'emissionsMinG', 'emissionsMaxG', 'embodiedG', 'sourceEmissionsG', 'inferences', 'requests',
  'tokensIn', 'tokensCachedIn', 'tokensOut', 'samples',
] as const satisfies readonly (keyof Totals)[];

export function emptyTotals(): Totals {
  return Object.fromEntries(TOTAL_KEYS.map((key) => [key, 0])) as unknown as Totals;
}

function figuresFor(range: DateRange, rows: KindRow[]): PeriodFigures {
  const totals = emptyTotals();
  const emissionsByKindG = Object.fromEntries(EVENT_KINDS.map((k) => [k, 0])) as Record<
    EventKind,
    number
  >;
  for (const row of rows) {
    for (const key of TOTAL_KEYS) totals[key] += row[key];
    emissionsByKindG[row.kind] += row.emissionsG;
  }
  const byKind = { inferenceG: emissionsByKindG.inference, llmG: emissionsByKindG.llm_api_call };

  return { range, totals, emissionsByKindG, intensities: intensities(totals, byKind) };
}

const changeOf = (current: number | null, previous: number | null) =>
  current === null || previous === null ? null : change(current, previous);

/** `before` must end where `range` starts; by default it is as long. */
export async function getSummary(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
  before: DateRange = previousRange(range),
): Promise<KpiSummary> {
  const params = new Params();
  const where = rollupWhere(params, organisationId, { from: before.from, to: range.to }, filters);
  const split = params.add(range.from);
  const { rows } = await getPool().query<KindRow>(
    `SELECT r.kind::text AS kind,
            CASE WHEN r.bucket_start >= ${split} THEN 'current' ELSE 'previous' END AS period,
            ${TOTALS_SQL}
       FROM emission_rollup_hourly r
      WHERE ${where}
      GROUP BY 1, 2`,
    params.values,
  );
  const current = figuresFor(range, rows.filter((r) => r.period === 'current'));
  const previous = figuresFor(before, rows.filter((r) => r.period === 'previous'));

  return {
    current,
    previous,
    change: {
      emissionsG: change(current.totals.emissionsG, previous.totals.emissionsG),
      facilityEnergyKwh: change(current.totals.facilityEnergyKwh, previous.totals.facilityEnergyKwh),
      gPer1kInferences: changeOf(
        current.intensities.gPer1kInferences,
        previous.intensities.gPer1kInferences,
      ),
      gPer1kTokens: changeOf(current.intensities.gPer1kTokens, previous.intensities.gPer1kTokens),
    },
  };
}
