import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadKpi } from '@/lib/kpi/endpoints';
import { periodFromParams, type FilterParams } from '@/lib/kpi/filters';
import { at, EXPECTED, ingest, setUpKpiFixture, type KpiFixture } from '@/lib/kpi/test-fixture';

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];

describe('periodFromParams', () => {
  it.each<[string, FilterParams, string, string[], string[]]>([
    [
      // Q3 is 92 days, Q2 91: the previous quarter is not "92 days before".
      'a quarter, compared with the calendar quarter before',
      { quarter: '2026-Q3' },
      'UTC',
      ['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ],
    [
      'Q1, compared with Q4 of the year before',
      { quarter: '2026-Q1' },
      'UTC',
      ['2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2025-10-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'],
    ],
    [
      // Paris is UTC+2 in summer; 1 April is after the March DST change too.
      'quarters in the organisation time zone',
      { quarter: '2026-Q3' },
      'Europe/Paris',
      ['2026-06-30T22:00:00.000Z', '2026-09-30T22:00:00.000Z'],
      ['2026-03-31T22:00:00.000Z', '2026-06-30T22:00:00.000Z'],
    ],
    [
      'no dates: the last full quarter on 3 December, and Q2 before it',
      {},
      'UTC',
      ['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ],
    [
      'days, compared with as many days just before (to inclusive)',
      { from: '2026-07-01', to: '2026-09-30' },
      'UTC',
      ['2026-07-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z'],
      ['2026-03-31T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ],
    [
      // 14 days over the 29 March change (UTC+1 to +2): 9 to 22 March before.
      'days across a DST change, from local midnight to local midnight',
      { from: '2026-03-23', to: '2026-04-05' },
      'Europe/Paris',
      ['2026-03-22T23:00:00.000Z', '2026-04-05T22:00:00.000Z'],
      ['2026-03-08T23:00:00.000Z', '2026-03-22T23:00:00.000Z'],
    ],
    [
      'a single day',
      { from: '2026-03-01', to: '2026-03-01' },
      'UTC',
      ['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-02-28T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ],
  ])('%s', (_, params, timeZone, range, previous) => {
    const period = periodFromParams(params, timeZone, new Date('2026-12-03T12:00:00Z'));

    expect(iso(period.range)).toEqual(range);
    expect(iso(period.previous)).toEqual(previous);
  });
});

describe('the previous period of the KPI endpoints', () => {
  let fixture: KpiFixture;
  const scope = () => ({ organisationId: fixture.organisationId, timeZone: 'UTC' });

  beforeAll(async () => {
    fixture = await setUpKpiFixture();
    // 31 March: 92 days before Q3 but not in Q2. 2 kWh x 50 g/kWh = 100 g.
    await ingest(fixture.organisationId, [
      {
        id: 'm1',
        kind: 'inference',
        team: 'alpha',
        model: 'ranker',
        model_version: 'v1',
        country: 'FR',
        pue: 1,
        ...at('03-31', '12:00', '13:00'),
        energy_kwh: 2,
        inferences: 100,
      },
    ]);
  });
  afterAll(async () => {
    await fixture?.database.drop();
  });

  it('compares a quarter with the calendar quarter before, as the report does', async () => {
    const summary = await loadKpi('summary', scope(), { quarter: '2026-Q3' });
    const teams = await loadKpi('table', scope(), { quarter: '2026-Q3', dimension: 'team' });

    expect(iso(summary.previous.range)).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
    ]);
    expect(summary.previous.totals.emissionsG).toBeCloseTo(EXPECTED.q2EmissionsG, 6);
    expect(summary.change.emissionsG).toBeCloseTo((5950 - 500) / 500, 9);
    expect(teams.find((t) => t.slug === 'alpha')?.previousEmissionsG).toBeCloseTo(500, 6);
  });

  it('compares days with as many days before, 31 March included', async () => {
    const input = { from: '2026-07-01', to: '2026-09-30' };
    const summary = await loadKpi('summary', scope(), input);

    expect(summary.current.totals.emissionsG).toBeCloseTo(EXPECTED.q3EmissionsG, 6);
    expect(summary.previous.totals.emissionsG).toBeCloseTo(500 + 100, 6);
  });
});
