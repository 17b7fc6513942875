// Test helpers: organisations, members with a password, and the session
// cookie a signed-in browser would send.
import bcrypt from 'bcryptjs';
import { encode } from 'next-auth/jwt';

import type { Role } from '@/lib/auth/roles';
import { authSecret } from '@/lib/auth/secret';
import { sessionCookieName } from '@/lib/auth/session-token';
import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';

export const TEST_PASSWORD = 'right-password-123';
let passwordHash: Promise<string> | undefined;

export async function createTestOrganisation(slug: string) {
  const organisation = await createOrganisation(getPool(), { slug, name: slug });

  return organisation.id;
}

export async function createTeam(organisationId: string, slug: string): Promise<string> {
  const { rows } = await getPool().query<{ id: string }>(
    'INSERT INTO team (organisation_id, slug, name) VALUES ($1, $2, $2) RETURNING id',
    [organisationId, slug],
  );

  return rows[0]?.id ?? '';
}

export async function createMember(input: {
  organisationId: string;
  email: string;
  role: Role;
  teamId?: string | null;
}): Promise<string> {
  passwordHash ??= bcrypt.hash(TEST_PASSWORD, 4);
  const { rows } = await getPool().query<{ id: string }>(
    'INSERT INTO app_user (email, name, password_hash) VALUES ($1, $1, $2) RETURNING id',
    [input.email, await passwordHash],
  );
  const userId = rows[0]?.id ?? '';
  await getPool().query(
    'INSERT INTO membership (organisation_id, user_id, role, team_id) VALUES ($1, $2, $3, $4)',
    [input.organisationId, userId, input.role, input.teamId ?? null],
  );

  return userId;
}

/** The Cookie header of a browser signed in as this user. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret: authSecret() });

  return `${sessionCookieName()}=${token}`;
}
