// Route × caller → status for every API route under app/api. Each caller is
// a real session cookie or API key against a real database; objects a call
// acts on belong to organisation A, so organisation B's admin must get 404.
// /api/auth/* is next-auth's own and needs Next's request scope: sign-in is
// covered by password-sign-in.test.ts and e2e/roles.spec.ts instead.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET as health } from '@/app/api/health/route';
import { DELETE as deleteApiKey } from '@/app/api/v1/api-keys/[id]/route';
import { GET as listApiKeys, POST as createApiKeyRoute } from '@/app/api/v1/api-keys/route';
import { DELETE as deleteContractRoute } from '@/app/api/v1/contracts/[id]/route';
import {
  GET as listContractsRoute,
  POST as createContractRoute,
} from '@/app/api/v1/contracts/route';
import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as activateFactorSetRoute } from '@/app/api/v1/factor-sets/[id]/activate/route';
import {
  GET as listFactorSetsRoute,
  POST as uploadFactorSetRoute,
} from '@/app/api/v1/factor-sets/route';
import { POST as importCodeCarbonRoute } from '@/app/api/v1/import/codecarbon/route';
import { POST as importOpenAiRoute } from '@/app/api/v1/import/openai-usage/route';
import { GET as rejectionsRoute } from '@/app/api/v1/imports/[id]/rejections/route';
import { GET as kpiRoute } from '@/app/api/v1/kpi/[endpoint]/route';
import { GET as reportRoute } from '@/app/api/v1/reports/[file]/route';
import { POST as repriceRoute } from '@/app/api/v1/reprice/route';
import { DELETE as deleteTargetRoute } from '@/app/api/v1/targets/[id]/route';
import { GET as listTargetsRoute, POST as createTargetRoute } from '@/app/api/v1/targets/route';
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
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { createContract } from '@/lib/methodology/contracts';
import { contractInputSchema, targetInputSchema } from '@/lib/methodology/schemas';
import { createTarget } from '@/lib/methodology/targets';
import { uploadFactorSet } from '@/lib/methodology/upload-factor-set';

const CALLERS = [
  'anonymous',
  'admin',
  'officer',
  'engineer',
  'otherTeamEngineer',
  'executive',
  'otherOrgAdmin',
  'apiKey',
] as const;
type Caller = (typeof CALLERS)[number];
type Member = Exclude<Caller, 'anonymous' | 'apiKey'>;

let database: TestDatabase;
const headers = {} as Record<Caller, Record<string, string>>;
let orgA: string;
let searchTeam: string;
let teamKeyId: string;
let factorSetId: string;
let importId: string;

const DATA = '../shared/data';
const CODECARBON_CSV = readFileSync(`${DATA}/codecarbon/v2.4-example-flush-rows.csv`, 'utf8');
const OPENAI_JSON = readFileSync(`${DATA}/openai/usage-api-completions-daily-buckets.json`, 'utf8');
const FACTOR_CSV =
  'region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence\n' +
  'world,location,2024,,475,Test,CC0-1.0\n';
const contractInput = {
  kind: 'ppa',
  name: 'Wind PPA',
  region_key: 'country:FRA',
  energy_mwh: 10,
  valid_from: '2026-01-01',
  valid_to: '2027-01-01',
};
const targetInput = {
  name: 'Halve by 2030',
  baseline_year: 2025,
  baseline_emissions_g: 1e9,
  target_year: 2030,
  target_emissions_g: 5e8,
};
const event = {
  id: 'access-1',
  kind: 'inference',
  start: '2026-08-01T00:00:00Z',
  end: '2026-08-01T01:00:00Z',
  energy_kwh: 1,
  country: 'FR',
};

beforeAll(async () => {
  database = await useTestDatabase();
  orgA = await createTestOrganisation('org-a');
  const orgB = await createTestOrganisation('org-b');
  searchTeam = await createTeam(orgA, 'search');
  const vision = await createTeam(orgA, 'vision');
  const members: [Member, string, Parameters<typeof createMember>[0]['role'], string | null][] = [
    ['admin', orgA, 'admin', null],
    ['officer', orgA, 'sustainability_officer', null],
    ['engineer', orgA, 'engineer', searchTeam],
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
    teamId: searchTeam,
  });
  headers.apiKey = { authorization: `Bearer ${key.token}` };
  teamKeyId = key.id;

  const upload = await uploadFactorSet({
    organisationId: orgA,
    name: 'Org A factors',
    csvText: FACTOR_CSV,
    baseFactorSetId: null,
  });
  if (!upload.ok) throw new Error('the test factor set was refused');
  factorSetId = upload.factorSet.id;
  const parsed = parseEventsBody({ events: [event, { ...event, id: 'bad' }] }, { maxEvents: 10 });
  const imported = await ingestBatch(
    { organisationId: orgA, source: 'api', contentSha256: 'access-fixture' },
    parsed,
  );
  importId = imported.importId;
});
afterAll(async () => {
  await database.drop();
});

interface RouteCase {
  name: string;
  expected: Record<Caller, number>;
  call: (headers: Record<string, string>) => Promise<Response>;
}

/** One row of the table: statuses in the order of CALLERS. */
function row(
  name: string,
  statuses: [number, number, number, number, number, number, number, number],
  call: RouteCase['call'],
): RouteCase {
  const expected = Object.fromEntries(CALLERS.map((caller, n) => [caller, statuses[n]]));

  return { name, expected: expected as Record<Caller, number>, call };
}

const url = 'http://localhost/api/v1/api-keys';
const noParams = { params: Promise.resolve({}) };
const json = { 'content-type': 'application/json' };
const params = <P>(value: P) => ({ params: Promise.resolve(value) });

function request(path: string, h: Record<string, string>, init: RequestInit = {}) {
  return new Request(`http://localhost${path}`, { ...init, headers: { ...h, ...init.headers } });
}

const post = (path: string, h: Record<string, string>, body: string | object) =>
  request(path, h, {
    method: 'POST',
    headers: typeof body === 'string' ? {} : json,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

// Objects a DELETE removes are made afresh for each call, so every caller
// meets one that exists.
const freshContract = async () =>
  (await createContract(orgA, null, contractInputSchema.parse(contractInput))).id;
async function freshTarget() {
  const created = await createTarget(orgA, null, targetInputSchema.parse(targetInput));
  if (!created.ok) throw new Error('the test target was refused');

  return created.target.id;
}
const freshTeamKey = async () =>
  (await createApiKey(getPool(), { organisationId: orgA, name: 'doomed', teamId: searchTeam })).id;

// Statuses in the order of CALLERS: anonymous, admin, officer, engineer,
// other-team engineer, executive, organisation B's admin, API key.
const routes: RouteCase[] = [
  row('GET /api/health', [200, 200, 200, 200, 200, 200, 200, 200], (h) =>
    health(request('/api/health', h), noParams),
  ),
  row('GET /api/v1/api-keys', [401, 200, 403, 200, 200, 403, 200, 401], (h) =>
    listApiKeys(new Request(url, { headers: h }), noParams),
  ),
  row('POST /api/v1/api-keys', [401, 201, 403, 201, 201, 403, 201, 401], (h) =>
    createApiKeyRoute(post('/api/v1/api-keys', h, { name: 'created in test' }), noParams),
  ),
  row(
    'DELETE /api/v1/api-keys/:id (search team)',
    [401, 200, 403, 200, 404, 403, 404, 401],
    async (h) => {
      const id = await freshTeamKey();

      return deleteApiKey(
        request(`/api/v1/api-keys/${id}`, h, { method: 'DELETE' }),
        params({ id }),
      );
    },
  ),
  row('GET /api/v1/contracts', [401, 200, 200, 200, 200, 200, 200, 401], (h) =>
    listContractsRoute(request('/api/v1/contracts', h), noParams),
  ),
  row('POST /api/v1/contracts', [401, 201, 201, 403, 403, 403, 201, 401], (h) =>
    createContractRoute(post('/api/v1/contracts', h, contractInput), noParams),
  ),
  row('DELETE /api/v1/contracts/:id', [401, 204, 204, 403, 403, 403, 404, 401], async (h) => {
    const id = await freshContract();

    return deleteContractRoute(
      request(`/api/v1/contracts/${id}`, h, { method: 'DELETE' }),
      params({ id }),
    );
  }),
  row('GET /api/v1/targets', [401, 200, 200, 200, 200, 200, 200, 401], (h) =>
    listTargetsRoute(request('/api/v1/targets', h), noParams),
  ),
  row('POST /api/v1/targets', [401, 201, 201, 403, 403, 403, 201, 401], (h) =>
    createTargetRoute(post('/api/v1/targets', h, targetInput), noParams),
  ),
  row('DELETE /api/v1/targets/:id', [401, 204, 204, 403, 403, 403, 404, 401], async (h) => {
    const id = await freshTarget();

    return deleteTargetRoute(
      request(`/api/v1/targets/${id}`, h, { method: 'DELETE' }),
      params({ id }),
    );
  }),
  row('GET /api/v1/factor-sets', [401, 200, 200, 403, 403, 403, 200, 401], (h) =>
    listFactorSetsRoute(request('/api/v1/factor-sets', h), noParams),
  ),
  row('POST /api/v1/factor-sets', [401, 201, 201, 403, 403, 403, 201, 401], (h) =>
    uploadFactorSetRoute(post('/api/v1/factor-sets?name=Mine&base=none', h, FACTOR_CSV), noParams),
  ),
  row('POST /api/v1/factor-sets/:id/activate', [401, 200, 200, 403, 403, 403, 404, 401], (h) =>
    activateFactorSetRoute(
      post(`/api/v1/factor-sets/${factorSetId}/activate`, h, ''),
      params({ id: factorSetId }),
    ),
  ),
  row('POST /api/v1/reprice', [401, 200, 200, 403, 403, 403, 404, 401], (h) =>
    repriceRoute(
      post('/api/v1/reprice', h, {
        factor_set_id: factorSetId,
        from: '2026-08-01',
        to: '2026-08-02',
      }),
      noParams,
    ),
  ),
  row('POST /api/v1/events', [401, 401, 401, 401, 401, 401, 401, 200], (h) =>
    postEvents(post('/api/v1/events', h, { events: [event] }), noParams),
  ),
  row('POST /api/v1/import/codecarbon', [401, 200, 403, 200, 200, 403, 200, 200], (h) =>
    importCodeCarbonRoute(post('/api/v1/import/codecarbon', h, CODECARBON_CSV), noParams),
  ),
  row('POST /api/v1/import/openai-usage', [401, 200, 403, 200, 200, 403, 200, 200], (h) =>
    importOpenAiRoute(post('/api/v1/import/openai-usage', h, OPENAI_JSON), noParams),
  ),
  row('GET /api/v1/imports/:id/rejections', [401, 200, 200, 200, 200, 200, 404, 401], (h) =>
    rejectionsRoute(request(`/api/v1/imports/${importId}/rejections`, h), params({ id: importId })),
  ),
  row('GET /api/v1/kpi/summary', [401, 200, 200, 200, 200, 200, 200, 401], (h) =>
    kpiRoute(request('/api/v1/kpi/summary?quarter=2026-Q3', h), params({ endpoint: 'summary' })),
  ),
  // The caller is checked before the endpoint name: a stranger learns no names.
  row('GET /api/v1/kpi/:unknown', [401, 404, 404, 404, 404, 404, 404, 401], (h) =>
    kpiRoute(request('/api/v1/kpi/secrets', h), params({ endpoint: 'secrets' })),
  ),
  row('GET /api/v1/reports/:file', [401, 200, 200, 403, 403, 200, 200, 200], (h) =>
    reportRoute(request('/api/v1/reports/2026-Q1.json', h), params({ file: '2026-Q1.json' })),
  ),
  row('GET /api/v1/reports/:file?regenerate=1', [401, 200, 200, 403, 403, 403, 200, 403], (h) =>
    reportRoute(
      request('/api/v1/reports/2026-Q1.json?regenerate=1', h),
      params({ file: '2026-Q1.json' }),
    ),
  ),
];

describe.each(routes)('$name', (route) => {
  it.each(CALLERS)('as %s', async (caller) => {
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
    // A key of a team of its own, so the scope's team is this test's.
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
