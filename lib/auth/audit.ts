// The audit log: who did what, when, to which record. Written in the same
// transaction as the change when the caller passes its transaction client.
import type { Queryable } from '@/lib/db/pool';

export interface AuditInput {
  /** Null only for events tied to no organisation (a sign-in with an unknown email). */
  organisationId: string | null;
  actorUserId?: string | null;
  actorApiKeyId?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown> | null;
}

export async function recordAudit(client: Queryable, entry: AuditInput): Promise<void> {
  await client.query(
    `INSERT INTO audit_log_entry (organisation_id, actor_user_id, actor_api_key_id, action,
       target_type, target_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      entry.organisationId,
      entry.actorUserId ?? null,
      entry.actorApiKeyId ?? null,
      entry.action,
      entry.targetType ?? null,
      entry.targetId ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    ],
  );
}

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  actorUserId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorApiKeyId: string | null;
  actorApiKeyName: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** One organisation's audit log, newest first. `page` counts from 1. */
export async function listAudit(
  client: Queryable,
  organisationId: string,
  options: { page: number; pageSize: number },
): Promise<AuditPage> {
  const offset = (options.page - 1) * options.pageSize;
  const [{ rows }, count] = await Promise.all([
    client.query<{
      id: number;
      at: Date;
      action: string;
      actor_user_id: string | null;
      actor_name: string | null;
      actor_email: string | null;
      actor_api_key_id: string | null;
      actor_api_key_name: string | null;
      target_type: string | null;
      target_id: string | null;
      details: Record<string, unknown> | null;
    }>(
      `SELECT a.id, a.at, a.action, a.actor_user_id, u.name AS actor_name,
              u.email AS actor_email, a.actor_api_key_id, k.name AS actor_api_key_name,
              a.target_type, a.target_id, a.details
         FROM audit_log_entry a
         LEFT JOIN app_user u ON u.id = a.actor_user_id
         LEFT JOIN api_key k ON k.organisation_id = a.organisation_id
                            AND k.id = a.actor_api_key_id
        WHERE a.organisation_id = $1
        ORDER BY a.at DESC, a.id DESC
        LIMIT $2 OFFSET $3`,
      [organisationId, options.pageSize, offset],
    ),
    client.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM audit_log_entry WHERE organisation_id = $1',
      [organisationId],
    ),
  ]);

  return {
    entries: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actorUserId: row.actor_user_id,
      actorName: row.actor_name,
      actorEmail: row.actor_email,
      actorApiKeyId: row.actor_api_key_id,
      actorApiKeyName: row.actor_api_key_name,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details,
    })),
    total: count.rows[0]?.total ?? 0,
    page: options.page,
    pageSize: options.pageSize,
  };
}
