// The Credentials provider's check: bcrypt against app_user.password_hash,
// one answer for unknown emails and wrong passwords (no enumeration), a
// limit on failures per email and address, every outcome audited.
import bcrypt from 'bcryptjs';

import { recordAudit } from '@/lib/auth/audit';
import {
  assertSignInAllowed,
  clearFailedSignIns,
  countFailedSignIn,
  SignInThrottledError,
} from '@/lib/auth/sign-in-limit';
import {
  findUserForSignIn,
  markSignedIn,
  normaliseEmail,
  PASSWORD_HASH_ROUNDS,
} from '@/lib/auth/users';
import type { Queryable } from '@/lib/db/pool';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

// Compared against when the email is unknown, so both answers take as long.
let dummyHash: Promise<string> | undefined;
const hashForUnknownUser = () =>
  (dummyHash ??= bcrypt.hash('no-such-user-password', PASSWORD_HASH_ROUNDS));

async function auditEach(
  client: Queryable,
  organisationIds: string[],
  entry: Omit<Parameters<typeof recordAudit>[1], 'organisationId'>,
) {
  const targets = organisationIds.length ? organisationIds : [null];
  for (const organisationId of targets) await recordAudit(client, { ...entry, organisationId });
}

/** The user when the password is right, else null; throws when throttled. */
export async function authorisePassword(
  client: Queryable,
  input: { email: string; password: string; ip: string },
): Promise<SignedInUser | null> {
  const email = normaliseEmail(input.email);
  if (!email || !input.password) return null;
  try {
    await assertSignInAllowed(email, input.ip);
  } catch (error) {
    if (error instanceof SignInThrottledError) {
      await recordAudit(client, {
        organisationId: null,
        action: 'auth.sign_in_throttled',
        details: { email, ip: input.ip },
      });
    }
    throw error;
  }

  const user = await findUserForSignIn(client, email);
  const hash = user?.passwordHash ?? (await hashForUnknownUser());
  const matches = await bcrypt.compare(input.password, hash);

  if (!user || !user.passwordHash || !matches) {
    await countFailedSignIn(email, input.ip);
    // Whoever typed the password is unknown: the account is the target, not the actor.
    await auditEach(client, user?.organisationIds ?? [], {
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: user?.id ?? null,
      details: { email, ip: input.ip, method: 'password' },
    });

    return null;
  }
  await clearFailedSignIns(email, input.ip);
  await markSignedIn(client, user.id);
  await auditEach(client, user.organisationIds, {
    actorUserId: user.id,
    action: 'auth.sign_in',
    targetType: 'user',
    targetId: user.id,
    details: { ip: input.ip, method: 'password' },
  });

  return { id: user.id, email: user.email, name: user.name };
}
