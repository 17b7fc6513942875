// Market-based emissions for a period, the one computation the dashboard and
// the reports share. Contracts and residual mixes apply to Scope 2 only: the
// energy of owned and rented compute (every kind but hosted LLM calls). A
// hosted LLM call is a purchased service (Scope 3 category 1): its supplier's
// energy is not ours to cover, so it keeps its location-based or estimated
// figure. The market-based total = Scope 2 market-based + Scope 3 category 1.
import {
  marketBasedEmissions,
  type ConsumptionRow,
  type MarketFlag,
  type MarketRegionMonth,
} from '@/lib/carbon/market';
import { ensureDefaultFactorSet } from '@/lib/db/factor-sets';
import { getPool } from '@/lib/db/pool';
import { factorIndex } from '@/lib/ingest/pricing-context';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export interface ContractUse {
  id: string;
  name: string;
  kind: string;
  regionKey: string;
  /** Contract energy that covered this period's Scope 2 consumption. */
  allocatedKwh: number;
  emissionsG: number;
}

export interface MarketBasedFigures {
  computed: true;
  /** The market-based total shown: Scope 2 market-based + Scope 3 category 1. */
  marketEmissionsG: number;
  /** The location-based total of all kinds, for comparison. */
  locationEmissionsG: number;
  scope2MarketEmissionsG: number;
  scope2LocationEmissionsG: number;
  scope2EnergyKwh: number;
  /** Hosted LLM API calls, location-based or estimated; never covered by contracts. */
  scope3Category1G: number;
  scope3Category1EnergyKwh: number;
  /** Scope 2 energy covered by contracts, and the rest (residual mix). */
  coveredKwh: number;
  residualKwh: number;
  contracts: ContractUse[];
  /** Per market and UTC month: which contract covered how much. */
  regions: MarketRegionMonth[];
  flags: MarketFlag[];
}

export type MarketBased = MarketBasedFigures | { computed: false; reason: string };

interface ConsumptionSql {
  region_key: string;
  month_start: Date;
  scope3: boolean;
  energy_kwh: number;
  emissions_g: number;
}

interface ContractRow {
  id: string;
  name: string;
  kind: string;
  regionKey: string;
  energyMwh: number;
  intensityGPerKwh: number;
  validFrom: Date;
  validTo: Date;
}

async function consumption(organisationId: string, range: DateRange, filters: KpiFilters) {
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, filters);
  const { rows } = await getPool().query<ConsumptionSql>(
    `SELECT r.region_key, date_trunc('month', r.bucket_start, 'UTC') AS month_start,
            r.kind = 'llm_api_call' AS scope3,
            sum(r.facility_energy_kwh) AS energy_kwh, sum(r.emissions_g) AS emissions_g
       FROM emission_rollup_hourly r
      WHERE ${where}
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
    params.values,
  );

  return rows;
}

async function contractsFor(organisationId: string, range: DateRange) {
  const { rows } = await getPool().query<ContractRow>(
    `SELECT id::text, name, kind::text, region_key AS "regionKey", energy_mwh AS "energyMwh",
            intensity_g_per_kwh AS "intensityGPerKwh", valid_from AS "validFrom",
            valid_to AS "validTo"
       FROM energy_contract
      WHERE organisation_id = $1 AND valid_from < $3 AND valid_to > $2
      ORDER BY valid_from, id`,
    [organisationId, range.from, range.to],
  );

  return rows;
}

async function activeFactorSetId(organisationId: string) {
  const { rows } = await getPool().query<{ id: string | null }>(
    'SELECT active_factor_set_id::text AS id FROM organisation WHERE id = $1',
    [organisationId],
  );

  return rows[0]?.id ?? (await ensureDefaultFactorSet(getPool()));
}

/** A rollup month as a consumption period, clipped to the range. */
function scope2Row(row: ConsumptionSql, range: DateRange): ConsumptionRow {
  const monthEnd = new Date(row.month_start);
  monthEnd.setUTCMonth(monthEnd.getUTCMonth() + 1);

  return {
    regionKey: row.region_key,
    periodStart: new Date(Math.max(row.month_start.getTime(), range.from.getTime())),
    periodEnd: new Date(Math.min(monthEnd.getTime(), range.to.getTime())),
    facilityEnergyKwh: row.energy_kwh,
    emissionsG: row.emissions_g,
  };
}

/**
 * Market-based emissions of a dashboard view. Not computed for a team, model,
 * pipeline or kind: a contract covers the whole organisation and cannot be
 * split between parts of it.
 */
export async function getMarketBased(
  organisationId: string,
  range: DateRange,
  filters: KpiFilters = {},
): Promise<MarketBased> {
  if (filters.teamId || filters.modelId || filters.pipelineId || filters.kind) {
    return { computed: false, reason: 'contracts apply to the whole organisation, not a part' };
  }

  return getOrganisationMarketBased(organisationId, range, { regionKey: filters.regionKey });
}

/** The whole organisation's (or one region's) market-based emissions. */
export async function getOrganisationMarketBased(
  organisationId: string,
  range: DateRange,
  filters: Pick<KpiFilters, 'regionKey'> = {},
): Promise<MarketBasedFigures> {
  const [used, held, factorSetId] = await Promise.all([
    consumption(organisationId, range, filters),
    contractsFor(organisationId, range),
    activeFactorSetId(organisationId),
  ]);
  const factors = await factorIndex(factorSetId);

  const scope3 = used.filter((row) => row.scope3);
  const scope3Category1G = scope3.reduce((sum, row) => sum + row.emissions_g, 0);
  const scope3Category1EnergyKwh = scope3.reduce((sum, row) => sum + row.energy_kwh, 0);
  const scope2 = used.filter((row) => !row.scope3).map((row) => scope2Row(row, range));
  const result = marketBasedEmissions(scope2, held, factors);

  const allocated = new Map<string, { kwh: number; g: number }>();
  for (const a of result.regions.flatMap((region) => region.allocations)) {
    const sum = allocated.get(a.contractId) ?? { kwh: 0, g: 0 };
    allocated.set(a.contractId, { kwh: sum.kwh + a.kwh, g: sum.g + a.emissionsG });
  }

  return {
    computed: true,
    marketEmissionsG: result.marketEmissionsG + scope3Category1G,
    locationEmissionsG: result.locationEmissionsG + scope3Category1G,
    scope2MarketEmissionsG: result.marketEmissionsG,
    scope2LocationEmissionsG: result.locationEmissionsG,
    scope2EnergyKwh: scope2.reduce((sum, row) => sum + row.facilityEnergyKwh, 0),
    scope3Category1G,
    scope3Category1EnergyKwh,
    coveredKwh: result.coveredKwh,
    residualKwh: result.residualKwh,
    contracts: held.map((contract) => ({
      id: contract.id,
      name: contract.name,
      kind: contract.kind,
      regionKey: contract.regionKey,
      allocatedKwh: allocated.get(contract.id)?.kwh ?? 0,
      emissionsG: allocated.get(contract.id)?.g ?? 0,
    })),
    regions: result.regions,
    flags: result.flags,
  };
}
