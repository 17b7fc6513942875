import { describe, expect, it } from 'vitest';

import { filterParamsSchema } from './filters';

describe('URL filters', () => {
  it.each([
    [{ from: '2026-02-30', to: '2026-03-05' }, 'from', 'must be a day that exists'],
    [{ from: '0001-01-01', to: '9999-12-31' }, 'from', 'must be between 2000 and 2100'],
    [{ quarter: '0001-Q1' }, 'quarter', 'must be between 2000 and 2100'],
    [{ team: 'a\u0000b' }, 'team', 'must not contain control characters'],
  ])('refuses %o, naming %s', (params, path, message) => {
    const result = filterParamsSchema.safeParse(params);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [path], message });
  });

  it('accepts a real range and printable names', () => {
    const params = { from: '2028-02-29', to: '2028-03-31', team: 'équipe-1' };

    expect(filterParamsSchema.parse(params)).toMatchObject(params);
  });
});
