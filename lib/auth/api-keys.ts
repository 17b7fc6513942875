// API keys: `gok_<prefix>_<secret>`. The prefix finds the row; only a
// SHA-256 of the secret is stored (the secret is 32 random bytes, so a slow
// password hash would add nothing but latency on every ingest call).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import type { Queryable } from '@/lib/db/pool';

export interface ApiKeyPrincipal {
  organisationId: string;
  apiKeyId: string;
  teamId: string | null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export async function createApiKey(
  client: Queryable,
  input: {
    organisationId: string;
    name: string;
    teamId?: string | null;
    createdById?: string | null;
    expiresAt?: Date | null;
  },
) {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO api_key (organisation_id, team_id, name, prefix, secret_hash, created_by_id,
       expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      input.organisationId,
      input.teamId ?? null,
      input.name,
      prefix,
      hashSecret(secret),
      input.createdById ?? null,
      input.expiresAt ?? null,
    ],
  );

  return { id: rows[0]?.id ?? '', token: `gok_${prefix}_${secret}` };
}

const TOKEN = /^gok_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** The key's principal, or null when it is unknown, revoked or expired. */
export async function verifyApiKey(
  client: Queryable,
  token: string,
  now = new Date(),
): Promise<ApiKeyPrincipal | null> {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, prefix = '', secret = ''] = match;
  const { rows } = await client.query<{
    id: string;
    organisation_id: string;
    team_id: string | null;
    secret_hash: string;
    revoked_at: Date | null;
    expires_at: Date | null;
  }>(
    `SELECT id, organisation_id, team_id, secret_hash, revoked_at, expires_at
       FROM api_key WHERE prefix = $1`,
    [prefix],
  );
  const key = rows[0];
  if (!key) return null;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(key.secret_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (key.revoked_at || (key.expires_at && key.expires_at <= now)) return null;
  await client.query(
    `UPDATE api_key SET last_used_at = $3 WHERE organisation_id = $1 AND id = $2`,
    [key.organisation_id, key.id, now],
  );

  return { organisationId: key.organisation_id, apiKeyId: key.id, teamId: key.team_id };
}

export async function revokeApiKey(client: Queryable, organisationId: string, id: string) {
  const { rowCount } = await client.query(
    `UPDATE api_key SET revoked_at = now()
      WHERE organisation_id = $1 AND id = $2 AND revoked_at IS NULL`,
    [organisationId, id],
  );

  return rowCount === 1;
}
