// Market-based emissions (GHG Protocol Scope 2) for a period: the rollups'
// energy per market and UTC month, allocated to the organisation's contracts
// by lib/carbon/market. Only for the whole organisation (optionally one
// region): a contract cannot be split between teams or models.
import { marketBasedEmissions, type MarketFlag } from '@/lib/carbon/market';
import { ensureDefaultFactorSet } from '@/lib/db/factor-sets';
import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { Params, rollupWhere } from '@/lib/kpi/sql';
import { factorIndex } from '@/lib/ingest/pricing-context';

export type MarketBased =
  | {
      computed: true;
      marketEmissionsG: number;
      locationEmissionsG: number;
      coveredKwh: number;
      residualKwh: number;
      flags: MarketFlag[];
    }
  | { computed: false; reason: string };

export async function getMarketBased(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): Promise<MarketBased> {
  if (filters.teamId || filters.modelId || filters.pipelineId || filters.kind) {
    return { computed: false, reason: 'contracts apply to the whole organisation, not a part' };
  }
  const pool = getPool();
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, filters);
  const consumption = await pool.query<{
    region_key: string;
    month_start: Date;
    energy_kwh: number;
    emissions_g: number;
  }>(
    `SELECT r.region_key, date_trunc('month', r.bucket_start, 'UTC') AS month_start,
            sum(r.facility_energy_kwh) AS energy_kwh, sum(r.emissions_g) AS emissions_g
       FROM emission_rollup_hourly r
      WHERE ${where}
      GROUP BY 1, 2`,
    params.values,
  );
  const contracts = await pool.query<{
    id: string;
    region_key: string;
    energy_mwh: number;
    intensity_g_per_kwh: number;
    valid_from: Date;
    valid_to: Date;
  }>(
    `SELECT id::text, region_key, energy_mwh, intensity_g_per_kwh, valid_from, valid_to
       FROM energy_contract
      WHERE organisation_id = $1 AND valid_from < $3 AND valid_to > $2`,
    [organisationId, range.from, range.to],
  );
  const organisation = await pool.query<{ active_factor_set_id: string | null }>(
    'SELECT active_factor_set_id FROM organisation WHERE id = $1',
    [organisationId],
  );
  const factorSetId =
    organisation.rows[0]?.active_factor_set_id ?? (await ensureDefaultFactorSet(pool));
  const factors = await factorIndex(factorSetId);

  const result = marketBasedEmissions(
    consumption.rows.map((row) => {
      const monthEnd = new Date(row.month_start);
      monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1);

      return {
        regionKey: row.region_key,
        periodStart: new Date(Math.max(row.month_start.getTime(), range.from.getTime())),
        periodEnd: new Date(Math.min(monthEnd.getTime(), range.to.getTime())),
        facilityEnergyKwh: row.energy_kwh,
        emissionsG: row.emissions_g,
      };
    }),
    contracts.rows.map((row) => ({
      id: row.id,
      regionKey: row.region_key,
      energyMwh: row.energy_mwh,
      intensityGPerKwh: row.intensity_g_per_kwh,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    })),
    factors,
  );

  return {
    computed: true,
    marketEmissionsG: result.marketEmissionsG,
    locationEmissionsG: result.locationEmissionsG,
    coveredKwh: result.coveredKwh,
    residualKwh: result.residualKwh,
    flags: result.flags,
  };
}
