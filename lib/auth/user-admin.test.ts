import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadViewer, type Viewer } from '@/lib/auth/members';
import { authorisePassword } from '@/lib/auth/password-sign-in';
import { createMember, createTestOrganisation } from '@/lib/auth/test-fixtures';
import { addUserAs, changeRoleAs, UserAdminError } from '@/lib/auth/user-admin';
import { UserExistsError } from '@/lib/auth/users';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

let database: TestDatabase;
let admin: Viewer;

beforeAll(async () => {
  database = await useTestDatabase();
  const organisationId = await createTestOrganisation('acme');
  const adminId = await createMember({ organisationId, email: 'boss@acme.example', role: 'admin' });
  admin = (await loadViewer(getPool(), adminId)) as Viewer;
});
afterAll(async () => {
  await database.drop();
});

describe('user administration', () => {
  it('adds a user who can then sign in with the initial password', async () => {
    const input = {
      email: 'New@Acme.example',
      name: 'New Person',
      role: 'engineer' as const,
      password: 'initial-password-1',
    };

    await addUserAs(admin, input);

    const user = await authorisePassword(getPool(), {
      email: 'new@acme.example',
      password: input.password,
      ip: 'test',
    });
    expect(user?.name).toBe('New Person');
    await expect(addUserAs(admin, input)).rejects.toBeInstanceOf(UserExistsError);
  });

  it('changes a role and audits the change', async () => {
    const { rows } = await getPool().query<{ id: string }>(
      "SELECT id FROM app_user WHERE email = 'new@acme.example'",
    );
    const userId = rows[0]?.id ?? '';

    expect(await changeRoleAs(admin, userId, 'executive')).toBe(true);

    const viewer = await loadViewer(getPool(), userId);
    expect(viewer?.role).toBe('executive');
    const audit = await getPool().query(
      "SELECT details FROM audit_log_entry WHERE action = 'user.role_changed'",
    );
    expect(audit.rows[0].details).toEqual({ from: 'engineer', to: 'executive' });
  });

  it('never leaves the organisation without an admin', async () => {
    const demoted = changeRoleAs(admin, admin.userId, 'engineer');

    await expect(demoted).rejects.toBeInstanceOf(UserAdminError);
    expect((await loadViewer(getPool(), admin.userId))?.role).toBe('admin');
  });
});
