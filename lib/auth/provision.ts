// Creating people from the command line (first admin, recovery): the
// organisation if it is missing, then the user with this role and password.
// Run again with the same email, it resets the password and role instead.
import bcrypt from 'bcryptjs';

import { recordAudit } from '@/lib/auth/audit';
import type { Role } from '@/lib/auth/roles';
import { normaliseEmail, PASSWORD_HASH_ROUNDS } from '@/lib/auth/users';
import { createOrganisation, findOrganisationBySlug } from '@/lib/db/organisations';
import type { Queryable } from '@/lib/db/pool';

export interface ProvisionInput {
  email: string;
  name: string;
  password: string;
  role: Role;
  organisationSlug: string;
  organisationName?: string;
}

export interface ProvisionResult {
  organisationId: string;
  userId: string;
  createdOrganisation: boolean;
  createdUser: boolean;
}

/** Runs inside the caller's transaction (`client` must be one connection). */
export async function provisionUser(
  client: Queryable,
  input: ProvisionInput,
): Promise<ProvisionResult> {
  const existing = await findOrganisationBySlug(client, input.organisationSlug);
  const organisation =
    existing ??
    (await createOrganisation(client, {
      slug: input.organisationSlug,
      name: input.organisationName ?? input.organisationSlug,
    }));
  const hash = await bcrypt.hash(input.password, PASSWORD_HASH_ROUNDS);
  const { rows } = await client.query<{ id: string; created: boolean }>(
    `INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (email) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash
     RETURNING id, (xmax = 0) AS created`,
    [normaliseEmail(input.email), input.name.trim(), hash],
  );
  const user = rows[0];
  if (!user) throw new Error('user was not saved');
  await client.query(
    `INSERT INTO membership (organisation_id, user_id, role) VALUES ($1, $2, $3::role)
     ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role`,
    [organisation.id, user.id, input.role],
  );
  await recordAudit(client, {
    organisationId: organisation.id,
    action: user.created ? 'user.added' : 'user.reset',
    targetType: 'user',
    targetId: user.id,
    details: { email: normaliseEmail(input.email), role: input.role, via: 'command line' },
  });

  return {
    organisationId: organisation.id,
    userId: user.id,
    createdOrganisation: !existing,
    createdUser: user.created,
  };
}
