import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { authorisePassword } from '@/lib/auth/password-sign-in';
import { SIGN_IN_ATTEMPTS, SignInThrottledError } from '@/lib/auth/sign-in-limit';
import { createMember, createTestOrganisation, TEST_PASSWORD } from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

let database: TestDatabase;
let organisationId: string;
let userId: string;

beforeAll(async () => {
  database = await useTestDatabase();
  organisationId = await createTestOrganisation('acme');
  userId = await createMember({ organisationId, email: 'ada@acme.example', role: 'admin' });
});
afterAll(async () => {
  await database.drop();
});

async function auditRows(action: string) {
  const { rows } = await getPool().query<{
    organisation_id: string | null;
    actor_user_id: string | null;
    details: Record<string, unknown>;
  }>(
    `SELECT organisation_id, actor_user_id, details FROM audit_log_entry
      WHERE action = $1 ORDER BY id`,
    [action],
  );

  return rows;
}

describe('authorisePassword', () => {
  it('accepts the right password, whatever the email case, and audits the sign-in', async () => {
    const user = await authorisePassword(getPool(), {
      email: ' Ada@Acme.example ',
      password: TEST_PASSWORD,
      ip: '10.0.0.1',
    });

    expect(user).toEqual({ id: userId, email: 'ada@acme.example', name: 'ada@acme.example' });
    const [entry] = await auditRows('auth.sign_in');
    expect(entry).toMatchObject({ organisation_id: organisationId, actor_user_id: userId });
  });

  it('rejects a wrong password and audits the email tried, never the password', async () => {
    const user = await authorisePassword(getPool(), {
      email: 'ada@acme.example',
      password: 'wrong-password',
      ip: '10.0.0.2',
    });

    expect(user).toBeNull();
    const failures = await auditRows('auth.sign_in_failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      organisation_id: organisationId,
      details: { email: 'ada@acme.example', ip: '10.0.0.2', method: 'password' },
    });
    expect(JSON.stringify(failures)).not.toContain('wrong-password');
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const user = await authorisePassword(getPool(), {
      email: 'nobody@acme.example',
      password: TEST_PASSWORD,
      ip: '10.0.0.3',
    });

    expect(user).toBeNull();
    const failures = await auditRows('auth.sign_in_failed');
    expect(failures.at(-1)).toMatchObject({
      organisation_id: null,
      details: { email: 'nobody@acme.example' },
    });
  });

  it('refuses even the right password after too many failures from one address', async () => {
    const attempt = (password: string) =>
      authorisePassword(getPool(), { email: 'ada@acme.example', password, ip: '10.0.0.4' });
    for (let i = 0; i < SIGN_IN_ATTEMPTS; i += 1) expect(await attempt('nope')).toBeNull();

    const refused = attempt(TEST_PASSWORD);

    await expect(refused).rejects.toBeInstanceOf(SignInThrottledError);
    await expect(refused).rejects.toThrow(/^Too many attempts: try again in \d+ seconds$/);
    const other = await authorisePassword(getPool(), {
      email: 'ada@acme.example',
      password: TEST_PASSWORD,
      ip: '10.0.0.5',
    });
    expect(other?.id).toBe(userId);
  });
});
