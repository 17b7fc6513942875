// A key does what its creator may do: an engineer's key sends telemetry but
// cannot download the organisation's reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { GET as getReport } from '@/app/api/v1/reports/[file]/route';
import { createApiKey, verifyApiKey } from '@/lib/auth/api-keys';
import { getPool } from '@/lib/db/pool';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

let org: TestOrganisation;
const keys: Record<string, string> = {};

async function keyCreatedBy(role: string | null) {
  let createdById: string | null = null;
  if (role) {
    const { rows } = await getPool().query<{ id: string }>(
      `INSERT INTO app_user (email, name) VALUES ($1, $1) RETURNING id`,
      [`${role}@keys.example`],
    );
    createdById = rows[0]?.id ?? null;
    await getPool().query(
      `INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, $3::role)`,
      [org.organisationId, createdById, role],
    );
  }
  const key = await createApiKey(getPool(), {
    organisationId: org.organisationId,
    name: `${role ?? 'system'} key`,
    createdById,
  });

  return key.token;
}

beforeAll(async () => {
  org = await setUpOrganisation('key-reports');
  for (const role of ['engineer', 'executive', 'sustainability_officer', null]) {
    keys[role ?? 'system'] = await keyCreatedBy(role);
  }
});
afterAll(async () => {
  await org.database.drop();
});

describe('report access by API key', () => {
  it.each([
    ['engineer', false, 403],
    ['executive', true, 200],
    ['sustainability_officer', true, 200],
    ['system', true, 200],
  ])('a key created by %s: reads reports %s, status %i', async (creator, allowed, status) => {
    const principal = await verifyApiKey(getPool(), keys[creator] ?? '');
    const request = new Request('http://localhost/api/v1/reports/2026-Q1.json', {
      headers: { authorization: `Bearer ${keys[creator]}` },
    });

    const response = await getReport(request, {
      params: Promise.resolve({ file: '2026-Q1.json' }),
    });

    expect(principal?.canReadReports).toBe(allowed);
    expect(response.status).toBe(status);
  });
});
