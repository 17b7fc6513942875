// API keys: `gok_<prefix>_<secret>`. The prefix finds the row; only a
// SHA-256 of the secret is stored (the secret is 32 random bytes, so a slow
// password hash would add nothing but latency on every ingest call).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

import { can, type Role } from '@/lib/auth/roles';
import type { Queryable } from '@/lib/db/pool';

export interface ApiKeyPrincipal {
  organisationId: string;
  apiKeyId: string;
  teamId: string | null;
  /** The slug of the key's team: a team key sends events for that team only. */
  teamSlug: string | null;
  /**
   * Whether the key may read the organisation's reports: a key does what
   * its creator may do now, so an engineer's key cannot; a key created by
   * the operator's command line (no creator) can.
   */
  canReadReports: boolean;
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
    team_slug: string | null;
    secret_hash: string;
    revoked_at: Date | null;
    expires_at: Date | null;
    created_by_id: string | null;
    creator_role: Role | null;
  }>(
    `SELECT k.id, k.organisation_id, k.team_id, t.slug AS team_slug, k.secret_hash,
            k.revoked_at, k.expires_at, k.created_by_id, m.role AS creator_role
       FROM api_key k
       LEFT JOIN team t ON t.organisation_id = k.organisation_id AND t.id = k.team_id
       LEFT JOIN membership m
         ON m.organisation_id = k.organisation_id AND m.user_id = k.created_by_id
      WHERE k.prefix = $1`,
    [prefix],
  );
  const key = rows[0];
  if (!key) return null;
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(key.secret_hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  if (key.revoked_at || (key.expires_at && key.expires_at <= now)) return null;
  await client.query(
    // To the minute: one write a minute per key, not one per ingest request.
    `UPDATE api_key SET last_used_at = $3
      WHERE organisation_id = $1 AND id = $2
        AND (last_used_at IS NULL OR last_used_at < $3::timestamptz - interval '1 minute')`,
    [key.organisation_id, key.id, now],
  );

  return {
    organisationId: key.organisation_id,
    apiKeyId: key.id,
    teamId: key.team_id,
    teamSlug: key.team_slug,
    canReadReports: key.created_by_id === null || can.viewReports(key.creator_role),
  };
}

export async function revokeApiKey(client: Queryable, organisationId: string, id: string) {
  const { rowCount } = await client.query(
    `UPDATE api_key SET revoked_at = now()
      WHERE organisation_id = $1 AND id = $2 AND revoked_at IS NULL`,
    [organisationId, id],
  );

  return rowCount === 1;
}

export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  teamId: string | null;
  teamName: string | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/** Narrows a listing or lookup to one team's keys, or to one creator's. */
export interface ApiKeyFilter {
  teamId?: string;
  createdById?: string;
}

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  team_id: string | null;
  team_name: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const summaryColumns = `k.id, k.name, k.prefix, k.team_id, t.name AS team_name, k.created_by_id,
  u.name AS created_by_name, k.created_at, k.expires_at, k.revoked_at, k.last_used_at
  FROM api_key k
  LEFT JOIN team t ON t.organisation_id = k.organisation_id AND t.id = k.team_id
  LEFT JOIN app_user u ON u.id = k.created_by_id`;

const toSummary = (row: ApiKeyRow): ApiKeySummary => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  teamId: row.team_id,
  teamName: row.team_name,
  createdById: row.created_by_id,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
});

/** An organisation's keys, newest first, revoked ones last. */
export async function listApiKeys(
  client: Queryable,
  organisationId: string,
  filter: ApiKeyFilter = {},
): Promise<ApiKeySummary[]> {
  const { rows } = await client.query<ApiKeyRow>(
    `SELECT ${summaryColumns}
      WHERE k.organisation_id = $1
        AND ($2::uuid IS NULL OR k.team_id = $2)
        AND ($3::uuid IS NULL OR k.created_by_id = $3)
      ORDER BY (k.revoked_at IS NOT NULL), k.created_at DESC, k.id`,
    [organisationId, filter.teamId ?? null, filter.createdById ?? null],
  );

  return rows.map(toSummary);
}

export async function findApiKey(
  client: Queryable,
  organisationId: string,
  id: string,
  filter: ApiKeyFilter = {},
): Promise<ApiKeySummary | null> {
  const { rows } = await client.query<ApiKeyRow>(
    `SELECT ${summaryColumns}
      WHERE k.organisation_id = $1 AND k.id = $2
        AND ($3::uuid IS NULL OR k.team_id = $3)
        AND ($4::uuid IS NULL OR k.created_by_id = $4)`,
    [organisationId, id, filter.teamId ?? null, filter.createdById ?? null],
  );

  return rows[0] ? toSummary(rows[0]) : null;
}
