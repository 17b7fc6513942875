import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getMarketBased } from '@/lib/kpi/get-market-based';
import {
  EXPECTED,
  ingest,
  LLM_CALL_IN_FRANCE,
  Q3,
  setUpKpiFixture,
  type KpiFixture,
} from '@/lib/kpi/test-fixture';

let fixture: KpiFixture;

beforeAll(async () => {
  fixture = await setUpKpiFixture();
  await ingest(fixture.organisationId, [LLM_CALL_IN_FRANCE]);
});
afterAll(async () => {
  await fixture?.database.drop();
});

// With LLM_CALL_IN_FRANCE: a hosted call in the wind contract's market and month.
describe('getMarketBased, scope boundary', () => {
  it('never lets a contract or a residual mix touch a hosted LLM call', async () => {
    const market = await getMarketBased(fixture.organisationId, Q3);

    if (!market.computed) throw new Error(market.reason);
    // Scope 2 is unchanged by the call: July FRA 27 kWh (5 covered at 0,
    // 22 x 300), August FRA 4 x 300, USA 10 x 400 = 11,800 g.
    expect(market.scope2MarketEmissionsG).toBeCloseTo(11800, 6);
    expect(market.scope2EnergyKwh).toBeCloseTo(41, 9);
    expect(market.coveredKwh).toBeCloseTo(5, 9);
    // Scope 3 category 1 keeps its location-based 400 + 100 g.
    expect(market.scope3Category1G).toBeCloseTo(500, 6);
    expect(market.scope3Category1EnergyKwh).toBeCloseTo(3, 9);
    // Priced as Scope 2, the French call would have taken the residual mix
    // (2 x 300 = 600 g instead of 100 g): 12,800 g. The right total:
    expect(market.marketEmissionsG).toBeCloseTo(11800 + 500, 6);
    expect(market.locationEmissionsG).toBeCloseTo(EXPECTED.q3EmissionsG + 100, 6);
  });

  it('keeps the split when the view is one market', async () => {
    const market = await getMarketBased(fixture.organisationId, Q3, { regionKey: 'country:FRA' });

    // France only: Scope 2 5 x 0 + 22 x 300 + 4 x 300; the LLM call's 100 g.
    expect(market).toMatchObject({
      computed: true,
      scope2MarketEmissionsG: expect.closeTo(7800, 6),
      scope3Category1G: expect.closeTo(100, 6),
      marketEmissionsG: expect.closeTo(7900, 6),
    });
  });
});
