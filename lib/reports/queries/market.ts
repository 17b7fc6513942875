// Market-based Scope 2 for a period: owned and rented compute (every kind
// but hosted LLM calls) per market and UTC month, against the organisation's
// energy contracts, with residual mixes from its active factor set.
import { marketBasedEmissions, type MarketResult } from '@/lib/carbon/market';
import { ensureDefaultFactorSet } from '@/lib/db/factor-sets';
import { getPool } from '@/lib/db/pool';
import { factorIndex } from '@/lib/ingest/pricing-context';
import type { DateRange } from '@/lib/kpi/filters';

export interface ContractRow {
  id: string;
  name: string;
  kind: string;
  regionKey: string;
  energyMwh: number;
  intensityGPerKwh: number;
  validFrom: Date;
  validTo: Date;
}

export interface MarketBased {
  result: MarketResult;
  contracts: ContractRow[];
}

async function consumption(organisationId: string, range: DateRange) {
  // Grouped by UTC month inside the range, so each row stays in one month.
  const { rows } = await getPool().query<{
    regionKey: string;
    periodStart: Date;
    periodEnd: Date;
    facilityEnergyKwh: number;
    emissionsG: number;
  }>(
    `SELECT r.region_key AS "regionKey", min(r.bucket_start) AS "periodStart",
            max(r.bucket_start) + interval '1 hour' AS "periodEnd",
            sum(r.facility_energy_kwh) AS "facilityEnergyKwh", sum(r.emissions_g) AS "emissionsG"
       FROM emission_rollup_hourly r
      WHERE r.organisation_id = $1 AND r.bucket_start >= $2 AND r.bucket_start < $3
        AND r.kind <> 'llm_api_call'
      GROUP BY r.region_key, date_trunc('month', r.bucket_start, 'UTC')
      ORDER BY 1, 2`,
    [organisationId, range.from, range.to],
  );

  return rows;
}

async function contracts(organisationId: string, range: DateRange) {
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

export async function getMarketBased(
  organisationId: string,
  range: DateRange,
): Promise<MarketBased> {
  const [used, held, factorSetId] = await Promise.all([
    consumption(organisationId, range),
    contracts(organisationId, range),
    activeFactorSetId(organisationId),
  ]);
  const factors = await factorIndex(factorSetId);

  return { result: marketBasedEmissions(used, held, factors), contracts: held };
}
