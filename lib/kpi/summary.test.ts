import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getMarketBased } from '@/lib/kpi/get-market-based';
import { getSummary } from '@/lib/kpi/get-summary';
import { getTargetProgress, linearBudgetG } from '@/lib/kpi/get-target-progress';
import { getTotals } from '@/lib/kpi/get-totals';
import { resolveFilters } from '@/lib/kpi/resolve-filters';
import { EXPECTED, Q3, setUpKpiFixture, type KpiFixture } from '@/lib/kpi/test-fixture';

let fixture: KpiFixture;

beforeAll(async () => {
  fixture = await setUpKpiFixture();
});
afterAll(async () => {
  await fixture?.database.drop();
});

describe('getTotals', () => {
  it('sums the period for the organisation only', async () => {
    const totals = await getTotals(fixture.organisationId, Q3);

    expect(totals.emissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(totals.facilityEnergyKwh).toBeCloseTo(EXPECTED.q3EnergyKwh, 6);
    expect(totals.eventCount).toBe(EXPECTED.q3EventCount);
  });

  it.each([
    [{ team: 'alpha' }, 4700],
    [{ team: 'beta' }, 1250],
    [{ model: 'ranker' }, 4700],
    [{ pipeline: 'etl' }, 850],
    [{ region: 'country:USA' }, 4400],
    [{ kind: 'inference' as const }, 700],
    [{ team: 'nobody' }, 0],
  ])('filters %o to %d g', async (params, expectedG) => {
    const filters = await resolveFilters(fixture.organisationId, params);
    const totals = await getTotals(fixture.organisationId, Q3, filters);

    expect(totals.emissionsG).toBeCloseTo(expectedG, 6);
  });
});

describe('getSummary', () => {
  it('gives the period, the one before, shares by kind and changes', async () => {
    const summary = await getSummary(fixture.organisationId, Q3);

    expect(summary.current.totals.emissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(summary.previous.totals.emissionsG).toBeCloseTo(EXPECTED.q2EmissionsG, 6);
    for (const [kind, grams] of Object.entries(EXPECTED.byKindG)) {
      expect(summary.current.emissionsByKindG[kind as keyof typeof EXPECTED.byKindG]).toBeCloseTo(
        grams,
        6,
      );
    }
    expect(summary.current.intensities.gPer1kInferences).toBeCloseTo(EXPECTED.gPer1kInferences, 6);
    expect(summary.current.intensities.gPer1kTokens).toBeCloseTo(EXPECTED.gPer1kTokens, 6);
    expect(summary.previous.intensities.gPer1kTokens).toBeNull();
    expect(summary.change.emissionsG).toBeCloseTo((5950 - 500) / 500, 9);
    expect(summary.change.facilityEnergyKwh).toBeCloseTo((42 - 10) / 10, 9);
    expect(summary.change.gPer1kInferences).toBeCloseTo((350 - 1000) / 1000, 9);
    expect(summary.change.gPer1kTokens).toBeNull();
  });
});

describe('getMarketBased', () => {
  it('allocates the July contract, residual mix for France, location for the USA', async () => {
    const market = await getMarketBased(fixture.organisationId, Q3);

    // July FRA 27 kWh: 5 covered at 0, 22 x 300; Aug FRA 4 x 300; USA 11 kWh x 400.
    expect(market).toMatchObject({ computed: true, coveredKwh: 5 });
    if (!market.computed) return;
    expect(market.marketEmissionsG).toBeCloseTo(22 * 300 + 4 * 300 + 11 * 400, 6);
    expect(market.locationEmissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(market.flags.map((f) => f.code)).toContain('location_factor_used');
  });

  it('is not computed for a part of the organisation', async () => {
    const filters = await resolveFilters(fixture.organisationId, { team: 'alpha' });
    const market = await getMarketBased(fixture.organisationId, Q3, filters);

    expect(market.computed).toBe(false);
  });
});

describe('getTargetProgress', () => {
  it.each([
    [2024, 12000],
    [2025, 12000],
    [2026, 10000],
    [2030, 2000],
    [2031, 2000],
  ])('puts the %d budget on the straight line at %d g', (year, budgetG) => {
    const target = {
      baselineYear: 2025,
      baselineEmissionsG: 12000,
      targetYear: 2030,
      targetEmissionsG: 2000,
    };

    expect(linearBudgetG(target, year)).toBe(budgetG);
  });

  it('counts the year to the end of the period against that year’s budget', async () => {
    const progress = await getTargetProgress(fixture.organisationId, Q3.to);

    expect(progress).toMatchObject({ name: 'Cut', year: 2026, yearBudgetG: 10000 });
    expect(progress?.yearToDateG).toBeCloseTo(6450, 6);
    expect(progress?.budgetUsed).toBeCloseTo(0.645, 9);
    expect(progress?.requiredReduction).toBeCloseTo(1 - 2000 / 12000, 9);
  });
});
