// An officer's CSV of factors becomes a new version of a named set. Uploads
// may be partial: the stored set is a base set's rows with the upload laid
// over them (an uploaded row replaces the base row for the same region, kind
// and year or hour), merged before storing so every version is complete on
// its own and never depends on row order. Any bad line stores nothing.
import { parseFactorSetCsv, type FactorSetIssue } from '@/lib/carbon/factor-set-csv';
import { FactorIndex, FactorSetError, type IntensityRow } from '@/lib/carbon/factors';
import { recordAudit } from '@/lib/auth/audit';
import { createFactorSet, loadFactorSet } from '@/lib/db/factor-sets';
import { getPool, withTransaction } from '@/lib/db/pool';
import { findAvailableFactorSet } from '@/lib/methodology/factor-sets';

export interface UploadFactorSetInput {
  organisationId: string;
  actorUserId?: string | null;
  name: string;
  description?: string;
  csvText: string;
  /** The set the upload is laid over (usually the built-in default); null: none. */
  baseFactorSetId: string | null;
}

export type UploadFactorSetResult =
  | {
      ok: true;
      factorSet: { id: string; name: string; version: number };
      rowCount: number;
      uploadedRowCount: number;
      replacedRowCount: number;
    }
  | { ok: false; issues: FactorSetIssue[] };

/** Same slot rule as FactorIndex: one annual row per year, one row per hour. */
const slotOf = (row: IntensityRow) =>
  `${row.regionKey}|${row.kind}|${row.hourStart ? `h${row.hourStart.getTime()}` : `y${row.year}`}`;

export function layRowsOver(base: IntensityRow[], uploaded: IntensityRow[]) {
  const bySlot = new Map(base.map((row) => [slotOf(row), row]));
  let replaced = 0;
  for (const row of uploaded) {
    if (bySlot.has(slotOf(row))) replaced += 1;
    bySlot.set(slotOf(row), row);
  }

  return { rows: [...bySlot.values()], replaced };
}

const refused = (path: string, reason: string, line = 1): UploadFactorSetResult => ({
  ok: false,
  issues: [{ line, path, reason }],
});

export async function uploadFactorSet(input: UploadFactorSetInput): Promise<UploadFactorSetResult> {
  const parsed = parseFactorSetCsv(input.csvText);
  if (parsed.issues.length > 0) return { ok: false, issues: parsed.issues };
  if (parsed.rows.length === 0) return refused('file', 'the file has a header but no rows');

  let baseRows: IntensityRow[] = [];
  let base: { id: string; name: string; version: number } | null = null;
  if (input.baseFactorSetId) {
    const pool = getPool();
    base = await findAvailableFactorSet(pool, input.organisationId, input.baseFactorSetId);
    if (!base) return refused('base', 'the base factor set does not exist', 0);
    baseRows = (await loadFactorSet(pool, base.id)).rows;
  }
  const merged = layRowsOver(baseRows, parsed.rows);
  try {
    new FactorIndex({ id: 'upload', name: input.name, version: 0, rows: merged.rows });
  } catch (error) {
    if (!(error instanceof FactorSetError)) throw error;
    return refused(
      'region_key',
      'the set has no annual "world" location row, so some events could not be priced; ' +
        'add one, or build on the default set',
    );
  }

  const basis = base
    ? `${parsed.rows.length} uploaded rows over ${base.name} v${base.version} ` +
      `(${merged.replaced} of its rows replaced).`
    : `${parsed.rows.length} uploaded rows, no base set.`;
  const description = [input.description?.trim(), basis].filter(Boolean).join(' ');
  const created = await withTransaction(async (client) => {
    const stored = await createFactorSet(client, {
      organisationId: input.organisationId,
      name: input.name,
      description,
      rows: merged.rows,
    });
    await client.query('UPDATE emission_factor_set SET created_by_id = $2 WHERE id = $1', [
      stored.id,
      input.actorUserId ?? null,
    ]);
    await recordAudit(client, {
      organisationId: input.organisationId,
      actorUserId: input.actorUserId,
      action: 'factor_set.uploaded',
      targetType: 'emission_factor_set',
      targetId: stored.id,
      details: {
        name: input.name,
        version: stored.version,
        rowCount: merged.rows.length,
        uploadedRowCount: parsed.rows.length,
        replacedRowCount: merged.replaced,
        baseFactorSetId: base?.id ?? null,
      },
    });

    return stored;
  });

  return {
    ok: true,
    factorSet: { id: created.id, name: input.name, version: created.version },
    rowCount: merged.rows.length,
    uploadedRowCount: parsed.rows.length,
    replacedRowCount: merged.replaced,
  };
}
