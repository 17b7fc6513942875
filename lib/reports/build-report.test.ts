import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildReportModel } from '@/lib/reports/build-report';
import { EXPECTED, setUpReportFixture, type ReportFixture } from '@/lib/reports/test-fixture';
import type { BreakdownRow } from '@/lib/reports/types';

let fixture: ReportFixture;
const AFTER_Q3 = { now: new Date('2026-10-15T00:00:00Z'), timeZone: 'UTC' };

beforeAll(async () => {
  fixture = await setUpReportFixture();
});
afterAll(async () => {
  await fixture.database.drop();
});

const byLabel = (rows: BreakdownRow[]) =>
  Object.fromEntries(rows.map((r) => [r.label, r.emissionsG]));
const total = (rows: { emissionsG: number }[]) => rows.reduce((t, r) => t + r.emissionsG, 0);

describe('buildReportModel', () => {
  it('sums the summary figures of a finished quarter', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);

    expect(m.provisional).toBe(false);
    expect(m.empty).toBe(false);
    expect(m.period).toMatchObject({
      label: '2026-Q3',
      from: '2026-07-01T00:00:00.000Z',
      to: '2026-10-01T00:00:00.000Z',
    });
    expect(m.summary.locationBased.g).toBeCloseTo(EXPECTED.locationG, 6);
    expect(m.summary.locationBased.t).toBeCloseTo(EXPECTED.locationG / 1e6, 12);
    expect(m.summary.locationBased.kg).toBeCloseTo(EXPECTED.locationG / 1e3, 9);
    expect(m.summary.marketBased.g).toBeCloseTo(EXPECTED.marketG, 6);
    expect(m.summary.energy.kwh).toBeCloseTo(EXPECTED.energyKwh, 9);
    expect(m.summary.energy.mwh).toBeCloseTo(EXPECTED.energyKwh / 1000, 12);
    expect(m.summary.eventCount).toBe(EXPECTED.eventCount);
    expect(m.summary.previousQuarter).toMatchObject({
      period: '2026-Q2',
      emissionsG: EXPECTED.previousG,
    });
    expect(m.summary.previousQuarter.change).toBeCloseTo((EXPECTED.locationG - 500) / 500, 9);
    // No events in 2025-Q3: no figures to compare with, not zeros.
    expect(m.summary.sameQuarterLastYear).toEqual({
      period: '2025-Q3',
      eventCount: 0,
      emissionsG: null,
      energyKwh: null,
      changeG: null,
      change: null,
    });
  });

  it('names the three largest drivers of change in sentences', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);

    expect(m.summary.drivers.map((d) => d.sentence)).toEqual([
      'Alpha team +4.00 kgCO2e (training in country:USA, new this quarter)',
      'Beta team +2.00 kgCO2e (training in country:USA, new this quarter)',
      'Beta team +400 gCO2e (hosted LLM API calls in country:USA, new this quarter)',
    ]);
  });

  it('measures targets year to date, as the dashboard does, and says what it compares', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);
    const [target] = m.summary.targets;

    expect(target).toMatchObject({ name: 'Cut by 2030', team: null, year: 2026 });
    expect(target?.yearBudgetG).toBeCloseTo(EXPECTED.target.budgetG, 6);
    expect(target?.yearToDateG).toBeCloseTo(EXPECTED.target.yearToDateG, 6);
    expect(target?.budgetUsed).toBeCloseTo(EXPECTED.target.yearToDateG / 10000, 9);
    // 273 of 365 days have passed at the end of September.
    expect(target?.yearElapsed).toBeCloseTo(273 / 365, 12);
    expect(target?.onTrack).toBe(false);
    expect(target?.sentence).toBe(
      'Cut by 2030 (whole organisation): not on track. 7.90 kgCO2e emitted in 2026 so far ' +
        "(1 January to 30 September) is 79.0% of this year's budget of 10.0 kgCO2e, more " +
        'than the 74.8% of the year that has passed. The budget is the 2026 point on a ' +
        'straight line from 12.0 kgCO2e in 2025 to 2.00 kgCO2e in 2030.',
    );
  });

  it('splits energy (E1-5) and emissions by scope (E1-6)', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);

    // One energy figure: the E1-5 total is the summary's, hosted LLM APIs included.
    expect(m.energy.total.kwh).toBeCloseTo(EXPECTED.energyKwh, 9);
    expect(m.energy.total.kwh).toBe(m.summary.energy.kwh);
    expect(m.energy.ownCompute.kwh).toBeCloseTo(EXPECTED.ownEnergyKwh, 9);
    expect(m.energy.hostedLlmEstimated.kwh).toBeCloseTo(1, 9);
    expect(m.energy.renewable.kwh).toBeCloseTo(EXPECTED.renewableKwh, 9);
    expect(m.energy.nonRenewable.kwh).toBeCloseTo(EXPECTED.energyKwh - EXPECTED.renewableKwh, 9);
    expect(m.energy.renewableShare).toBeCloseTo(5 / 36, 9);
    expect(m.energy.contracts).toEqual([
      expect.objectContaining({ name: 'July wind', allocatedKwh: expect.closeTo(5, 9) }),
    ]);
    expect(m.ghg.scope2LocationBased.g).toBeCloseTo(EXPECTED.scope2LocationG, 6);
    expect(m.ghg.scope2MarketBased.g).toBeCloseTo(EXPECTED.scope2MarketG, 6);
    expect(m.ghg.scope3Category1).toMatchObject({
      minG: expect.closeTo(400, 6),
      maxG: expect.closeTo(400, 6),
    });
    expect(m.ghg.scope3Category1.g).toBeCloseTo(EXPECTED.scope3G, 6);
    expect(m.ghg.totalMarketBased.g).toBeCloseTo(EXPECTED.marketG, 6);
    expect(m.ghg.marketFlags.some((f) => f.startsWith('country:USA'))).toBe(true);
  });

  it('breaks emissions down by team, model, pipeline and kind, each adding up', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);

    expect(byLabel(m.tables.byTeam)).toEqual(EXPECTED.byTeam);
    expect(byLabel(m.tables.byModel)).toEqual(EXPECTED.byModel);
    expect(byLabel(m.tables.byPipeline)).toEqual(EXPECTED.byPipeline);
    expect(byLabel(m.tables.byKind)).toEqual(EXPECTED.byKind);
    for (const rows of Object.values(m.tables))
      expect(total(rows)).toBeCloseTo(EXPECTED.locationG, 6);
    const ranker = m.tables.byModel.find((r) => r.label === 'ranker');
    expect(ranker).toMatchObject({
      inferences: 2000,
      inferenceEmissionsG: 700,
      gPer1kInferences: 350,
    });
  });

  it('gives the monthly trend by kind and the intensity KPIs', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);

    expect(Object.fromEntries(m.trend.months.map((x) => [x.month, x.totalG]))).toEqual(
      EXPECTED.months,
    );
    expect(m.trend.months[0]?.emissionsG).toMatchObject({
      training: 4000,
      inference: 500,
      pipeline_step: 300,
    });
    expect(m.intensity.gPer1kInferences).toBeCloseTo(EXPECTED.gPer1kInferences, 9);
    expect(m.intensity.gPer1kTokens).toBeCloseTo(EXPECTED.gPer1kTokens, 9);
    expect(m.intensity.trainingRuns).toBe(EXPECTED.trainingRuns);
    expect(m.intensity.gPerTrainingRun).toBeCloseTo(EXPECTED.gPerTrainingRun, 9);
    const training = m.intensity.sci.find((s) => s.functionalUnit === 'training_run');
    expect(training).toMatchObject({ energyKwh: 15, functionalUnits: 2, sciG: 3000 });
  });

  it('traces every figure to its factor set, sources and events', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, AFTER_Q3);
    const x = m.methodology;

    expect(x.factorSets).toEqual([
      expect.objectContaining({
        name: 'Round numbers',
        version: 1,
        eventCount: 7,
        emissionsG: 7400,
        builtIn: false,
      }),
    ]);
    expect(m.lineage).toEqual({
      primaryFactorSetId: x.factorSets[0]?.id,
      primaryFactorSetVersion: 1,
      eventCount: 7,
      dataFingerprint: {
        eventCount: 7,
        lastIngestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
        factorSetIds: [x.factorSets[0]?.id],
      },
    });
    expect(x.sources).toEqual([
      { source: 'Round test numbers', licence: 'CC0-1.0', eventCount: 7 },
    ]);
    expect(x.pue).toEqual([{ pueSource: 'event', pue: 1, eventCount: 7 }]);
    expect(x.coverage).toMatchObject({
      eventCount: 7,
      measuredCount: 7,
      estimatedCount: 0,
      measuredShare: 1,
      importsContributing: 1,
      rejectedRowsInContributingImports: 1,
    });
    expect(x.attribution.some((a) => a.includes('Ember') && a.includes('CC-BY-4.0'))).toBe(true);
  });

  it('marks a quarter in progress as provisional', async () => {
    const m = await buildReportModel(fixture.organisationId, 2026, 3, {
      now: new Date('2026-08-15T00:00:00Z'),
      timeZone: 'UTC',
    });

    expect(m.provisional).toBe(true);
  });

  it('reports a quarter without data as empty, not as an error', async () => {
    const m = await buildReportModel(fixture.organisationId, 2025, 1, AFTER_Q3);

    expect(m).toMatchObject({
      empty: true,
      provisional: false,
      lineage: { eventCount: 0, primaryFactorSetId: null },
    });
    expect(m.summary.locationBased.g).toBe(0);
    expect(m.tables.byTeam).toEqual([]);
    expect(m.trend.months.map((x) => x.totalG)).toEqual([0, 0, 0]);
  });
});
