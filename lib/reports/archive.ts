// The report archive: generating renders every format from one model and
// stores the bytes with their SHA-256 as the next version of that quarter;
// a download returns the stored bytes, never a re-render. A provisional
// version is replaced on download by a new one once its data has changed.
import { createHash } from 'node:crypto';

import { recordAudit } from '@/lib/auth/audit';
import { getPool, withTransaction } from '@/lib/db/pool';
import { buildReportModel } from '@/lib/reports/build-report';
import { diffReportModels, type ReportChange } from '@/lib/reports/diff';
import { FORMAT_INFO, REPORT_FORMATS, type ReportFormat } from '@/lib/reports/formats';
import type { Quarter } from '@/lib/reports/period';
import { getDataFingerprint, sameFingerprint } from '@/lib/reports/queries/data-fingerprint';
import type { ReportModel } from '@/lib/reports/types';

type Lineage = Partial<ReportModel['lineage']>;

export interface ArchivedReport {
  id: string;
  year: number;
  quarter: number;
  version: number;
  format: ReportFormat;
  sha256: string;
  sizeBytes: number;
  provisional: boolean;
  factorSetId: string | null;
  factorSetVersion: number | null;
  /** A person's name, "API key <name>", or null when unknown. */
  generatedBy: string | null;
  /** Why the version was made; null for versions archived before this was kept. */
  trigger: GenerateTrigger | null;
  createdAt: string;
}

/**
 * requested: someone asked for a new version; first_download: the first
 * download of a quarter; data_changed and quarter_ended: a download found the
 * latest version provisional and its data changed or its quarter over.
 */
export type GenerateTrigger = 'requested' | 'first_download' | 'data_changed' | 'quarter_ended';

export interface GenerateOptions {
  now: Date;
  timeZone: string;
  userId?: string | null;
  apiKeyId?: string | null;
}

const INFO_SQL = `
  SELECT a.id::text, a.year, a.quarter, a.version, a.format, a.sha256,
         octet_length(a.content) AS "sizeBytes", a.provisional,
         a.factor_set_id::text AS "factorSetId", a.factor_set_version AS "factorSetVersion",
         coalesce(u.name, 'API key ' || k.name) AS "generatedBy",
         l.details->>'trigger' AS "trigger",
         to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
    FROM archived_report a
    LEFT JOIN app_user u ON u.id = a.generated_by_id
    LEFT JOIN audit_log_entry l ON l.organisation_id = a.organisation_id
     AND l.action = 'report.generated' AND l.target_id = a.id::text
    LEFT JOIN api_key k ON k.organisation_id = a.organisation_id AND k.id = l.actor_api_key_id`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const lockKey = (organisationId: string, q: Quarter) =>
  `report:${organisationId}:${q.year}:${q.quarter}`;

/**
 * Builds the model once, renders every format and stores them as the next
 * version. With `ifLatestIs` (a version, or null for none), returns the
 * existing latest version instead when another appeared meanwhile, so two
 * downloads at once make one version.
 */
export async function generateReport(
  organisationId: string,
  q: Quarter,
  options: GenerateOptions & { trigger?: GenerateTrigger; ifLatestIs?: number | null },
): Promise<{ version: number; model: ReportModel; created: boolean }> {
  const trigger = options.trigger ?? 'requested';
  const model = await buildReportModel(organisationId, q.year, q.quarter, options);
  const rendered = await Promise.all(
    REPORT_FORMATS.map(async (format) => ({
      format,
      bytes: await FORMAT_INFO[format].render(model),
    })),
  );

  return withTransaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockKey(organisationId, q)]);
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM archived_report
        WHERE organisation_id = $1 AND year = $2 AND quarter = $3`,
      [organisationId, q.year, q.quarter],
    );
    const latest = rows[0]?.version ?? null;
    // Another request made the version this one was meant to make.
    if (options.ifLatestIs !== undefined && latest !== null && latest !== options.ifLatestIs) {
      return { version: latest, model, created: false };
    }
    const version = (latest ?? 0) + 1;
    for (const { format, bytes } of rendered) {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO archived_report (organisation_id, year, quarter, version, format, content,
           sha256, provisional, factor_set_id, factor_set_version, model, generated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id::text`,
        [
          organisationId,
          q.year,
          q.quarter,
          version,
          format,
          bytes,
          sha256(bytes),
          model.provisional,
          model.lineage.primaryFactorSetId,
          model.lineage.primaryFactorSetVersion,
          JSON.stringify(model),
          options.userId ?? null,
        ],
      );
      await recordAudit(client, {
        organisationId,
        actorUserId: options.userId ?? null,
        actorApiKeyId: options.apiKeyId ?? null,
        action: 'report.generated',
        targetType: 'archived_report',
        targetId: inserted.rows[0]?.id ?? null,
        details: { year: q.year, quarter: q.quarter, version, format, trigger },
      });
    }

    return { version, model, created: true };
  });
}

/** The stored bytes of one version (the latest when `version` is omitted). */
export async function getArchivedReport(
  organisationId: string,
  q: Quarter,
  format: ReportFormat,
  version?: number,
): Promise<{ info: ArchivedReport; content: Buffer } | null> {
  const { rows } = await getPool().query<ArchivedReport & { content: Buffer }>(
    `${INFO_SQL.replace('SELECT ', 'SELECT a.content, ')}
      WHERE a.organisation_id = $1 AND a.year = $2 AND a.quarter = $3 AND a.format = $4
        AND ($5::int IS NULL OR a.version = $5)
      ORDER BY a.version DESC LIMIT 1`,
    [organisationId, q.year, q.quarter, format, version ?? null],
  );
  const row = rows[0];
  if (!row) return null;
  const { content, ...info } = row;

  return { info, content };
}

/** Why the latest version should be replaced on download, or null to serve it. */
async function staleness(
  organisationId: string,
  info: ArchivedReport,
  now: Date,
): Promise<GenerateTrigger | null> {
  // A closed quarter's version stays as archived until someone regenerates.
  if (!info.provisional) return null;
  const { rows } = await getPool().query<{ period: ReportModel['period']; lineage: Lineage }>(
    `SELECT model->'period' AS period, model->'lineage' AS lineage FROM archived_report
      WHERE organisation_id = $1 AND id = $2`,
    [organisationId, info.id],
  );
  const stored = rows[0];
  if (!stored) return null;
  const range = { from: new Date(stored.period.from), to: new Date(stored.period.to) };
  if (now >= range.to) return 'quarter_ended';
  const current = await getDataFingerprint(organisationId, range);

  return sameFingerprint(stored.lineage.dataFingerprint, current) ? null : 'data_changed';
}

async function generateAndGet(
  organisationId: string,
  q: Quarter,
  format: ReportFormat,
  options: GenerateOptions & { trigger: GenerateTrigger; ifLatestIs: number | null },
) {
  const { version } = await generateReport(organisationId, q, options);
  const stored = await getArchivedReport(organisationId, q, format, version);
  if (!stored) throw new Error(`report ${q.year}-Q${q.quarter} v${version} was not stored`);

  return stored;
}

/**
 * The latest version in `format`: generated on the first download, and
 * regenerated when it is provisional and its data or quarter has moved on.
 */
export async function getOrGenerateReport(
  organisationId: string,
  q: Quarter,
  format: ReportFormat,
  options: GenerateOptions,
) {
  const found = await getArchivedReport(organisationId, q, format);
  if (!found) {
    return generateAndGet(organisationId, q, format, {
      ...options,
      trigger: 'first_download',
      ifLatestIs: null,
    });
  }
  const trigger = await staleness(organisationId, found.info, options.now);
  if (!trigger) return found;

  return generateAndGet(organisationId, q, format, {
    ...options,
    trigger,
    ifLatestIs: found.info.version,
  });
}

/** Every archived file, newest quarter and version first; one quarter if given. */
export async function listArchivedReports(organisationId: string, q?: Quarter) {
  const { rows } = await getPool().query<ArchivedReport>(
    `${INFO_SQL}
      WHERE a.organisation_id = $1 AND ($2::int IS NULL OR (a.year = $2 AND a.quarter = $3))
      ORDER BY a.year DESC, a.quarter DESC, a.version DESC, a.format`,
    [organisationId, q?.year ?? null, q?.quarter ?? null],
  );

  return rows;
}

export interface VersionChanges {
  from: number;
  to: number;
  changes: ReportChange[];
}

/** What changed between the two latest versions of a quarter, if there are two. */
export async function getLatestChanges(
  organisationId: string,
  q: Quarter,
): Promise<VersionChanges | null> {
  const { rows } = await getPool().query<{ version: number; model: ReportModel }>(
    `SELECT version, model FROM archived_report
      WHERE organisation_id = $1 AND year = $2 AND quarter = $3 AND format = 'json'
      ORDER BY version DESC LIMIT 2`,
    [organisationId, q.year, q.quarter],
  );
  const [after, before] = rows;
  if (!after || !before) return null;

  return {
    from: before.version,
    to: after.version,
    changes: diffReportModels(before.model, after.model),
  };
}
