// ingestBatch: price every parsed item, then in ONE transaction resolve the
// entities they name, insert the new events with their rollups and record
// the import with its rejected items. A batch is all there or not at all;
// a retried batch stores nothing twice.
import { randomUUID } from 'node:crypto';

import type pg from 'pg';

import { recordAudit } from '@/lib/auth/audit';
import { priceEvent, type PricedEvent } from '@/lib/carbon/price';
import { withTransaction } from '@/lib/db/pool';
import { resolveEntities, versionKey, type EntityIds } from '@/lib/ingest/entities';
import { insertEvents, type EventRow } from '@/lib/ingest/insert-events';
import { printable } from '@/lib/ingest/parsers/echo';
import { loadPricingContext } from '@/lib/ingest/pricing-context';
import { findUnstorableText, storable } from '@/lib/ingest/storable-text';
import { checkWindowRange } from '@/lib/ingest/window-range';
import type {
  EventSource,
  ItemIssue,
  NormalisedEvent,
  ParsedItem,
  ParseResult,
} from '@/lib/ingest/types';

type ParsedEvent = Extract<ParsedItem, { ok: true }>;

export interface IngestTarget {
  organisationId: string;
  source: EventSource;
  userId?: string | null;
  apiKeyId?: string | null;
  fileName?: string | null;
  contentSha256: string;
}

export type ItemStatus = 'accepted' | 'duplicate' | 'rejected';

export interface ItemResult {
  index: number;
  status: ItemStatus;
  id?: string;
  issues?: ItemIssue[];
  /** Accepted, but priced differently from what the sender may expect. */
  warnings?: ItemIssue[];
}

export interface IngestResult {
  importId: string;
  accepted: number;
  duplicates: number;
  rejected: number;
  items: ItemResult[];
}

interface Priced {
  index: number;
  event: NormalisedEvent;
  priced: PricedEvent;
  warnings: ItemIssue[];
}

const versionOf = (event: NormalisedEvent) =>
  event.modelSlug && event.modelVersion
    ? versionKey(event.modelSlug, event.modelVersion)
    : undefined;

/**
 * The first entity an event names that does not exist (the organisation
 * creates none): the event cannot be stored.
 */
function missingEntity(event: NormalisedEvent, ids: EntityIds): ItemIssue | null {
  const version = versionOf(event);
  const named: [string, string | undefined, Map<string, string>][] = [
    ['team', event.teamSlug, ids.teams],
    ['model', event.modelSlug, ids.models],
    ['model_version', version, ids.versions],
    ['pipeline', event.pipelineSlug, ids.pipelines],
    ['run', event.runExternalId, ids.runs],
  ];
  for (const [path, slug, map] of named) {
    if (slug !== undefined && !map.has(slug)) {
      return {
        path,
        reason: `${path} "${slug}" does not exist and this organisation does not create unknown ones`,
      };
    }
  }

  return null;
}

/** The event's row; every entity it names exists (see missingEntity). */
function toRow(item: Priced, ids: EntityIds): EventRow {
  const { event, priced } = item;
  const idOf = (map: Map<string, string>, key: string | undefined) =>
    key === undefined ? null : (map.get(key) ?? null);
  const version = versionOf(event);

  return {
    idempotency_key: event.idempotencyKey,
    kind: event.kind,
    window_start: event.windowStart.toISOString(),
    window_end: event.windowEnd.toISOString(),
    team_id: idOf(ids.teams, event.teamSlug),
    model_id: idOf(ids.models, event.modelSlug),
    model_version_id: idOf(ids.versions, version),
    pipeline_id: idOf(ids.pipelines, event.pipelineSlug),
    run_id: idOf(ids.runs, event.runExternalId),
    step: event.step ?? null,
    cpu_energy_kwh: priced.cpuEnergyKwh,
    gpu_energy_kwh: priced.gpuEnergyKwh,
    ram_energy_kwh: priced.ramEnergyKwh,
    energy_kwh: priced.energyKwh,
    energy_min_kwh: priced.energyMinKwh,
    energy_max_kwh: priced.energyMaxKwh,
    energy_source: priced.energySource,
    pue: priced.pue,
    pue_source: priced.pueSource,
    facility_energy_kwh: priced.facilityEnergyKwh,
    cloud_provider: event.location.cloudProvider ?? null,
    cloud_region: event.location.cloudRegion ?? null,
    country_iso3: priced.countryIso3 ?? null,
    region_key: priced.regionKey,
    inferences: event.work.inferences ?? null,
    requests: event.work.requests ?? null,
    tokens_in: event.work.tokensIn ?? null,
    tokens_cached_in: event.work.tokensCachedIn ?? null,
    tokens_out: event.work.tokensOut ?? null,
    samples: event.work.samples ?? null,
    gpu_hours: event.work.gpuHours ?? null,
    intensity_g_per_kwh: priced.intensityGPerKwh,
    intensity_source: priced.intensitySource,
    intensity_fallback: priced.intensityFallback,
    factor_set_id: priced.factorSetId,
    factor_set_version: priced.factorSetVersion,
    emissions_g: priced.emissionsG,
    emissions_min_g: priced.emissionsMinG,
    emissions_max_g: priced.emissionsMaxG,
    embodied_g: priced.embodiedG,
    source_emissions_g: event.sourceEmissionsG ?? null,
    attributes: event.attributes ?? null,
  };
}

async function recordImport(
  client: pg.PoolClient,
  target: IngestTarget,
  importId: string,
  items: ItemResult[],
  raws: Map<number, string | undefined>,
) {
  const count = (status: ItemStatus) => items.filter((i) => i.status === status).length;
  const counts = {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
  };
  const fileName = target.fileName == null ? null : storable(target.fileName);
  await client.query(
    `INSERT INTO import_record (organisation_id, id, source, file_name, content_sha256, status,
       accepted_count, duplicate_count, rejected_count, user_id, api_key_id)
     VALUES ($1, $2, $3, $4, $5, 'completed', $6, $7, $8, $9, $10)`,
    [
      target.organisationId,
      importId,
      target.source,
      fileName,
      target.contentSha256,
      counts.accepted,
      counts.duplicates,
      counts.rejected,
      target.userId ?? null,
      target.apiKeyId ?? null,
    ],
  );
  await recordAudit(client, {
    organisationId: target.organisationId,
    actorUserId: target.userId ?? null,
    actorApiKeyId: target.apiKeyId ?? null,
    action: 'import.completed',
    targetType: 'import',
    targetId: importId,
    details: { source: target.source, fileName, ...counts },
  });
  const rejections = items.flatMap((item) =>
    (item.issues ?? []).map((issue, n) => ({ item, issue, n })),
  );
  if (rejections.length === 0) return;
  await client.query(
    `INSERT INTO import_rejection (organisation_id, import_id, item_index, path, reason, raw)
     SELECT $1, $2, i, p, r, w FROM unnest($3::int[], $4::text[], $5::text[], $6::text[])
       AS t(i, p, r, w)
     ON CONFLICT DO NOTHING`,
    [
      target.organisationId,
      importId,
      rejections.map((r) => r.item.index),
      // Rejections echo input, which may hold text PostgreSQL cannot store.
      rejections.map((r) => storable(r.issue.path || `item ${r.item.index}`)),
      rejections.map((r) => storable(r.issue.reason)),
      rejections.map((r) => {
        const raw = r.n === 0 ? raws.get(r.item.index) : undefined;
        return raw === undefined ? null : storable(raw);
      }),
    ],
  );
}

// Reasons quote input, and some quote it whole (an LLM model name, a region):
// a control character in one must not reach an answer or a stored rejection.
const printableIssue = (issue: ItemIssue) => ({
  path: printable(issue.path),
  reason: printable(issue.reason),
});

function printableItem(item: ItemResult): ItemResult {
  return {
    ...item,
    ...(item.issues && { issues: item.issues.map(printableIssue) }),
    ...(item.warnings && { warnings: item.warnings.map(printableIssue) }),
  };
}

/** What no parser checks for every source: text PostgreSQL refuses, implausible dates. */
function checkBeforePricing(item: ParsedEvent, now: Date): ItemIssue | null {
  const problem = findUnstorableText(item.event) ?? checkWindowRange(item.event, now);

  return problem && { path: item.sourcePath(problem.field), reason: problem.reason };
}

export interface IngestOptions {
  /** What windows are checked against; the clock unless a test fixes it. */
  now?: Date;
}

export async function ingestBatch(
  target: IngestTarget,
  parsed: ParseResult,
  options: IngestOptions = {},
) {
  const now = options.now ?? new Date();
  const importId = randomUUID();
  const results = new Map<number, ItemResult>();
  const items = () => [...results.values()].sort((a, b) => a.index - b.index).map(printableItem);
  const raws = new Map<number, string | undefined>();
  const pricing = await loadPricingContext(target.organisationId);
  const seen = new Set<string>();
  const priced: Priced[] = [];
  for (const item of parsed.items) {
    if (!item.ok) {
      results.set(item.index, { index: item.index, status: 'rejected', issues: item.issues });
      raws.set(item.index, item.raw);
      continue;
    }
    const unfit = checkBeforePricing(item, now);
    if (unfit) {
      results.set(item.index, { index: item.index, status: 'rejected', issues: [unfit] });
      continue;
    }
    if (seen.has(item.event.idempotencyKey)) {
      results.set(item.index, { index: item.index, status: 'duplicate' });
      continue;
    }
    seen.add(item.event.idempotencyKey);
    const outcome = priceEvent({ ...item.event }, pricing.context);
    if ('issue' in outcome) {
      const issue = { ...outcome.issue, path: item.sourcePath(outcome.issue.path) };
      results.set(item.index, { index: item.index, status: 'rejected', issues: [issue] });
      continue;
    }
    const warnings = outcome.warnings.map((warning) => ({
      ...warning,
      path: item.sourcePath(warning.path),
    }));
    priced.push({ index: item.index, event: item.event, priced: outcome, warnings });
  }

  await withTransaction(async (client) => {
    const ids = await resolveEntities(
      client,
      target.organisationId,
      priced.map((p) => p.event),
      pricing.autoCreateEntities,
    );
    const rows: { index: number; row: EventRow; warnings: ItemIssue[] }[] = [];
    for (const item of priced) {
      const missing = missingEntity(item.event, ids);
      if (missing) {
        results.set(item.index, { index: item.index, status: 'rejected', issues: [missing] });
      } else {
        rows.push({ index: item.index, row: toRow(item, ids), warnings: item.warnings });
      }
    }
    const inserted = await insertEvents(
      client,
      { organisationId: target.organisationId, source: target.source, importId },
      rows.map((r) => r.row),
    );
    for (const { index, row, warnings } of rows) {
      const id = inserted.get(row.idempotency_key);
      const accepted = {
        index,
        status: 'accepted' as const,
        id,
        ...(warnings.length > 0 && { warnings }),
      };
      results.set(index, id ? accepted : { index, status: 'duplicate' });
    }
    await recordImport(client, target, importId, items(), raws);
  });

  const answered = items();

  return {
    importId,
    accepted: answered.filter((i) => i.status === 'accepted').length,
    duplicates: answered.filter((i) => i.status === 'duplicate').length,
    rejected: answered.filter((i) => i.status === 'rejected').length,
    items: answered,
  } satisfies IngestResult;
}
