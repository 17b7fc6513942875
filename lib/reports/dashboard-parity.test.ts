// The rule this guards: a quarter's report and the dashboard overview of the
// same quarter show the same location-based total, market-based total and
// energy, because both read them from the same lib/kpi functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemo } from '@/prisma/seed/demo';
import { ingest, LLM_CALL_IN_FRANCE } from '@/lib/kpi/test-fixture';
import { loadInitial } from '@/lib/kpi/load-initial';
import { generateReport } from '@/lib/reports/archive';
import { EXPECTED, setUpReportFixture, type ReportFixture } from '@/lib/reports/test-fixture';

let fixture: ReportFixture;

beforeAll(async () => {
  fixture = await setUpReportFixture();
});
afterAll(async () => {
  await fixture.database.drop();
});

/** The overview's headline figures and a generated report's, side by side. */
async function bothViews(timeZone: string, organisationId = fixture.organisationId) {
  const viewer = { organisationId, timeZone };
  const [summary, market] = await Promise.all([
    loadInitial('summary', viewer, { quarter: '2026-Q3' }),
    loadInitial('market-based', viewer, { quarter: '2026-Q3' }),
  ]);
  if (!market.data.computed) throw new Error(market.data.reason);
  const { model } = await generateReport(
    organisationId,
    { year: 2026, quarter: 3 },
    { now: new Date('2026-10-15T00:00:00Z'), timeZone },
  );

  return {
    model,
    dashboard: {
      locationG: summary.data.current.totals.emissionsG,
      marketG: market.data.marketEmissionsG,
      energyKwh: summary.data.current.totals.facilityEnergyKwh,
    },
    report: {
      locationG: model.summary.locationBased.g,
      marketG: model.summary.marketBased.g,
      energyKwh: model.summary.energy.kwh,
    },
    /** The E1-5 total, which must be the same energy as the cover's. */
    esrsEnergyKwh: model.energy.total.kwh,
  };
}

describe('report and dashboard for 2026-Q3', () => {
  it.each(['UTC', 'Europe/Paris', 'America/New_York'])(
    'show the same totals and energy (%s)',
    async (timeZone) => {
      const { dashboard, report, esrsEnergyKwh } = await bothViews(timeZone);

      expect(report).toEqual(dashboard);
      expect(esrsEnergyKwh).toBe(dashboard.energyKwh);
    },
  );

  it('are the hand-computed figures', async () => {
    const { dashboard } = await bothViews('UTC');

    expect(dashboard).toEqual({
      locationG: EXPECTED.locationG,
      marketG: EXPECTED.marketG,
      energyKwh: EXPECTED.energyKwh,
    });
  });

  it('still agree when a hosted LLM call lands in a contract’s market and month', async () => {
    await ingest(fixture.organisationId, [LLM_CALL_IN_FRANCE]);
    const { dashboard, report } = await bothViews('UTC');

    expect(report).toEqual(dashboard);
    // Scope 2 is untouched (10,500 g); Scope 3 category 1 gains the call's
    // 2 kWh x 50 g/kWh, location-based, and no contract or residual mix.
    expect(dashboard).toEqual({
      locationG: EXPECTED.locationG + 100,
      marketG: EXPECTED.scope2MarketG + EXPECTED.scope3G + 100,
      energyKwh: EXPECTED.energyKwh + 2,
    });
  });
});

describe('the demo organisation’s 2026-Q3', () => {
  it('shows the same totals and energy in the report and on the overview', async () => {
    const { organisation } = await seedDemo();
    const { dashboard, report, model, esrsEnergyKwh } = await bothViews('UTC', organisation.id);

    expect(model.summary.eventCount).toBeGreaterThan(10_000);
    expect(report).toEqual(dashboard);
    expect(esrsEnergyKwh).toBe(dashboard.energyKwh);
    // The demo's hosted LLM calls stay out of the Belgian wind contract.
    expect(model.ghg.scope3Category1.g).toBeGreaterThan(0);
    expect(model.ghg.totalMarketBased.g).toBeCloseTo(
      model.ghg.scope2MarketBased.g + model.ghg.scope3Category1.g,
      6,
    );
  }, 120_000);
});
