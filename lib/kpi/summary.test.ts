import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '@/lib/db/pool';
import { getMarketBased } from '@/lib/kpi/get-market-based';
import { getSummary } from '@/lib/kpi/get-summary';
import {
  getTargetProgress,
  linearBudgetG,
  listTargetProgress,
} from '@/lib/kpi/get-target-progress';
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
  it('applies contracts and residual mixes to Scope 2 only, and adds Scope 3 as it is', async () => {
    const market = await getMarketBased(fixture.organisationId, Q3);

    if (!market.computed) throw new Error(market.reason);
    // Scope 2 (all but the LLM call): July FRA 27 kWh, 5 covered at 0 and
    // 22 x 300 residual; August FRA 4 x 300; USA training 10 kWh x 400
    // (no residual mix: location factor, flagged). Scope 3 category 1: the
    // LLM call's 1 kWh x 400 as priced.
    expect(market.scope2MarketEmissionsG).toBeCloseTo(22 * 300 + 4 * 300 + 10 * 400, 6);
    expect(market.scope2LocationEmissionsG).toBeCloseTo(5950 - 400, 6);
    expect(market.scope2EnergyKwh).toBeCloseTo(41, 9);
    expect(market.scope3Category1G).toBeCloseTo(400, 6);
    expect(market.scope3Category1EnergyKwh).toBeCloseTo(1, 9);
    expect(market.marketEmissionsG).toBeCloseTo(11800 + 400, 6);
    expect(market.locationEmissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(market.coveredKwh).toBeCloseTo(5, 9);
    expect(market.residualKwh).toBeCloseTo(36, 9);
    expect(market.contracts).toEqual([
      expect.objectContaining({ name: 'July wind', allocatedKwh: expect.closeTo(5, 9) }),
    ]);
    expect(market.flags.map((f) => [f.code, f.regionKey])).toEqual([
      ['location_factor_used', 'country:USA'],
    ]);
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

    // 1 January to 30 September 2026: Q2's 500 g and Q3's 5,950 g.
    expect(progress).toMatchObject({ name: 'Cut by 2030', team: null, year: 2026 });
    expect(progress?.yearBudgetG).toBe(10000);
    expect(progress?.yearToDateG).toBeCloseTo(6450, 6);
    expect(progress?.budgetUsed).toBeCloseTo(0.645, 9);
    expect(progress?.requiredReduction).toBeCloseTo(1 - 2000 / 12000, 9);
  });

  it('lists team targets too, each counting only its team', async () => {
    await getPool().query(
      `INSERT INTO target (organisation_id, name, team_id, baseline_year, baseline_emissions_g,
         target_year, target_emissions_g)
       SELECT $1, 'Beta halves', id, 2025, 3000, 2030, 1000 FROM team
        WHERE organisation_id = $1 AND slug = 'beta'`,
      [fixture.organisationId],
    );
    const all = await listTargetProgress(fixture.organisationId, Q3.to);
    const current = await getTargetProgress(fixture.organisationId, Q3.to);

    // Beta: the pipeline's 850 g and the LLM call's 400 g; 2026 budget 3,000 - 400.
    expect(all.map((t) => [t.name, t.team, t.yearBudgetG])).toEqual([
      ['Beta halves', 'Beta', 2600],
      ['Cut by 2030', null, 10000],
    ]);
    expect(all[0]?.yearToDateG).toBeCloseTo(1250, 6);
    expect(all[0]?.budgetUsed).toBeCloseTo(1250 / 2600, 9);
    expect(current?.name).toBe('Cut by 2030');
  });
});
