import { describe, expect, it } from 'vitest';

import { filtersFrom } from '@/lib/kpi/search-filters';

describe('filtersFrom', () => {
  it.each([
    ['from=2026-07-01&to=2026-07-31', { from: '2026-07-01', to: '2026-07-31' }],
    ['from=2026-07-01&to=2026-07-01', { from: '2026-07-01', to: '2026-07-01' }],
    // The wrong way round: the page shows its default period, not zeros.
    ['from=2026-07-02&to=2026-07-01&team=search', { team: 'search' }],
    ['quarter=2026-Q5&kind=inference', { kind: 'inference' }],
  ])('keeps the valid filters of %s', (query, expected) => {
    expect(filtersFrom(new URLSearchParams(query))).toEqual(expected);
  });
});
