// The methodology endpoints called as a browser would: real session cookies,
// a real database, exact statuses and error bodies, and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as activateRoute } from '@/app/api/v1/factor-sets/[id]/activate/route';
import { GET as listSetsRoute, POST as uploadRoute } from '@/app/api/v1/factor-sets/route';
import { DELETE as deleteContractRoute } from '@/app/api/v1/contracts/[id]/route';
import {
  GET as listContractsRoute,
  POST as createContractRoute,
} from '@/app/api/v1/contracts/route';
import { POST as repriceRoute } from '@/app/api/v1/reprice/route';
import { DELETE as deleteTargetRoute } from '@/app/api/v1/targets/[id]/route';
import { POST as createTargetRoute } from '@/app/api/v1/targets/route';
import {
  createMember,
  createTeam,
  createTestOrganisation,
  sessionCookie,
} from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

type Caller = 'officer' | 'admin' | 'engineer' | 'executive' | 'otherOrgOfficer';

let database: TestDatabase;
let organisationId: string;
let teamId: string;
const cookies = {} as Record<Caller, string>;
const none = { params: Promise.resolve({}) };
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

const CSV_HEADER = 'region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence\n';

function request(caller: Caller, path: string, init: RequestInit = {}) {
  return new Request(`http://localhost${path}`, {
    ...init,
    headers: { cookie: cookies[caller], ...(init.headers ?? {}) },
  });
}

const json = (caller: Caller, path: string, body: unknown, method = 'POST') =>
  request(caller, path, { method, body: JSON.stringify(body) });

async function auditActions() {
  const { rows } = await getPool().query<{ action: string }>(
    'SELECT action FROM audit_log_entry WHERE organisation_id = $1 ORDER BY id',
    [organisationId],
  );

  return rows.map((row) => row.action);
}

beforeAll(async () => {
  database = await useTestDatabase();
  organisationId = await createTestOrganisation('methodology');
  const otherId = await createTestOrganisation('methodology-other');
  teamId = await createTeam(organisationId, 'vision');
  const members: [Caller, string, Parameters<typeof createMember>[0]['role']][] = [
    ['officer', organisationId, 'sustainability_officer'],
    ['admin', organisationId, 'admin'],
    ['engineer', organisationId, 'engineer'],
    ['executive', organisationId, 'executive'],
    ['otherOrgOfficer', otherId, 'sustainability_officer'],
  ];
  for (const [caller, orgId, role] of members) {
    const userId = await createMember({
      organisationId: orgId,
      email: `${caller}@m.example`,
      role,
    });
    cookies[caller] = await sessionCookie(userId);
  }
});
afterAll(async () => {
  await database.drop();
});

describe('factor sets', () => {
  it('lists the built-in set with its sources and licences, for officers only', async () => {
    const response = await listSetsRoute(request('officer', '/api/v1/factor-sets'), none);
    const { factorSets } = await response.json();

    expect(response.status).toBe(200);
    expect(factorSets).toHaveLength(1);
    expect(factorSets[0]).toMatchObject({ builtIn: true, active: true });
    expect(factorSets[0].sources).toContainEqual(
      expect.objectContaining({ licence: 'CC-BY-4.0', source: expect.stringContaining('Ember') }),
    );
    const forbidden = await listSetsRoute(request('engineer', '/api/v1/factor-sets'), none);
    expect(forbidden.status).toBe(403);
  });

  it('stores nothing when a line is bad, and names each bad line', async () => {
    const body =
      CSV_HEADER +
      'country:FRA,location,2024,,50,RTE,Etalab-2.0\n' +
      'country:DEU,location,2024,,-3,UBA,proprietary\n';

    const response = await uploadRoute(
      request('officer', '/api/v1/factor-sets?name=Grid', { method: 'POST', body }),
      none,
    );

    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({
      code: 'invalid_factor_set',
      message: 'Nothing was stored: fix these lines',
      issues: [
        {
          path: 'line 3: intensity_g_per_kwh',
          reason: 'negative intensity -3: a grid cannot emit less than nothing',
        },
      ],
    });
    const { rows } = await getPool().query(
      'SELECT 1 FROM emission_factor_set WHERE organisation_id = $1',
      [organisationId],
    );
    expect(rows).toHaveLength(0);
  });

  it('lays a partial upload over the active set as the next version, and audits it', async () => {
    const body = CSV_HEADER + 'country:FRA,location,2024,,50,RTE,Etalab-2.0\n';
    const upload = (caller: Caller) =>
      uploadRoute(request(caller, '/api/v1/factor-sets?name=Grid', { method: 'POST', body }), none);

    const first = await (await upload('officer')).json();
    const second = await (await upload('admin')).json();

    expect(first).toMatchObject({ ok: true, factorSet: { name: 'Grid', version: 1 } });
    expect(second.factorSet.version).toBe(2);
    expect(first.uploadedRowCount).toBe(1);
    expect(first.replacedRowCount).toBe(1);
    const listed = await (
      await listSetsRoute(request('officer', '/api/v1/factor-sets'), none)
    ).json();
    const builtIn = listed.factorSets.find((set: { builtIn: boolean }) => set.builtIn);
    expect(first.rowCount).toBe(builtIn.rowCount);
    expect((await upload('executive')).status).toBe(403);
    expect(await auditActions()).toEqual(['factor_set.uploaded', 'factor_set.uploaded']);
  });

  it("activates an organisation's own set, but not another organisation's", async () => {
    const listed = await (
      await listSetsRoute(request('officer', '/api/v1/factor-sets'), none)
    ).json();
    const grid = listed.factorSets.find((set: { name: string }) => set.name === 'Grid');

    const other = await activateRoute(
      request('otherOrgOfficer', '/', { method: 'POST' }),
      withId(grid.id),
    );
    const mine = await activateRoute(request('officer', '/', { method: 'POST' }), withId(grid.id));

    expect(other.status).toBe(404);
    expect(mine.status).toBe(200);
    const { rows } = await getPool().query(
      'SELECT active_factor_set_id FROM organisation WHERE id = $1',
      [organisationId],
    );
    expect(rows[0].active_factor_set_id).toBe(grid.id);
    expect((await auditActions()).at(-1)).toBe('factor_set.activated');
  });

  it('re-prices a period for officers, refuses a backwards period', async () => {
    const listed = await (
      await listSetsRoute(request('officer', '/api/v1/factor-sets'), none)
    ).json();
    const grid = listed.factorSets.find((set: { name: string }) => set.name === 'Grid');
    const period = { factor_set_id: grid.id, from: '2026-01-01', to: '2026-04-01' };

    const ok = await repriceRoute(json('officer', '/api/v1/reprice', period), none);
    const backwards = await repriceRoute(
      json('officer', '/api/v1/reprice', { ...period, from: '2026-05-01' }),
      none,
    );
    const engineer = await repriceRoute(json('engineer', '/api/v1/reprice', period), none);

    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ eventCount: 0, repricedCount: 0, rollups: null });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).error.issues).toEqual([
      { path: 'to', reason: 'to must be after from' },
    ]);
    expect(engineer.status).toBe(403);
  });
});

describe('contracts and targets', () => {
  const contract = {
    kind: 'ppa',
    name: 'Wind PPA',
    region_key: 'Country:fr',
    energy_mwh: 40,
    valid_from: '2026-01-01',
    valid_to: '2027-01-01',
  };

  it('lets officers add and delete a contract, and every member read them', async () => {
    const created = await createContractRoute(json('officer', '/api/v1/contracts', contract), none);
    const body = await created.json();
    const listed = await (await listContractsRoute(request('executive', '/'), none)).json();
    const byEngineer = await createContractRoute(json('engineer', '/', contract), none);

    expect(created.status).toBe(201);
    expect(body.contract).toMatchObject({ regionKey: 'country:FRA', intensityGPerKwh: 0 });
    expect(listed.contracts).toHaveLength(1);
    expect(byEngineer.status).toBe(403);
    const otherOrg = await deleteContractRoute(
      request('otherOrgOfficer', '/', { method: 'DELETE' }),
      withId(body.contract.id),
    );
    expect(otherOrg.status).toBe(404);
    const deleted = await deleteContractRoute(
      request('admin', '/', { method: 'DELETE' }),
      withId(body.contract.id),
    );
    expect(deleted.status).toBe(204);
    const actions = await auditActions();
    expect(actions.slice(-2)).toEqual(['energy_contract.created', 'energy_contract.deleted']);
  });

  it('names the field of a bad contract', async () => {
    const response = await createContractRoute(
      json('officer', '/', { ...contract, region_key: 'mars:olympus', valid_to: '2025-01-01' }),
      none,
    );

    expect(response.status).toBe(400);
    expect((await response.json()).error.issues).toEqual([
      {
        path: 'region_key',
        reason: '"mars" is not country, world or a known cloud (aws, gcp, azure, alibaba)',
      },
    ]);
  });

  it("adds a team's target, refuses a team of another organisation, deletes", async () => {
    const target = {
      name: 'Halve by 2030',
      team_id: teamId,
      baseline_year: 2025,
      baseline_emissions_g: 1e8,
      target_year: 2030,
      target_emissions_g: 5e7,
    };

    const created = await createTargetRoute(json('officer', '/', target), none);
    const unknownTeam = await createTargetRoute(
      json('officer', '/', { ...target, team_id: '00000000-0000-4000-8000-000000000000' }),
      none,
    );

    expect(created.status).toBe(201);
    expect(unknownTeam.status).toBe(422);
    expect((await unknownTeam.json()).error.issues).toEqual([
      { path: 'team_id', reason: 'team_id is not a team of this organisation' },
    ]);
    const { target: stored } = await created.json();
    const deleted = await deleteTargetRoute(
      request('officer', '/', { method: 'DELETE' }),
      withId(stored.id),
    );
    expect(deleted.status).toBe(204);
    expect((await auditActions()).slice(-2)).toEqual(['target.created', 'target.deleted']);
  });
});
