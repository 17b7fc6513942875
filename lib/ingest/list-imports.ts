// The Imports page's data: every recorded import of an organisation, newest
// first, and the rejected items of one.
import { getPool } from '@/lib/db/pool';

export interface ImportSummary {
  id: string;
  source: string;
  fileName: string | null;
  createdAt: Date;
  acceptedCount: number;
  duplicateCount: number;
  rejectedCount: number;
  actor: string;
}

const SELECT_IMPORTS = `
  SELECT i.id, i.source::text AS "source", i.file_name AS "fileName", i.created_at AS "createdAt",
         i.accepted_count AS "acceptedCount", i.duplicate_count AS "duplicateCount",
         i.rejected_count AS "rejectedCount",
         coalesce(u.email, 'API key ' || k.name, 'system') AS actor
    FROM import_record i
    LEFT JOIN app_user u ON u.id = i.user_id
    LEFT JOIN api_key k ON k.organisation_id = i.organisation_id AND k.id = i.api_key_id`;

export async function listImports(organisationId: string, page = 1, pageSize = 50) {
  const { rows } = await getPool().query<ImportSummary & { total: number }>(
    `${SELECT_IMPORTS.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      WHERE i.organisation_id = $1
      ORDER BY i.created_at DESC, i.id LIMIT $2 OFFSET $3`,
    [organisationId, pageSize, (page - 1) * pageSize],
  );

  return { imports: rows, total: rows[0]?.total ?? 0 };
}

export async function getImport(organisationId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const { rows } = await getPool().query<ImportSummary>(
    `${SELECT_IMPORTS} WHERE i.organisation_id = $1 AND i.id = $2`,
    [organisationId, id],
  );

  return rows[0] ?? null;
}

export interface Rejection {
  itemIndex: number;
  path: string;
  reason: string;
  raw: string | null;
}

export async function listRejections(organisationId: string, importId: string) {
  const { rows } = await getPool().query<Rejection>(
    `SELECT item_index AS "itemIndex", path, reason, raw FROM import_rejection
      WHERE organisation_id = $1 AND import_id = $2 ORDER BY item_index, path`,
    [organisationId, importId],
  );

  return rows;
}
