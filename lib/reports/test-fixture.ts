// A small organisation whose every report figure can be worked out by hand:
// PUE 1, round intensities (FRA 50, USA 400 g/kWh; FRA residual mix 300),
// one July contract for 5 kWh in FRA, seven events in 2026-Q3, one in Q2.
// The factor set, target and contract are the KPI fixture's, set up by the
// same helper, so the dashboard and the report are tested on one policy.
import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { at, setUpRoundNumberPolicies } from '@/lib/kpi/test-fixture';

const fr = { country: 'FR', pue: 1 };
const us = { country: 'US', pue: 1 };

export const REPORT_EVENTS = [
  {
    id: 'p1',
    kind: 'inference',
    team: 'alpha',
    model: 'ranker',
    ...fr,
    ...at('06-01', '00:00', '01:00'),
    energy_kwh: 10,
    inferences: 500,
  },
  {
    id: 'i1',
    kind: 'inference',
    team: 'alpha',
    model: 'ranker',
    ...fr,
    ...at('07-01', '00:00', '01:00'),
    energy_kwh: 10,
    inferences: 1000,
  },
  {
    id: 'i2',
    kind: 'inference',
    team: 'alpha',
    model: 'ranker',
    ...fr,
    ...at('08-01', '00:00', '01:00'),
    energy_kwh: 4,
    inferences: 1000,
  },
  {
    id: 't1',
    kind: 'training',
    team: 'alpha',
    model: 'ranker',
    run: 'train-1',
    ...us,
    ...at('07-10', '00:00', '01:00'),
    energy_kwh: 5,
  },
  {
    id: 't2',
    kind: 'training',
    team: 'alpha',
    model: 'ranker',
    run: 'train-1',
    ...us,
    ...at('07-10', '01:00', '02:00'),
    energy_kwh: 5,
  },
  {
    id: 't3',
    kind: 'training',
    team: 'beta',
    run: 'train-2',
    ...us,
    ...at('09-05', '00:00', '01:00'),
    energy_kwh: 5,
  },
  {
    id: 's1',
    kind: 'pipeline_step',
    team: 'beta',
    pipeline: 'etl',
    ...fr,
    ...at('07-02', '02:00', '03:00'),
    energy_kwh: 6,
  },
  {
    id: 'l1',
    kind: 'llm_api_call',
    team: 'beta',
    model: 'gpt-4o',
    provider: 'openai',
    ...us,
    ...at('09-01', '00:00', '01:00'),
    energy_kwh: 1,
    requests: 100,
    tokens_in: 10000,
    tokens_out: 5000,
  },
  // Rejected at import (no energy): counted as a rejected row, never priced.
  { id: 'bad', kind: 'inference', team: 'alpha', ...fr, ...at('07-03', '00:00', '01:00') },
];

/** Hand-computed from REPORT_EVENTS, the factors and the contract. */
export const EXPECTED = {
  locationG: 7400,
  // July FRA: 5 kWh at 0 + 11 kWh x 300; August FRA 4 x 300; USA 15 kWh x 400 (no residual mix).
  scope2MarketG: 3300 + 1200 + 6000,
  marketG: 10500 + 400,
  scope2LocationG: 7000,
  scope3G: 400,
  energyKwh: 36,
  ownEnergyKwh: 35,
  renewableKwh: 5,
  previousG: 500,
  eventCount: 7,
  byTeam: { Alpha: 4700, Beta: 2700 },
  byModel: { ranker: 4700, 'No model': 2300, 'gpt-4o': 400 },
  byPipeline: { 'No pipeline': 7100, ETL: 300 },
  byKind: { training: 6000, inference: 700, llm_api_call: 400, pipeline_step: 300 },
  months: { '2026-07': 4800, '2026-08': 200, '2026-09': 2400 },
  gPer1kInferences: 350,
  gPer1kTokens: (400 / 15000) * 1000,
  trainingRuns: 2,
  gPerTrainingRun: 3000,
  // 1 January to 30 September 2026: Q2's 500 g and Q3's 7,400 g.
  target: { budgetG: 10000, yearToDateG: 7900 },
};

export interface ReportFixture {
  database: TestDatabase;
  organisationId: string;
  userId: string;
}

export async function ingestEvents(organisationId: string, events: unknown[]) {
  return ingestBatch(
    { organisationId, source: 'api', contentSha256: `report-fixture-${events.length}` },
    parseEventsBody({ events }, { maxEvents: 100 }),
  );
}

export async function setUpReportFixture(): Promise<ReportFixture> {
  const database = await useTestDatabase();
  const pool = getPool();
  const organisation = await createOrganisation(pool, { slug: 'acme', name: 'Acme Research' });
  await setUpRoundNumberPolicies(organisation.id);
  await pool.query(
    `INSERT INTO team (organisation_id, slug, name) VALUES ($1, 'alpha', 'Alpha'), ($1, 'beta', 'Beta')`,
    [organisation.id],
  );
  await pool.query(`INSERT INTO pipeline (organisation_id, slug, name) VALUES ($1, 'etl', 'ETL')`, [
    organisation.id,
  ]);
  await ingestEvents(organisation.id, REPORT_EVENTS);
  const user = await pool.query<{ id: string }>(
    `INSERT INTO app_user (email, name) VALUES ('officer@acme.example', 'Olive Officer') RETURNING id`,
  );
  // Another organisation's events never show up in Acme's report.
  const other = await createOrganisation(pool, { slug: 'other', name: 'Other' });
  await ingestEvents(other.id, [{ ...REPORT_EVENTS[1], id: 'x1', energy_kwh: 100 }]);

  return { database, organisationId: organisation.id, userId: user.rows[0]?.id ?? '' };
}
