// A small organisation whose every KPI can be worked out by hand: round
// intensities (FRA 50, USA 400 g/kWh; FRA residual mix 300), PUE 1, and a
// handful of events in 2026-Q3 plus one in Q2. Expected values sit beside it.
import type { IntensityKind } from '@/lib/carbon/factors';
import { createFactorSet } from '@/lib/db/factor-sets';
import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { quarterRange } from '@/lib/kpi/filters';

export const Q3 = quarterRange(2026, 3);

const row = (regionKey: string, intensityGPerKwh: number, kind: IntensityKind = 'location') => ({
  regionKey,
  kind,
  year: 2026,
  hourStart: null,
  intensityGPerKwh,
  source: 'Round test numbers',
  licence: 'CC0-1.0',
});

/** An event window on one day of 2026, in UTC. */
export const at = (day: string, from: string, to: string) => ({
  start: `2026-${day}T${from}:00Z`,
  end: `2026-${day}T${to}:00Z`,
});

const ranker = { team: 'alpha', model: 'ranker', country: 'FR', pue: 1 };
const etl = { kind: 'pipeline_step', team: 'beta', pipeline: 'etl', country: 'FR', pue: 1 };

export const FIXTURE_EVENTS = [
  // Q2 (previous period): 10 kWh x 50 = 500 g for 500 inferences.
  { id: 'p1', kind: 'inference', ...ranker, model_version: 'v1', ...at('06-01', '00:00', '01:00'), energy_kwh: 10, inferences: 500 },
  // Q3 inference: v1 500 g / 1,000, v2 200 g / 1,000.
  { id: 'i1', kind: 'inference', ...ranker, model_version: 'v1', ...at('07-01', '00:00', '01:00'), energy_kwh: 10, inferences: 1000 },
  { id: 'i2', kind: 'inference', ...ranker, model_version: 'v2', ...at('08-01', '00:00', '01:00'), energy_kwh: 4, inferences: 1000 },
  // Training in the USA: 2 x 5 kWh x 400 = 4,000 g.
  { id: 't1', kind: 'training', ...ranker, country: 'US', model_version: 'v2', run: 'train-1', ...at('07-10', '00:00', '01:00'), energy_kwh: 5 },
  { id: 't2', kind: 'training', ...ranker, country: 'US', model_version: 'v2', run: 'train-1', ...at('07-10', '01:00', '02:00'), energy_kwh: 5 },
  // Pipeline: etl-2 repeats etl-1's config c1; etl-3 is new (c2).
  { id: 's1', ...etl, run: 'etl-1', config_hash: 'c1', step: 'extract', ...at('07-02', '02:00', '02:30'), energy_kwh: 2 },
  { id: 's2', ...etl, run: 'etl-1', config_hash: 'c1', step: 'load', ...at('07-02', '02:30', '03:00'), energy_kwh: 6 },
  { id: 's3', ...etl, run: 'etl-2', config_hash: 'c1', step: 'extract', ...at('07-03', '02:00', '02:30'), energy_kwh: 2 },
  { id: 's4', ...etl, run: 'etl-2', config_hash: 'c1', step: 'load', ...at('07-03', '02:30', '03:00'), energy_kwh: 6 },
  { id: 's5', ...etl, run: 'etl-3', config_hash: 'c2', step: 'extract', ...at('07-04', '02:00', '02:30'), energy_kwh: 1 },
  // An LLM call with measured energy: 1 kWh x 400 = 400 g for 15,000 tokens.
  {
    id: 'l1', kind: 'llm_api_call', team: 'beta', model: 'gpt-4o', provider: 'openai', country: 'US', pue: 1,
    ...at('09-01', '00:00', '01:00'), energy_kwh: 1, requests: 100, tokens_in: 10000, tokens_cached_in: 2000, tokens_out: 5000,
  },
];

/**
 * A hosted LLM call served from France in July, the month and market of the
 * wind contract: 2 kWh x 50 g/kWh = 100 g, location-based. Tests that pin the
 * Scope 2 / Scope 3 boundary add it; no fixture holds it by default.
 */
export const LLM_CALL_IN_FRANCE = {
  id: 'l2',
  kind: 'llm_api_call',
  team: 'beta',
  model: 'gpt-4o',
  provider: 'openai',
  country: 'FR',
  pue: 1,
  ...at('07-15', '00:00', '01:00'),
  energy_kwh: 2,
  requests: 10,
  tokens_out: 1000,
};

/** Hand-computed from FIXTURE_EVENTS. */
export const EXPECTED = {
  q3EmissionsG: 5950,
  q3EnergyKwh: 42,
  q2EmissionsG: 500,
  byKindG: { training: 4000, inference: 700, pipeline_step: 850, llm_api_call: 400, storage: 0 },
  gPer1kInferences: 350,
  previousGPer1kInferences: 1000,
  gPer1kTokens: (400 / 15000) * 1000,
  q3EventCount: 10,
};

export interface KpiFixture {
  database: TestDatabase;
  organisationId: string;
  otherOrganisationId: string;
}

async function createCatalogue(organisationId: string) {
  const pool = getPool();
  await pool.query(
    `INSERT INTO team (organisation_id, slug, name)
     VALUES ($1, 'alpha', 'Alpha'), ($1, 'beta', 'Beta')`,
    [organisationId],
  );
  await pool.query(
    `INSERT INTO model (organisation_id, slug, name, kind, provider, team_id)
     SELECT $1, 'ranker', 'Ranker', 'in_house'::model_kind, NULL, id FROM team
      WHERE organisation_id = $1 AND slug = 'alpha'
     UNION ALL
     SELECT $1, 'gpt-4o', 'gpt-4o', 'hosted_api'::model_kind, 'openai', id FROM team
      WHERE organisation_id = $1 AND slug = 'beta'`,
    [organisationId],
  );
  await pool.query(
    `INSERT INTO pipeline (organisation_id, slug, name, team_id)
     SELECT $1, 'etl', 'ETL', id FROM team WHERE organisation_id = $1 AND slug = 'beta'`,
    [organisationId],
  );
}

export async function ingest(organisationId: string, events: unknown[]) {
  const result = await ingestBatch(
    { organisationId, source: 'api', contentSha256: 'kpi-fixture' },
    parseEventsBody({ events }, { maxEvents: 100 }),
  );
  if (result.rejected > 0) {
    throw new Error(`fixture rejected: ${JSON.stringify(result.items.filter((i) => i.issues))}`);
  }
}

/**
 * The policies both fixtures share: the round-number factor set (active),
 * the target "Cut by 2030" (12 kg in 2025 to 2 kg in 2030) and a July
 * contract for 5 kWh of wind in France at 0 g/kWh.
 */
export async function setUpRoundNumberPolicies(organisationId: string) {
  const pool = getPool();
  const factorSet = await createFactorSet(pool, {
    organisationId,
    name: 'Round numbers',
    description: 'Round intensities for tests',
    rows: [
      row('world', 500),
      row('country:FRA', 50),
      row('country:USA', 400),
      row('country:FRA', 300, 'residual_mix'),
    ],
  });
  await pool.query('UPDATE organisation SET active_factor_set_id = $2 WHERE id = $1', [
    organisationId,
    factorSet.id,
  ]);
  await pool.query(
    `INSERT INTO target (organisation_id, name, baseline_year, baseline_emissions_g,
       target_year, target_emissions_g)
     VALUES ($1, 'Cut by 2030', 2025, 12000, 2030, 2000)`,
    [organisationId],
  );
  await pool.query(
    `INSERT INTO energy_contract (organisation_id, kind, name, region_key, energy_mwh,
       intensity_g_per_kwh, valid_from, valid_to)
     VALUES ($1, 'ppa', 'July wind', 'country:FRA', 0.005, 0, '2026-07-01Z', '2026-08-01Z')`,
    [organisationId],
  );
}

export async function setUpKpiFixture(): Promise<KpiFixture> {
  const database = await useTestDatabase();
  const pool = getPool();
  const organisation = await createOrganisation(pool, { slug: 'kpi', name: 'KPI test' });
  await setUpRoundNumberPolicies(organisation.id);
  await createCatalogue(organisation.id);
  await ingest(organisation.id, FIXTURE_EVENTS);

  // Another organisation with the same slugs: never counted above.
  const other = await createOrganisation(pool, { slug: 'other', name: 'Other' });
  await ingest(other.id, [{ ...FIXTURE_EVENTS[1], id: 'x1', energy_kwh: 100 }]);

  return { database, organisationId: organisation.id, otherOrganisationId: other.id };
}
