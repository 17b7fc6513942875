// Market-based emissions (GHG Protocol Scope 2): energy covered by contracts
// (PPAs, certificates) takes the contract's intensity; the rest takes the
// market's residual mix, or, when none is loaded, the location factor (flagged).

import { mwhToKwh } from '@/lib/units';

import type { FactorIndex } from './factors';

export interface ConsumptionRow {
  regionKey: string;
  periodStart: Date;
  periodEnd: Date;
  facilityEnergyKwh: number;
  /** Location-based emissions already priced for this energy. */
  emissionsG: number;
}

export interface EnergyContract {
  id: string;
  /** The market the contract's energy was delivered to. */
  regionKey: string;
  energyMwh: number;
  intensityGPerKwh: number;
  validFrom: Date;
  /** Exclusive end: a calendar-year contract ends at next 1 January 00:00. */
  validTo: Date;
}

export interface ContractAllocation {
  contractId: string;
  kwh: number;
  emissionsG: number;
}

export interface MarketRegionMonth {
  regionKey: string;
  /** UTC month, e.g. "2024-01". */
  month: string;
  facilityEnergyKwh: number;
  locationEmissionsG: number;
  coveredKwh: number;
  allocations: ContractAllocation[];
  residualKwh: number;
  residualIntensityGPerKwh: number;
  residualSource: 'residual_mix' | 'location';
  residualEmissionsG: number;
  marketEmissionsG: number;
}

export interface MarketFlag {
  code: 'location_factor_used' | 'contract_energy_unused';
  regionKey: string;
  month: string;
  message: string;
}

export interface MarketResult {
  marketEmissionsG: number;
  locationEmissionsG: number;
  coveredKwh: number;
  residualKwh: number;
  regions: MarketRegionMonth[];
  flags: MarketFlag[];
}

export interface MarketOptions {
  /** Maps a consumption region (e.g. aws:eu-west-3) to its market (e.g. country:FRA). */
  marketOf?: (regionKey: string) => string;
}

interface Bucket {
  regionKey: string;
  month: string;
  monthStart: Date;
  facilityEnergyKwh: number;
  emissionsG: number;
}

export function marketBasedEmissions(
  consumption: ConsumptionRow[],
  contracts: EnergyContract[],
  factors: FactorIndex,
  options: MarketOptions = {},
): MarketResult {
  const marketOf = options.marketOf ?? ((regionKey: string) => regionKey);
  const buckets = new Map<string, Bucket>();
  for (const row of consumption) {
    if (!(row.facilityEnergyKwh >= 0 && row.emissionsG >= 0)) {
      throw new RangeError(`consumption in ${row.regionKey} has negative or missing energy`);
    }
    for (const share of splitByMonth(row.periodStart, row.periodEnd)) {
      const regionKey = marketOf(row.regionKey);
      const key = `${regionKey}|${share.month}`;
      const bucket = buckets.get(key) ?? {
        regionKey,
        ...share,
        facilityEnergyKwh: 0,
        emissionsG: 0,
      };
      bucket.facilityEnergyKwh += row.facilityEnergyKwh * share.fraction;
      bucket.emissionsG += row.emissionsG * share.fraction;
      buckets.set(key, bucket);
    }
  }

  for (const contract of contracts) {
    if (!(contract.energyMwh >= 0 && contract.intensityGPerKwh >= 0)) {
      throw new RangeError(`contract ${contract.id} has negative or missing energy or intensity`);
    }
  }
  // Earliest contract first, then by id, so a re-run allocates identically.
  const ordered = [...contracts].sort(
    (a, b) => a.validFrom.getTime() - b.validFrom.getTime() || a.id.localeCompare(b.id),
  );
  const regions: MarketRegionMonth[] = [];
  const flags: MarketFlag[] = [];
  for (const bucket of [...buckets.values()].sort(byRegionThenMonth)) {
    const result = allocateBucket(bucket, ordered, factors);
    regions.push(result.region);
    flags.push(...result.flags);
  }

  const sum = (pick: (r: MarketRegionMonth) => number) => regions.reduce((t, r) => t + pick(r), 0);
  return {
    marketEmissionsG: sum((r) => r.marketEmissionsG),
    locationEmissionsG: sum((r) => r.locationEmissionsG),
    coveredKwh: sum((r) => r.coveredKwh),
    residualKwh: sum((r) => r.residualKwh),
    regions,
    flags,
  };
}

function allocateBucket(bucket: Bucket, contracts: EnergyContract[], factors: FactorIndex) {
  const flags: MarketFlag[] = [];
  const monthEnd = nextMonth(bucket.monthStart);
  const allocations: ContractAllocation[] = [];
  let uncoveredKwh = bucket.facilityEnergyKwh;
  let unusedKwh = 0;
  for (const contract of contracts) {
    if (contract.regionKey !== bucket.regionKey) continue;
    const availableKwh = contractKwhWithin(contract, bucket.monthStart, monthEnd);
    if (availableKwh <= 0) continue;
    const kwh = Math.min(availableKwh, uncoveredKwh);
    unusedKwh += availableKwh - kwh;
    if (kwh <= 0) continue;
    uncoveredKwh -= kwh;
    allocations.push({ contractId: contract.id, kwh, emissionsG: kwh * contract.intensityGPerKwh });
  }
  if (unusedKwh > 0) {
    // Certificates cannot be banked into another month or market.
    flags.push(
      flag(
        bucket,
        'contract_energy_unused',
        `${unusedKwh} kWh of contracts exceed consumption and are not carried over`,
      ),
    );
  }

  const residualMix = factors.residual(bucket.regionKey, bucket.monthStart);
  const locationGPerKwh =
    bucket.facilityEnergyKwh > 0 ? bucket.emissionsG / bucket.facilityEnergyKwh : 0;
  const residualIntensityGPerKwh = residualMix?.intensityGPerKwh ?? locationGPerKwh;
  if (!residualMix && uncoveredKwh > 0) {
    flags.push(
      flag(
        bucket,
        'location_factor_used',
        'no residual mix for this market: uncovered energy uses the location factor, which understates market-based emissions',
      ),
    );
  }
  const contractEmissionsG = allocations.reduce((total, a) => total + a.emissionsG, 0);
  const residualEmissionsG = uncoveredKwh * residualIntensityGPerKwh;

  const region: MarketRegionMonth = {
    regionKey: bucket.regionKey,
    month: bucket.month,
    facilityEnergyKwh: bucket.facilityEnergyKwh,
    locationEmissionsG: bucket.emissionsG,
    coveredKwh: bucket.facilityEnergyKwh - uncoveredKwh,
    allocations,
    residualKwh: uncoveredKwh,
    residualIntensityGPerKwh,
    residualSource: residualMix ? 'residual_mix' : 'location',
    residualEmissionsG,
    marketEmissionsG: contractEmissionsG + residualEmissionsG,
  };

  return { region, flags };
}

const flag = (bucket: Bucket, code: MarketFlag['code'], message: string): MarketFlag => ({
  code,
  regionKey: bucket.regionKey,
  month: bucket.month,
  message,
});

/** A contract's energy is spread evenly over its validity, by time. */
function contractKwhWithin(contract: EnergyContract, from: Date, to: Date): number {
  const validMs = contract.validTo.getTime() - contract.validFrom.getTime();
  if (validMs <= 0) return 0;
  const overlapMs = overlap(contract.validFrom, contract.validTo, from, to);

  return (mwhToKwh(contract.energyMwh) * overlapMs) / validMs;
}

/** The UTC months a period touches, with the fraction of the period in each. */
function splitByMonth(start: Date, end: Date) {
  const durationMs = end.getTime() - start.getTime();
  if (durationMs < 0) throw new RangeError('a consumption period ends before it starts');
  const first = monthStartOf(start);
  if (durationMs === 0) return [{ monthStart: first, month: monthLabel(first), fraction: 1 }];

  const shares = [];
  for (let monthStart = first; monthStart < end; monthStart = nextMonth(monthStart)) {
    const fraction = overlap(start, end, monthStart, nextMonth(monthStart)) / durationMs;
    shares.push({ monthStart, month: monthLabel(monthStart), fraction });
  }

  return shares;
}

function overlap(aStart: Date, aEnd: Date, bStart: Date, bEnd: Date): number {
  const start = Math.max(aStart.getTime(), bStart.getTime());
  const end = Math.min(aEnd.getTime(), bEnd.getTime());

  return Math.max(0, end - start);
}

const monthStartOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
const nextMonth = (monthStart: Date) =>
  new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 1));
const monthLabel = (monthStart: Date) => monthStart.toISOString().slice(0, 7);
const byRegionThenMonth = (a: Bucket, b: Bucket) =>
  a.regionKey.localeCompare(b.regionKey) || a.month.localeCompare(b.month);
