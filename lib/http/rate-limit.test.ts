// The per-key limit on key-authenticated ingestion, through the real route
// handlers and a real database, with a limit of 3 requests a minute.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postCodeCarbon } from '@/app/api/v1/import/codecarbon/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { createMember, sessionCookie } from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db/pool';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

vi.hoisted(() => {
  process.env.GREENOPS_INGEST_RATE_PER_MINUTE = '3';
});

const LIMIT = 3;
const CSV = readFileSync('../shared/data/codecarbon/v2.4-example-flush-rows.csv', 'utf8');
const context = { params: Promise.resolve({}) };
let org: TestOrganisation;

beforeAll(async () => {
  org = await setUpOrganisation('rate-limit');
});
afterAll(async () => {
  await org.database.drop();
});

const event = (id: string) => ({
  id,
  kind: 'inference',
  start: '2026-08-01T00:00:00Z',
  end: '2026-08-01T00:10:00Z',
  energy_kwh: 0.01,
  country: 'FRA',
});

function sendEvents(token: string, id: string) {
  const request = new Request('http://localhost/api/v1/events', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ events: [event(id)] }),
  });

  return postEvents(request, context);
}

function sendCsv(headers: Record<string, string>) {
  const request = new Request('http://localhost/api/v1/import/codecarbon', {
    method: 'POST',
    headers,
    body: CSV,
  });

  return postCodeCarbon(request, context);
}

async function expectRateLimited(response: Response) {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await response.json()).toEqual({
    error: {
      code: 'rate_limited',
      message: `Too many requests for this API key; retry in ${retryAfter} seconds`,
      requestId: response.headers.get('x-request-id'),
    },
  });
}

describe('API key rate limit', () => {
  it('answers 429 with Retry-After once a key is over its limit, and stores nothing', async () => {
    for (let n = 0; n < LIMIT; n += 1) {
      expect((await sendEvents(org.apiKey, `within-${n}`)).status).toBe(200);
    }

    await expectRateLimited(await sendEvents(org.apiKey, 'over'));
    const { rows } = await getPool().query(
      `SELECT count(*)::int AS n FROM emission_event WHERE idempotency_key = 'api:over'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('counts the file import endpoints against the same key', async () => {
    await expectRateLimited(await sendCsv({ authorization: `Bearer ${org.apiKey}` }));
  });

  it('limits each key on its own', async () => {
    const other = await createApiKey(getPool(), {
      organisationId: org.organisationId,
      name: 'other',
    });

    expect((await sendEvents(other.token, 'other-key')).status).toBe(200);
  });

  it('does not limit uploads by a signed-in engineer', async () => {
    const userId = await createMember({
      organisationId: org.organisationId,
      email: 'uploader@test.example',
      role: 'engineer',
    });
    const cookie = await sessionCookie(userId);

    for (let n = 0; n <= LIMIT; n += 1) {
      expect((await sendCsv({ cookie })).status).toBe(200);
    }
  });

  it('answers an unknown key with 401, not 429', async () => {
    const response = await sendEvents('gok_000000000000_' + 'a'.repeat(43), 'unknown');

    expect(response.status).toBe(401);
  });
});
