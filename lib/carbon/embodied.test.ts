import { describe, expect, it } from 'vitest';

import { gToKg, tToKg } from '@/lib/units';

import { embodiedEmissionsG, type EmbodiedInput } from './embodied';

const base: EmbodiedInput = {
  totalEmbodiedKg: 1_000,
  expectedLifespanH: 35_040,
  timeReservedH: 1,
  resourcesReserved: 1,
  totalResources: 1,
};

describe('embodiedEmissionsG (SCI M = TE × TiR/EL × RR/ToR)', () => {
  it.each([
    ['SCI spec example: 1 t device, 1 h of 4 years', base, 28.5388],
    [
      'eShoppen DB server',
      { ...base, totalEmbodiedKg: 1_433.12, resourcesReserved: 2, totalResources: 16 },
      5.1124,
    ],
    [
      'eShoppen app server',
      { ...base, totalEmbodiedKg: 1_205.52, resourcesReserved: 2, totalResources: 16 },
      4.3005,
    ],
    ['nothing reserved', { ...base, resourcesReserved: 0 }, 0],
  ])('%s → %s g', (_name, input, expectedG) => {
    expect(embodiedEmissionsG(input)).toBeCloseTo(expectedG, 4);
  });

  it('CCF m5.xlarge for a month: 4 of 96 vCPUs of a 1.6103792 t host → 1.3979 kg', () => {
    const input = {
      totalEmbodiedKg: tToKg(1.6103792),
      expectedLifespanH: 35_040,
      timeReservedH: 730,
      resourcesReserved: 4,
      totalResources: 96,
    };

    expect(gToKg(embodiedEmissionsG(input))).toBeCloseTo(1.3979, 4);
  });

  it.each([
    ['zero lifespan', { ...base, expectedLifespanH: 0 }],
    ['negative emissions', { ...base, totalEmbodiedKg: -1 }],
    ['more reserved than exists', { ...base, resourcesReserved: 2 }],
    ['NaN time', { ...base, timeReservedH: Number.NaN }],
  ])('rejects %s', (_name, input) => {
    expect(() => embodiedEmissionsG(input)).toThrow(RangeError);
  });
});
