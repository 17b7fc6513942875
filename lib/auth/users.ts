// Users and memberships: sign-in lookups and the admin's user management.
import bcrypt from 'bcryptjs';

import type { Queryable } from '@/lib/db/pool';

import type { Role } from '@/lib/auth/roles';

export const PASSWORD_HASH_ROUNDS = 12;

export interface UserForSignIn {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  organisationIds: string[];
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserForSignIn(
  client: Queryable,
  email: string,
): Promise<UserForSignIn | null> {
  const { rows } = await client.query<{
    id: string;
    email: string;
    name: string;
    password_hash: string | null;
    organisation_ids: string[];
  }>(
    `SELECT u.id, u.email, u.name, u.password_hash,
            coalesce(array_agg(m.organisation_id) FILTER (WHERE m.organisation_id IS NOT NULL),
                     '{}') AS organisation_ids
       FROM app_user u
       LEFT JOIN membership m ON m.user_id = u.id
      WHERE lower(u.email) = $1
      GROUP BY u.id`,
    [normaliseEmail(email)],
  );
  const row = rows[0];
  if (!row) return null;

  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    organisationIds: row.organisation_ids,
  };
}

export async function markSignedIn(client: Queryable, userId: string): Promise<void> {
  await client.query('UPDATE app_user SET last_sign_in_at = now() WHERE id = $1', [userId]);
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
}

export async function listMembers(client: Queryable, organisationId: string): Promise<Member[]> {
  const { rows } = await client.query<{
    user_id: string;
    email: string;
    name: string;
    role: Role;
    team_id: string | null;
    team_name: string | null;
    created_at: Date;
    last_sign_in_at: Date | null;
  }>(
    `SELECT u.id AS user_id, u.email, u.name, m.role::text AS role, m.team_id,
            t.name AS team_name, m.created_at, u.last_sign_in_at
       FROM membership m
       JOIN app_user u ON u.id = m.user_id
       LEFT JOIN team t ON t.organisation_id = m.organisation_id AND t.id = m.team_id
      WHERE m.organisation_id = $1
      ORDER BY u.name, u.email`,
    [organisationId],
  );

  return rows.map((row) => ({
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    teamName: row.team_name,
    createdAt: row.created_at,
    lastSignInAt: row.last_sign_in_at,
  }));
}

export class UserExistsError extends Error {
  constructor() {
    super('A user with that email already belongs to this organisation');
  }
}

/**
 * Adds a member. A new email gets an account with this password; an
 * existing account (from another organisation) keeps its own password.
 */
export async function addMember(
  client: Queryable,
  input: {
    organisationId: string;
    email: string;
    name: string;
    role: Role;
    password: string;
    teamId?: string | null;
  },
): Promise<{ userId: string; createdAccount: boolean }> {
  const email = normaliseEmail(input.email);
  const hash = await bcrypt.hash(input.password, PASSWORD_HASH_ROUNDS);
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, input.name.trim(), hash],
  );
  let userId = inserted.rows[0]?.id;
  const createdAccount = userId !== undefined;
  if (!userId) {
    const existing = await client.query<{ id: string }>(
      'SELECT id FROM app_user WHERE lower(email) = $1',
      [email],
    );
    userId = existing.rows[0]?.id;
  }
  if (!userId) throw new Error('user was neither created nor found');
  const membership = await client.query(
    `INSERT INTO membership (organisation_id, user_id, role, team_id)
     VALUES ($1, $2, $3::role, $4) ON CONFLICT DO NOTHING`,
    [input.organisationId, userId, input.role, input.teamId ?? null],
  );
  if (membership.rowCount !== 1) throw new UserExistsError();

  return { userId, createdAccount };
}

/** Changes a member's role; false when the user is not a member here. */
export async function changeMemberRole(
  client: Queryable,
  organisationId: string,
  userId: string,
  role: Role,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE membership SET role = $3::role WHERE organisation_id = $1 AND user_id = $2`,
    [organisationId, userId, role],
  );

  return rowCount === 1;
}

export async function countAdmins(client: Queryable, organisationId: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM membership WHERE organisation_id = $1 AND role = 'admin'`,
    [organisationId],
  );

  return rows[0]?.n ?? 0;
}
