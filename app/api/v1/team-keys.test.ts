// A team's API key sends and imports for its own team only.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postCodeCarbon } from '@/app/api/v1/import/codecarbon/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { getPool } from '@/lib/db/pool';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

const context = { params: Promise.resolve({}) };
let org: TestOrganisation;
let visionKey: string;

beforeAll(async () => {
  org = await setUpOrganisation('team-keys');
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO team (organisation_id, slug, name) VALUES ($1, 'vision', 'Vision') RETURNING id`,
    [org.organisationId],
  );
  const key = await createApiKey(getPool(), {
    organisationId: org.organisationId,
    name: 'vision key',
    teamId: rows[0]?.id,
  });
  visionKey = key.token;
});
afterAll(async () => {
  await org.database.drop();
});

const event = (id: string, team?: string) => ({
  id,
  kind: 'inference',
  start: '2026-07-01T10:00:00Z',
  end: '2026-07-01T11:00:00Z',
  ...(team ? { team } : {}),
  energy_kwh: 1,
  country: 'FR',
});

function post(path: string, body: string) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${visionKey}` },
  });
}

describe('a team API key', () => {
  it('stores events for its team, gives them its team, and rejects other teams', async () => {
    const body = JSON.stringify({
      events: [event('own', 'vision'), event('none'), event('other', 'search')],
    });

    const answer = await (await postEvents(post('/api/v1/events', body), context)).json();

    expect(answer.items.map((i: { status: string }) => i.status)).toEqual([
      'accepted',
      'accepted',
      'rejected',
    ]);
    expect(answer.items[2].issues).toEqual([
      {
        path: 'events[2].team',
        reason: 'this API key belongs to team "vision" and may not send events for team "search"',
      },
    ]);
    const { rows } = await getPool().query(
      `SELECT e.idempotency_key, t.slug FROM emission_event e
         JOIN team t ON t.organisation_id = e.organisation_id AND t.id = e.team_id
        WHERE e.organisation_id = $1 ORDER BY 1`,
      [org.organisationId],
    );
    expect(rows).toEqual([
      { idempotency_key: 'api:none', slug: 'vision' },
      { idempotency_key: 'api:own', slug: 'vision' },
    ]);
  });

  it('imports for its team only', async () => {
    const csv = readFileSync('../shared/data/codecarbon/v3-fixture-38-columns.csv', 'utf8');

    const other = await postCodeCarbon(post('/api/v1/import/codecarbon?team=search', csv), context);
    const own = await postCodeCarbon(post('/api/v1/import/codecarbon', csv), context);

    expect(other.status).toBe(400);
    expect((await other.json()).error.message).toMatch(/belongs to team "vision"/);
    expect((await own.json()).accepted).toBe(1);
  });
});
