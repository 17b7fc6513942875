import { describe, expect, it } from 'vitest';

import { contractInputSchema, targetInputSchema } from './schemas';

const contract = {
  kind: 'ppa',
  name: 'Wind',
  region_key: 'country:FRA',
  energy_mwh: 5,
  valid_from: '2026-01-01',
  valid_to: '2026-03-01',
};
const target = {
  name: 'Halve',
  baseline_year: 2025,
  baseline_emissions_g: 100,
  target_year: 2030,
  target_emissions_g: 50,
};

describe('settings input', () => {
  it.each([
    [{ valid_from: '2026-02-30' }, 'valid_from', '"2026-02-30" is not a real date'],
    [
      { valid_to: '2026-06-31T10:00+02:00' },
      'valid_to',
      '"2026-06-31T10:00+02:00" is not a real date',
    ],
    [{ valid_from: '0001-01-01' }, 'valid_from', '"0001-01-01" is not between 2000 and 2100'],
  ])('a contract with %o is refused at %s', (change, path, message) => {
    const result = contractInputSchema.safeParse({ ...contract, ...change });

    expect(result.error?.issues[0]).toMatchObject({ path: [path], message });
  });

  it('a target above its baseline is refused', () => {
    const result = targetInputSchema.safeParse({ ...target, target_emissions_g: 1e15 });

    expect(result.error?.issues[0]).toMatchObject({
      path: ['target_emissions_g'],
      message: 'target_emissions_g must not exceed baseline_emissions_g: a target is a reduction',
    });
  });

  it('real dates and a reduction are accepted', () => {
    expect(contractInputSchema.safeParse(contract).success).toBe(true);
    expect(targetInputSchema.safeParse(target).success).toBe(true);
  });
});
