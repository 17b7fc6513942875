// An admin's changes to members, each audited in the same transaction.
import { z } from 'zod';

import { recordAudit } from '@/lib/auth/audit';
import type { Viewer } from '@/lib/auth/members';
import { ROLES } from '@/lib/auth/roles';
import { teamExists } from '@/lib/auth/teams';
import { addMember, changeMemberRole, countAdmins } from '@/lib/auth/users';
import { withTransaction } from '@/lib/db/pool';

export const MIN_PASSWORD_LENGTH = 12;

export const addUserInput = z.object({
  email: z.email('Enter a valid email address').trim().max(254),
  name: z.string().trim().min(1, 'Enter a name').max(200),
  role: z.enum(ROLES, 'Choose a role'),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200),
  teamId: z.uuid().nullish(),
});
export type AddUserInput = z.infer<typeof addUserInput>;

export const changeRoleInput = z.object({ userId: z.uuid(), role: z.enum(ROLES) });

export class UserAdminError extends Error {}

export async function addUserAs(viewer: Viewer, input: AddUserInput) {
  return withTransaction(async (client) => {
    if (input.teamId && !(await teamExists(client, viewer.organisationId, input.teamId))) {
      throw new UserAdminError('That team does not exist');
    }
    const added = await addMember(client, { organisationId: viewer.organisationId, ...input });
    await recordAudit(client, {
      organisationId: viewer.organisationId,
      actorUserId: viewer.userId,
      action: 'user.added',
      targetType: 'user',
      targetId: added.userId,
      details: {
        email: input.email.toLowerCase(),
        role: input.role,
        newAccount: added.createdAccount,
      },
    });

    return added;
  });
}

/** Changes a role, refusing to leave the organisation without an admin. */
export async function changeRoleAs(viewer: Viewer, userId: string, role: Viewer['role']) {
  return withTransaction(async (client) => {
    // Serialise role changes per organisation so two demotions cannot race.
    await client.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [
      viewer.organisationId,
    ]);
    const { rows } = await client.query<{ role: string }>(
      'SELECT role::text AS role FROM membership WHERE organisation_id = $1 AND user_id = $2',
      [viewer.organisationId, userId],
    );
    const previous = rows[0]?.role;
    if (!previous) throw new UserAdminError('That person is not a member of this organisation');
    if (previous === role) return false;
    if (previous === 'admin' && (await countAdmins(client, viewer.organisationId)) <= 1) {
      throw new UserAdminError('The organisation needs at least one admin');
    }
    await changeMemberRole(client, viewer.organisationId, userId, role);
    await recordAudit(client, {
      organisationId: viewer.organisationId,
      actorUserId: viewer.userId,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: userId,
      details: { from: previous, to: role },
    });

    return true;
  });
}
