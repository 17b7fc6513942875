// Route × caller → status for the routes lib/auth owns. Each caller is a
// real session cookie or API key against a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DELETE as deleteApiKey } from '@/app/api/v1/api-keys/[id]/route';
import { GET as listApiKeys, POST as createApiKeyRoute } from '@/app/api/v1/api-keys/route';
import { createApiKey } from '@/lib/auth/api-keys';
import {
  createMember,
  createTeam,
  createTestOrganisation,
  sessionCookie,
} from '@/lib/auth/test-fixtures';
import { foundInScope, parseId, requireScope } from '@/lib/auth/scope';
import { requireApiViewer } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';
import { ApiError } from '@/lib/http/errors';

type Caller =
  | 'anonymous'
  | 'admin'
  | 'officer'
  | 'engineer'
  | 'otherTeamEngineer'
  | 'executive'
  | 'otherOrgAdmin'
  | 'apiKey';

let database: TestDatabase;
const headers = {} as Record<Caller, Record<string, string>>;
let teamKeyId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  const orgA = await createTestOrganisation('org-a');
  const orgB = await createTestOrganisation('org-b');
  const search = await createTeam(orgA, 'search');
  const vision = await createTeam(orgA, 'vision');
  const members: [
    Exclude<Caller, 'anonymous' | 'apiKey'>,
    string,
    Parameters<typeof createMember>[0]['role'],
    string | null,
  ][] = [
    ['admin', orgA, 'admin', null],
    ['officer', orgA, 'sustainability_officer', null],
    ['engineer', orgA, 'engineer', search],
    ['otherTeamEngineer', orgA, 'engineer', vision],
    ['executive', orgA, 'executive', null],
    ['otherOrgAdmin', orgB, 'admin', null],
  ];
  headers.anonymous = {};
  for (const [caller, organisationId, role, teamId] of members) {
    const userId = await createMember({
      organisationId,
      email: `${caller}@test.example`,
      role,
      teamId,
    });
    headers[caller] = { cookie: await sessionCookie(userId) };
  }
  const key = await createApiKey(getPool(), {
    organisationId: orgA,
    name: 'ingest',
    teamId: search,
  });
  headers.apiKey = { authorization: `Bearer ${key.token}` };
  teamKeyId = key.id;
});
afterAll(async () => {
  await database.drop();
});

interface RouteCase {
  name: string;
  call: (headers: Record<string, string>) => Promise<Response>;
  expected: Record<Caller, number>;
}

const url = 'http://localhost/api/v1/api-keys';
const noParams = { params: Promise.resolve({}) };
const json = { 'content-type': 'application/json' };

const routes: RouteCase[] = [
  {
    name: 'GET /api/v1/api-keys',
    call: (h) => listApiKeys(new Request(url, { headers: h }), noParams),
    expected: {
      anonymous: 401,
      admin: 200,
      officer: 403,
      engineer: 200,
      otherTeamEngineer: 200,
      executive: 403,
      otherOrgAdmin: 200,
      apiKey: 401,
    },
  },
  {
    name: 'POST /api/v1/api-keys',
    call: (h) =>
      createApiKeyRoute(
        new Request(url, {
          method: 'POST',
          headers: { ...h, ...json },
          body: JSON.stringify({ name: 'created in test' }),
        }),
        noParams,
      ),
    expected: {
      anonymous: 401,
      admin: 201,
      officer: 403,
      engineer: 201,
      otherTeamEngineer: 201,
      executive: 403,
      otherOrgAdmin: 201,
      apiKey: 401,
    },
  },
  {
    name: "DELETE /api/v1/api-keys/:id (org A's search-team key)",
    call: (h) =>
      deleteApiKey(new Request(`${url}/${teamKeyId}`, { method: 'DELETE', headers: h }), {
        params: Promise.resolve({ id: teamKeyId }),
      }),
    expected: {
      anonymous: 401,
      admin: 200,
      officer: 403,
      engineer: 200,
      otherTeamEngineer: 404,
      executive: 403,
      otherOrgAdmin: 404,
      apiKey: 401,
    },
  },
];

describe.each(routes)('$name', (route) => {
  it.each(Object.keys(route.expected) as Caller[])('as %s', async (caller) => {
    const response = await route.call(headers[caller]);

    expect(response.status).toBe(route.expected[caller]);
  });
});

describe('isolation', () => {
  it("answers another organisation's key with the same 404 as a missing one", async () => {
    const response = await deleteApiKey(
      new Request(`${url}/${teamKeyId}`, { method: 'DELETE', headers: headers.otherOrgAdmin }),
      { params: Promise.resolve({ id: teamKeyId }) },
    );

    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatchObject({ code: 'not_found' });
    const { rows } = await getPool().query('SELECT revoked_at FROM api_key WHERE id = $1', [
      teamKeyId,
    ]);
    expect(rows[0]).toBeDefined();
  });

  it("never lists another organisation's keys", async () => {
    const response = await listApiKeys(
      new Request(url, { headers: headers.otherOrgAdmin }),
      noParams,
    );

    const { apiKeys } = (await response.json()) as { apiKeys: { id: string }[] };
    expect(apiKeys.map((key) => key.id)).not.toContain(teamKeyId);
  });

  it("forces an engineer's new key into their own team and refuses another team", async () => {
    const other = await createTeam((await orgOf('admin')) ?? '', 'other');
    const response = await createApiKeyRoute(
      new Request(url, {
        method: 'POST',
        headers: { ...headers.engineer, ...json },
        body: JSON.stringify({ name: 'not mine', teamId: other }),
      }),
      noParams,
    );

    expect(response.status).toBe(403);
  });
});

async function orgOf(caller: Caller) {
  const viewer = await requireApiViewer(new Request(url, { headers: headers[caller] }));

  return viewer.organisationId;
}

describe('requireApiViewer', () => {
  it('throws 401 for an anonymous request and for a forged cookie', async () => {
    for (const cookie of [undefined, 'next-auth.session-token=forged']) {
      const request = new Request(url, { headers: cookie ? { cookie } : {} });

      await expect(requireApiViewer(request)).rejects.toMatchObject({ status: 401 });
    }
  });

  it('throws 403 when the role is not allowed', async () => {
    const request = new Request(url, { headers: headers.executive });

    const refused = requireApiViewer(request, { roles: ['admin'] });

    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('refuses a cookie-authenticated change sent from another site', async () => {
    const request = new Request(url, {
      method: 'POST',
      headers: { ...headers.admin, origin: 'https://evil.example', host: 'localhost' },
    });

    await expect(requireApiViewer(request)).rejects.toMatchObject({ status: 403 });
  });
});

describe('requireScope', () => {
  it('scopes an API key to its organisation and team, only where keys are accepted', async () => {
    // The table above revoked the shared key; this test needs a live one.
    const organisationId = await orgOf('admin');
    const teamId = await createTeam(organisationId, 'scoped');
    const { token } = await createApiKey(getPool(), { organisationId, name: 'live', teamId });
    const request = () => new Request(url, { headers: { authorization: `Bearer ${token}` } });

    const scope = await requireScope(request(), { apiKeys: true });

    expect(scope).toMatchObject({ viewer: null, role: null, organisationId, teamId });
    await expect(requireScope(request())).rejects.toMatchObject({ status: 403 });
  });

  it('answers a malformed id like a missing row', () => {
    expect(() => parseId('1 OR 1=1')).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => foundInScope(null)).toThrow(expect.objectContaining({ status: 404 }));
  });
});
