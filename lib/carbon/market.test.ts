import { describe, expect, it } from 'vitest';

import { FactorIndex, type IntensityRow } from './factors';
import { marketBasedEmissions, type ConsumptionRow, type EnergyContract } from './market';

const row = (regionKey: string, kind: IntensityRow['kind'], intensityGPerKwh: number) => ({
  regionKey,
  kind,
  year: 2024,
  hourStart: null,
  intensityGPerKwh,
  source: 'test',
  licence: 'CC0',
});
const factors = new FactorIndex({
  id: 'fs',
  name: 'test',
  version: 1,
  rows: [
    row('world', 'location', 480),
    row('country:FRA', 'residual_mix', 90),
    row('country:DEU', 'residual_mix', 400),
  ],
});
const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const use = (regionKey: string, from: string, to: string, kwh: number, gPerKwh: number) => ({
  regionKey,
  periodStart: utc(from),
  periodEnd: utc(to),
  facilityEnergyKwh: kwh,
  emissionsG: kwh * gPerKwh,
});

// January 2024. France: 1,000 kWh at 50 g/kWh, a zero-carbon PPA of 0.6 MWh for
// January covers 60%. Germany: 500 kWh at 350 g/kWh, a 3.66 MWh contract at
// 20 g/kWh for all of 2024 (366 days) gives January 3,660 × 31/366 = 310 kWh.
// USA: 1,000 kWh at 380 g/kWh, no contract and no residual mix.
const consumption: ConsumptionRow[] = [
  use('country:FRA', '2024-01-01', '2024-01-15', 600, 50),
  use('country:FRA', '2024-01-15', '2024-02-01', 400, 50),
  use('country:DEU', '2024-01-01', '2024-02-01', 500, 350),
  use('country:USA', '2024-01-01', '2024-02-01', 1_000, 380),
];
const contracts: EnergyContract[] = [
  {
    id: 'ppa-fr',
    regionKey: 'country:FRA',
    energyMwh: 0.6,
    intensityGPerKwh: 0,
    validFrom: utc('2024-01-01'),
    validTo: utc('2024-02-01'),
  },
  {
    id: 'rec-de',
    regionKey: 'country:DEU',
    energyMwh: 3.66,
    intensityGPerKwh: 20,
    validFrom: utc('2024-01-01'),
    validTo: utc('2025-01-01'),
  },
];

describe('marketBasedEmissions', () => {
  const result = marketBasedEmissions(consumption, contracts, factors);

  it('gives the hand-computed total', () => {
    // FRA: 600 × 0 + 400 × 90 = 36,000; DEU: 310 × 20 + 190 × 400 = 82,200;
    // USA: 1,000 × 380 = 380,000 (location factor).
    expect(result.marketEmissionsG).toBeCloseTo(498_200, 6);
    expect(result.locationEmissionsG).toBeCloseTo(50_000 + 175_000 + 380_000, 6);
    expect(result.coveredKwh).toBeCloseTo(910, 9);
    expect(result.residualKwh).toBeCloseTo(1_590, 9);
  });

  it('details each region and month', () => {
    const fra = result.regions.find((r) => r.regionKey === 'country:FRA');

    expect(result.regions.map((r) => `${r.regionKey} ${r.month}`)).toEqual([
      'country:DEU 2024-01',
      'country:FRA 2024-01',
      'country:USA 2024-01',
    ]);
    expect(fra).toEqual({
      regionKey: 'country:FRA',
      month: '2024-01',
      facilityEnergyKwh: 1_000,
      locationEmissionsG: 50_000,
      coveredKwh: 600,
      allocations: [{ contractId: 'ppa-fr', kwh: 600, emissionsG: 0 }],
      residualKwh: 400,
      residualIntensityGPerKwh: 90,
      residualSource: 'residual_mix',
      residualEmissionsG: 36_000,
      marketEmissionsG: 36_000,
    });
    expect(result.regions[0]?.allocations[0]?.kwh).toBeCloseTo(310, 9);
  });

  it('flags a market priced with the location factor', () => {
    expect(result.flags).toEqual([
      {
        code: 'location_factor_used',
        regionKey: 'country:USA',
        month: '2024-01',
        message:
          'no residual mix for this market: uncovered energy uses the location factor, which understates market-based emissions',
      },
    ]);
  });

  it('never lets contracts cover more than was used, and says so', () => {
    const big = [{ ...contracts[0]!, energyMwh: 1.5 }];
    const fra = marketBasedEmissions(consumption.slice(0, 2), big, factors);

    expect(fra.coveredKwh).toBe(1_000);
    expect(fra.residualKwh).toBe(0);
    expect(fra.marketEmissionsG).toBe(0);
    expect(fra.flags.map((f) => f.code)).toEqual(['contract_energy_unused']);
  });

  it('splits consumption that spans months by time, and ignores other markets', () => {
    const spanning = [use('country:FRA', '2024-01-31', '2024-02-02', 48, 50)];
    const months = marketBasedEmissions(spanning, contracts, factors).regions;

    expect(months.map((m) => [m.month, m.facilityEnergyKwh, m.coveredKwh])).toEqual([
      ['2024-01', 24, 24],
      ['2024-02', 24, 0],
    ]);
  });

  it('maps cloud regions to markets when told how', () => {
    const cloud = [use('aws:eu-west-3', '2024-01-01', '2024-02-01', 1_000, 50)];
    const marketOf = (key: string) => (key === 'aws:eu-west-3' ? 'country:FRA' : key);

    expect(marketBasedEmissions(cloud, contracts, factors, { marketOf }).marketEmissionsG).toBe(
      36_000,
    );
  });
});
