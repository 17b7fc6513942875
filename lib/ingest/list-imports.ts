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
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
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

export interface ImportedEvent {
  id: string;
  kind: string;
  windowStart: Date;
  windowEnd: Date;
  run: string | null;
  runId: string | null;
  pipeline: string | null;
  model: string | null;
  facilityEnergyKwh: number;
  emissionsG: number;
  sourceEmissionsG: number | null;
  regionKey: string;
}

/** The events an import stored (not those it found already stored). */
export async function listImportEvents(organisationId: string, importId: string, limit = 500) {
  const { rows } = await getPool().query<ImportedEvent>(
    `SELECT e.id, e.kind::text AS kind, e.window_start AS "windowStart", e.window_end AS "windowEnd",
            r.external_id AS run, e.run_id AS "runId", p.slug AS pipeline, m.slug AS model,
            e.facility_energy_kwh AS "facilityEnergyKwh", e.emissions_g AS "emissionsG",
            e.source_emissions_g AS "sourceEmissionsG", e.region_key AS "regionKey"
       FROM emission_event e
       LEFT JOIN run r ON r.organisation_id = e.organisation_id AND r.id = e.run_id
       LEFT JOIN pipeline p ON p.organisation_id = e.organisation_id AND p.id = e.pipeline_id
       LEFT JOIN model m ON m.organisation_id = e.organisation_id AND m.id = e.model_id
      WHERE e.organisation_id = $1 AND e.import_id = $2
      ORDER BY e.window_start, e.id LIMIT $3`,
    [organisationId, importId, limit],
  );

  return rows;
}
