import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { estimateLlmCall } from '@/lib/carbon/llm';
import { getBreakdown } from '@/lib/kpi/get-breakdown';
import { getLlmUsage } from '@/lib/kpi/get-llm-usage';
import { getTimeSeries } from '@/lib/kpi/get-time-series';
import { listEvents } from '@/lib/kpi/list-events';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { llmCatalogue, smallerSibling } from '@/lib/kpi/llm-catalogue';
import { listRuns } from '@/lib/kpi/list-runs';
import { resolveFilters } from '@/lib/kpi/resolve-filters';
import { EXPECTED, Q3, setUpKpiFixture, type KpiFixture } from '@/lib/kpi/test-fixture';

let fixture: KpiFixture;
let org: string;

beforeAll(async () => {
  fixture = await setUpKpiFixture();
  org = fixture.organisationId;
});
afterAll(async () => {
  await fixture?.database.drop();
});

describe('smallerSibling', () => {
  it.each([
    ['gpt-4o', 'gpt-4o-mini'],
    ['gpt-4.1', 'gpt-4.1-nano'],
    ['gpt-4.1-mini', 'gpt-4.1-nano'],
    ['gpt-4o-mini', null],
    ['no-such-model', null],
  ])('picks %s → %s', (model, expected) => {
    expect(smallerSibling(llmCatalogue(), 'openai', model)?.name ?? null).toBe(expected);
  });
});

describe('getLlmUsage', () => {
  it('gives usage, intensity, cached share and a what-if on the smaller model', async () => {
    const [row, ...rest] = await getLlmUsage(org, Q3);

    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({
      provider: 'openai',
      model: 'gpt-4o',
      requests: 100,
      tokensIn: 10000,
      tokensCachedIn: 2000,
      tokensOut: 5000,
      cachedInputShare: 0.2,
    });
    expect(row?.emissionsG).toBeCloseTo(400, 6);
    expect(row?.gPer1kTokens).toBeCloseTo(EXPECTED.gPer1kTokens, 9);

    const estimate = estimateLlmCall(llmCatalogue(), {
      provider: 'openai',
      model: 'gpt-4o-mini',
      outputTokens: 5000,
      requests: 100,
    });
    if ('issue' in estimate) throw new Error(estimate.issue.reason);
    // Priced at the 400 g/kWh the real calls got.
    const expectedG = ((estimate.energyMinKwh + estimate.energyMaxKwh) / 2) * estimate.pue * 400;
    expect(row?.whatIf?.model).toBe('gpt-4o-mini');
    expect(row?.whatIf?.emissionsG).toBeCloseTo(expectedG, 9);
    expect(row?.whatIf?.differenceG).toBeCloseTo(expectedG - 400, 9);
    expect(row?.whatIf?.emissionsMinG).toBeLessThanOrEqual(row?.whatIf?.emissionsMaxG ?? 0);
  });
});

describe('getTimeSeries', () => {
  it('fills every day of the quarter and stacks by kind', async () => {
    const series = await getTimeSeries(org, Q3, { group: 'kind' });

    expect(series.bucket).toBe('day');
    expect(series.points).toHaveLength(92);
    expect(series.points[0]?.start).toBe('2026-07-01T00:00');
    const day = series.points.find((p) => p.start === '2026-07-10T00:00');
    expect(day?.emissionsG).toMatchObject({ training: 4000, inference: 0 });
    const total = series.points.reduce(
      (sum, p) => sum + Object.values(p.emissionsG).reduce((a, b) => a + b, 0),
      0,
    );
    expect(total).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    const inferences = series.points.reduce((sum, p) => sum + (p.inferences.inference ?? 0), 0);
    expect(inferences).toBe(2000);
  });

  it('buckets in the viewer’s time zone', async () => {
    const series = await getTimeSeries(org, Q3, { timeZone: 'America/New_York' });
    // 2026-07-01T00:00Z is 30 June, 20:00 in New York.
    const june30 = series.points.find((p) => p.start === '2026-06-30T00:00');

    expect(june30?.emissionsG.total).toBe(500);
  });
});

describe('getBreakdown', () => {
  it('breaks the period down by region', async () => {
    const rows = await getBreakdown(org, Q3, 'region');

    expect(rows.map((r) => [r.key, r.emissionsG])).toEqual([
      ['country:USA', 4400],
      ['country:FRA', 1550],
    ]);
  });
});

describe('listEvents', () => {
  it('pages the period’s events newest first with their factor set', async () => {
    const page = await listEvents(org, Q3, {}, { limit: 3, offset: 0 });

    expect(page.total).toBe(EXPECTED.q3EventCount);
    expect(page.emissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(page.events).toHaveLength(3);
    expect(page.events[0]).toMatchObject({
      kind: 'llm_api_call',
      modelName: 'gpt-4o',
      intensityGPerKwh: 400,
      intensityFallback: false,
      factorSetName: 'Round numbers',
      factorSetVersion: 1,
      energySource: 'measured',
      tokens: 15000,
    });
    const next = await listEvents(org, Q3, {}, { limit: 3, offset: 9 });
    expect(next.events).toHaveLength(1);
  });

  it('lists one run’s events and sums them', async () => {
    const [run] = await listRuns(org, Q3, { kind: 'training' });
    const page = await listEvents(org, Q3, { runId: run?.id }, { limit: 50 });

    expect(page.total).toBe(2);
    expect(page.emissionsG).toBe(4000);
    expect(page.events.every((e) => e.runExternalId === 'train-1')).toBe(true);
  });

  it('applies the URL filters', async () => {
    const filters = await resolveFilters(org, { pipeline: 'etl' });
    const page = await listEvents(org, Q3, filters);

    expect(page.total).toBe(5);
    expect(page.events.map((e) => e.step)).toEqual(['extract', 'load', 'extract', 'load', 'extract']);
  });
});

describe('listFilterOptions', () => {
  it('offers the organisation’s own teams, models, pipelines and regions', async () => {
    const options = await listFilterOptions(org);

    expect(options.teams.map((t) => t.value)).toEqual(['alpha', 'beta']);
    expect(options.models.map((m) => m.label)).toEqual(['gpt-4o', 'Ranker']);
    expect(options.pipelines).toEqual([{ value: 'etl', label: 'ETL' }]);
    expect(options.regions.map((r) => r.value)).toEqual(['country:FRA', 'country:USA']);
  });
});
