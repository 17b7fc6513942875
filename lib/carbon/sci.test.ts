import { describe, expect, it } from 'vitest';

import { kgToG } from '@/lib/units';

import { embodiedEmissionsG } from './embodied';
import { computeSci, countFunctionalUnits, sciFromTotals } from './sci';

// Vectors from ../shared/data/reference/sci_ccf_test_vectors.csv. The published
// numbers are inconsistent in places (see its notes); these are recomputed.
describe('computeSci: (E × I + M) / R', () => {
  const eshoppenM = (totalEmbodiedKg: number) =>
    embodiedEmissionsG({
      totalEmbodiedKg,
      expectedLifespanH: 35_040,
      timeReservedH: 1,
      resourcesReserved: 2,
      totalResources: 16,
    });

  it.each([
    // The case study prints 14.2416 because it rounds M to 5.112 first.
    ['eShoppen DB server per hour', 0.0096, 1_433.12, 1, 9.1296, 14.242, 14.242, 4],
    ['eShoppen DB server per user (500 users)', 0.0096, 1_433.12, 500, 9.1296, 14.242, 0.02848, 5],
    ['eShoppen app server, E = 0.023 kWh', 0.023, 1_205.52, 1, 21.873, 26.1735, 26.1735, 4],
    ['eShoppen app server, E = 0.02394 kWh', 0.02394, 1_205.52, 1, 22.76694, 27.0675, 27.0675, 4],
  ])('%s', (_name, energyKwh, embodiedKg, users, operationalG, totalG, sciG, digits) => {
    const result = computeSci({
      energyKwh,
      intensityGPerKwh: 951,
      embodiedG: eshoppenM(embodiedKg),
      functionalUnits: users,
      functionalUnit: 'user',
    });

    expect(result.operationalG).toBeCloseTo(operationalG, 4);
    expect(result.totalG).toBeCloseTo(totalG, 4);
    expect(result.sciG).toBeCloseTo(sciG, digits);
  });

  it('returns its inputs so a page can show the formula', () => {
    expect(
      computeSci({
        energyKwh: 2,
        intensityGPerKwh: 100,
        embodiedG: 50,
        functionalUnits: 10,
        functionalUnit: 'inference',
      }),
    ).toEqual({
      energyKwh: 2,
      intensityGPerKwh: 100,
      embodiedG: 50,
      functionalUnits: 10,
      functionalUnit: 'inference',
      operationalG: 200,
      totalG: 250,
      sciG: 25,
    });
  });

  it.each([
    ['no functional units', { functionalUnits: 0 }],
    ['negative energy', { energyKwh: -1 }],
  ])('rejects %s', (_name, overrides) => {
    const inputs = {
      energyKwh: 1,
      intensityGPerKwh: 1,
      embodiedG: 0,
      functionalUnits: 1,
      functionalUnit: 'inference',
    };

    expect(() => computeSci({ ...inputs, ...overrides })).toThrow(RangeError);
  });
});

describe('sciFromTotals (GSF SCI for AI examples)', () => {
  it.each([
    // 9.1.1: the spec's "0.13 g/million tokens" is 1000× off; per token is 1.3e-4 g.
    ['consumer, per token', kgToG(5_000), kgToG(1_500), 50e9, 1.3e-4],
    ['consumer, per 1,000 tokens', kgToG(5_000), kgToG(1_500), 50e9 / 1_000, 0.13],
    ['consumer, per inference (9.2.1)', kgToG(3_200), 0, 40e6, 0.08],
    ['provider, per FLOP (9.1.2): 4e-18 kg', kgToG(180_000), kgToG(20_000), 5e22, 4e-15],
    // 9.2.2 states 3000 and 9.2.3 states 30: both inconsistent with C / R.
    ['provider, per billion parameters (9.2.2)', kgToG(75_000), 0, 2.5, kgToG(30_000)],
  ])('%s', (_name, emissionsG, embodiedG, functionalUnits, sciG) => {
    const result = sciFromTotals({
      facilityEnergyKwh: 1_000,
      emissionsG,
      embodiedG,
      functionalUnits,
      functionalUnit: 'unit',
    });

    expect(result.sciG / sciG).toBeCloseTo(1, 12);
    expect(result.intensityGPerKwh).toBe(emissionsG / 1_000);
  });
});

describe('countFunctionalUnits', () => {
  it.each([
    ['inference', { inferences: 40, requests: 3 }, 40],
    ['inference', { requests: 3 }, 3],
    ['inference', {}, null],
    ['thousand_tokens', { tokensIn: 1_500, tokensCachedIn: 1_000, tokensOut: 500 }, 2],
    ['thousand_tokens', { tokensOut: 250 }, 0.25],
    ['thousand_tokens', { samples: 10 }, null],
    ['training_run', {}, 1],
    ['pipeline_run', {}, 1],
  ] as const)('%s of %j → %s', (unit, work, expected) => {
    expect(countFunctionalUnits(unit, work)).toBe(expected);
  });
});
