// Creating, listing and revoking API keys on behalf of a signed-in person:
// the access rules of key-access.ts, and an audit entry in the same
// transaction as each change.
import { z } from 'zod';

import {
  createApiKey,
  findApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeySummary,
} from '@/lib/auth/api-keys';
import { recordAudit } from '@/lib/auth/audit';
import { keyFilterFor, teamForNewKey } from '@/lib/auth/key-access';
import type { Viewer } from '@/lib/auth/members';
import { teamExists } from '@/lib/auth/teams';
import { getPool, withTransaction } from '@/lib/db/pool';
import { ApiError } from '@/lib/http/errors';

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(100),
  teamId: z.uuid('must be a team id').nullish(),
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time' })
    .nullish()
    .refine((value) => !value || new Date(value) > new Date(), 'must be in the future'),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeyInput>;

export interface IssuedApiKey {
  apiKey: ApiKeySummary;
  /** Shown once; only its hash is stored. */
  token: string;
}

export async function issueApiKey(viewer: Viewer, input: CreateApiKeyInput): Promise<IssuedApiKey> {
  const teamId = teamForNewKey(viewer, input.teamId ?? null);

  return withTransaction(async (client) => {
    if (teamId && !(await teamExists(client, viewer.organisationId, teamId))) {
      throw new ApiError(422, 'unknown_team', 'That team does not exist', [
        { path: 'teamId', reason: 'no such team in this organisation' },
      ]);
    }
    const created = await createApiKey(client, {
      organisationId: viewer.organisationId,
      name: input.name,
      teamId,
      createdById: viewer.userId,
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    const apiKey = await findApiKey(client, viewer.organisationId, created.id);
    if (!apiKey) throw new Error('created key was not found');
    await recordAudit(client, {
      organisationId: viewer.organisationId,
      actorUserId: viewer.userId,
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: apiKey.id,
      details: { name: apiKey.name, prefix: apiKey.prefix, teamId, expiresAt: apiKey.expiresAt },
    });

    return { apiKey, token: created.token };
  });
}

export function listApiKeysFor(viewer: Viewer): Promise<ApiKeySummary[]> {
  return listApiKeys(getPool(), viewer.organisationId, keyFilterFor(viewer));
}

/** Revokes a key the viewer may manage; null when it is not theirs to see. */
export async function revokeApiKeyAs(viewer: Viewer, id: string): Promise<ApiKeySummary | null> {
  return withTransaction(async (client) => {
    const key = await findApiKey(client, viewer.organisationId, id, keyFilterFor(viewer));
    if (!key) return null;
    if (await revokeApiKey(client, viewer.organisationId, id)) {
      await recordAudit(client, {
        organisationId: viewer.organisationId,
        actorUserId: viewer.userId,
        action: 'api_key.revoked',
        targetType: 'api_key',
        targetId: id,
        details: { name: key.name, prefix: key.prefix },
      });
    }

    return findApiKey(client, viewer.organisationId, id);
  });
}
