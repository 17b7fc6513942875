// GET /api/v1/kpi/<endpoint> answers as a signed-in browser sees it: exact
// status and error body for requests the dashboards should never send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET } from '@/app/api/v1/kpi/[endpoint]/route';
import { createMember, createTestOrganisation, sessionCookie } from '@/lib/auth/test-fixtures';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

let database: TestDatabase;
let cookie: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const organisationId = await createTestOrganisation('kpi-route');
  const userId = await createMember({
    organisationId,
    email: 'officer@kpi-route.example',
    role: 'sustainability_officer',
  });
  cookie = await sessionCookie(userId);
});
afterAll(async () => {
  await database?.drop();
});

const get = (endpoint: string, query: string, headers: Record<string, string> = { cookie }) =>
  GET(new Request(`http://localhost/api/v1/kpi/${endpoint}?${query}`, { headers }), {
    params: Promise.resolve({ endpoint }),
  });

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: Record<string, unknown> }).error;

describe('GET /api/v1/kpi/:endpoint', () => {
  it.each(['summary', 'secrets'])('answers 401 to a stranger for %s alike', async (name) => {
    const response = await get(name, 'quarter=2026-Q3', {});

    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthorised');
  });

  it('answers 404 for an unknown endpoint once signed in', async () => {
    const response = await get('secrets', 'quarter=2026-Q3');

    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({
      code: 'not_found',
      message: 'There is no KPI endpoint "secrets"',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it.each(['summary', 'table', 'events'])('refuses %s from after to, naming to', async (name) => {
    const query = 'from=2026-07-02&to=2026-07-01&dimension=team';
    const response = await get(name, query);

    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      code: 'invalid_request',
      message: 'The request is invalid',
      issues: [{ path: 'to', reason: 'to must be on or after from' }],
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('takes a one-day period and ignores unknown parameters', async () => {
    const response = await get('summary', 'from=2026-07-01&to=2026-07-01&colour=green');

    expect(response.status).toBe(200);
  });
});
