import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { Params, rollupWhere, TOTALS_SQL, type Totals } from '@/lib/kpi/sql';

/** Sums over the organisation's rollups for a range and filters. */
export async function getTotals(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): Promise<Totals> {
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, filters);
  const { rows } = await getPool().query<Totals>(
    `SELECT ${TOTALS_SQL} FROM emission_rollup_hourly r WHERE ${where}`,
    params.values,
  );

  return rows[0] as Totals;
}
