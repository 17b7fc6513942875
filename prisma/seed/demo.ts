// Seeds the demo organisation: teams, models, pipelines, people with one
// login per role, an API key, a contract and a target, then two quarters of
// telemetry sent through the same parser and writer as real data.
import bcrypt from 'bcryptjs';

import { createApiKey } from '@/lib/auth/api-keys';
import { createOrganisation, findOrganisationBySlug } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';

import {
  DEMO_PERIOD,
  DEMO_PIPELINES,
  DEMO_TEAMS,
  HOSTED_MODELS,
  SERVED_MODELS,
  TRAINED_ONLY,
  demoEvents,
} from './demo-events';

export const DEMO_ORGANISATION = { slug: 'helio-labs', name: 'Helio Labs' };

export const DEMO_USERS = [
  { email: 'admin@helio.example', name: 'Ada Admin', role: 'admin' },
  { email: 'officer@helio.example', name: 'Sam Sustainability', role: 'sustainability_officer' },
  { email: 'engineer@helio.example', name: 'Eli Engineer', role: 'engineer' },
  { email: 'executive@helio.example', name: 'Erin Executive', role: 'executive' },
] as const;
export const DEMO_PASSWORD = 'greenops-demo';

const BATCH_SIZE = 5000;

async function createCatalogue(organisationId: string) {
  const pool = getPool();
  const teams = DEMO_TEAMS.map((t) => t.slug);
  await pool.query(
    `INSERT INTO team (organisation_id, slug, name)
     SELECT $1, s, n FROM unnest($2::text[], $3::text[]) AS t(s, n)`,
    [organisationId, teams, DEMO_TEAMS.map((t) => t.name)],
  );
  const models = [
    ...SERVED_MODELS.map((m) => ({ slug: m.slug, team: m.team, kind: 'in_house', provider: null })),
    ...TRAINED_ONLY.map((m) => ({ slug: m.slug, team: m.team, kind: 'in_house', provider: null })),
    ...HOSTED_MODELS.map((m) => ({ slug: m.slug, team: m.team, kind: 'hosted_api', provider: 'openai' })),
  ];
  await pool.query(
    `INSERT INTO model (organisation_id, slug, name, kind, provider, team_id)
     SELECT $1, s, s, k::model_kind, p, t.id
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(s, k, p, team)
       JOIN team t ON t.organisation_id = $1 AND t.slug = x.team`,
    [
      organisationId,
      models.map((m) => m.slug),
      models.map((m) => m.kind),
      models.map((m) => m.provider),
      models.map((m) => m.team),
    ],
  );
  await pool.query(
    `INSERT INTO pipeline (organisation_id, slug, name, team_id)
     SELECT $1, s, s, t.id FROM unnest($2::text[], $3::text[]) AS x(s, team)
       JOIN team t ON t.organisation_id = $1 AND t.slug = x.team`,
    [organisationId, DEMO_PIPELINES.map((p) => p.slug), DEMO_PIPELINES.map((p) => p.team)],
  );
}

async function createPeople(organisationId: string) {
  const pool = getPool();
  const hash = await bcrypt.hash(DEMO_PASSWORD, 10);
  for (const user of DEMO_USERS) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET name = excluded.name RETURNING id`,
      [user.email, user.name, hash],
    );
    await pool.query(
      `INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, $3::role)`,
      [organisationId, rows[0]?.id, user.role],
    );
  }
}

async function createPolicies(organisationId: string) {
  const pool = getPool();
  await pool.query(
    `INSERT INTO energy_contract (organisation_id, kind, name, region_key, energy_mwh,
       valid_from, valid_to)
     VALUES ($1, 'ppa', 'Belgian wind PPA', 'gcp:europe-west1', 40, $2, $3)`,
    [organisationId, DEMO_PERIOD.start, DEMO_PERIOD.end],
  );
  await pool.query(
    `INSERT INTO target (organisation_id, name, baseline_year, baseline_emissions_g,
       target_year, target_emissions_g)
     VALUES ($1, 'Halve AI emissions by 2030', 2025, 110000000, 2030, 55000000)`,
    [organisationId],
  );
}

async function ingestTelemetry(organisationId: string) {
  const events = demoEvents();
  let accepted = 0;
  for (let i = 0; i < events.length; i += BATCH_SIZE) {
    const batch = events.slice(i, i + BATCH_SIZE);
    const parsed = parseEventsBody({ events: batch }, { maxEvents: BATCH_SIZE });
    const result = await ingestBatch(
      { organisationId, source: 'demo', contentSha256: `demo-batch-${i / BATCH_SIZE}` },
      parsed,
    );
    if (result.rejected > 0) {
      const first = result.items.find((item) => item.status === 'rejected');
      throw new Error(`demo event rejected: ${JSON.stringify(first?.issues)}`);
    }
    accepted += result.accepted;
  }

  return accepted;
}

export async function seedDemo() {
  const pool = getPool();
  const organisation = await createOrganisation(pool, DEMO_ORGANISATION);
  await createCatalogue(organisation.id);
  await createPeople(organisation.id);
  await createPolicies(organisation.id);
  const key = await createApiKey(pool, { organisationId: organisation.id, name: 'Demo key' });
  const events = await ingestTelemetry(organisation.id);

  return { organisation, apiKey: key.token, events };
}

export function printDemoLogins(apiKey: string | null) {
  console.log('Demo organisation "Helio Labs". Logins (password: greenops-demo):');
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(24)} ${user.email}`);
  if (apiKey) console.log(`Demo API key (shown once): ${apiKey}`);
}

/** Seeds the demo when the database has no organisation yet. */
export async function seedDemoIfEmpty() {
  const existing = await findOrganisationBySlug(getPool(), DEMO_ORGANISATION.slug);
  if (existing) return null;
  const { rows } = await getPool().query<{ n: number }>('SELECT count(*)::int AS n FROM organisation');
  if ((rows[0]?.n ?? 0) > 0) return null;
  console.log('Seeding the demo organisation (two quarters of telemetry)…');
  const seeded = await seedDemo();
  console.log(`Demo organisation ready: ${seeded.events} events.`);
  printDemoLogins(seeded.apiKey);

  return seeded;
}
