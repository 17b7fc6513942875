import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createApiKey, revokeApiKey, verifyApiKey } from '@/lib/auth/api-keys';
import { createTestOrganisation } from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

let database: TestDatabase;
let organisationId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  organisationId = await createTestOrganisation('acme');
});
afterAll(async () => {
  await database.drop();
});

describe('API keys', () => {
  it('verifies a fresh key and records when it was used', async () => {
    const { id, token } = await createApiKey(getPool(), { organisationId, name: 'ci' });
    const now = new Date('2030-01-01T00:00:00Z');

    const principal = await verifyApiKey(getPool(), token, now);

    expect(principal).toEqual({
      organisationId,
      apiKeyId: id,
      teamId: null,
      teamSlug: null,
      canReadReports: true,
    });
    const { rows } = await getPool().query('SELECT last_used_at FROM api_key WHERE id = $1', [id]);
    expect(rows[0].last_used_at).toEqual(now);
  });

  it('stores only a hash: the secret appears in no column of the row', async () => {
    const { id, token } = await createApiKey(getPool(), { organisationId, name: 'hashed' });
    const secret = token.split('_').slice(2).join('_');

    const { rows } = await getPool().query<{ row: string }>(
      'SELECT api_key::text AS row FROM api_key WHERE id = $1',
      [id],
    );

    expect(secret).toHaveLength(43);
    expect(rows[0]?.row).not.toContain(secret);
    expect(rows[0]?.row).not.toContain(token);
  });

  it('refuses a revoked key', async () => {
    const { id, token } = await createApiKey(getPool(), { organisationId, name: 'old' });

    expect(await revokeApiKey(getPool(), organisationId, id)).toBe(true);

    expect(await verifyApiKey(getPool(), token)).toBeNull();
  });

  it('refuses a key from its expiry on', async () => {
    const expiresAt = new Date('2030-06-01T00:00:00Z');
    const { token } = await createApiKey(getPool(), { organisationId, name: 'tmp', expiresAt });

    expect(await verifyApiKey(getPool(), token, new Date('2030-05-31T23:59:59Z'))).not.toBeNull();
    expect(await verifyApiKey(getPool(), token, expiresAt)).toBeNull();
  });

  it('refuses a tampered secret and a malformed token', async () => {
    const { token } = await createApiKey(getPool(), { organisationId, name: 'x' });
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;

    expect(await verifyApiKey(getPool(), tampered)).toBeNull();
    expect(await verifyApiKey(getPool(), 'gok_nothing')).toBeNull();
  });
});
