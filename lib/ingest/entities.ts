// Resolves the slugs events name (team, model, version, pipeline, run) to
// ids, set-based: one upsert and one select per table per batch. Unknown
// slugs are created unless the organisation turned that off.
import type pg from 'pg';

import type { NormalisedEvent, RunKind } from '@/lib/ingest/types';

export interface EntityIds {
  teams: Map<string, string>;
  models: Map<string, string>;
  /** key: `${modelSlug}@${version}` */
  versions: Map<string, string>;
  pipelines: Map<string, string>;
  runs: Map<string, string>;
}

export const versionKey = (modelSlug: string, version: string) => `${modelSlug}@${version}`;

function distinct<T>(values: (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}

async function resolveSlugs(
  client: pg.ClientBase,
  table: 'team' | 'pipeline',
  organisationId: string,
  slugs: string[],
  create: boolean,
): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  if (create) {
    await client.query(
      `INSERT INTO ${table} (organisation_id, slug, name)
       SELECT $1, s, s FROM unnest($2::text[]) AS s
       ON CONFLICT (organisation_id, slug) DO NOTHING`,
      [organisationId, slugs],
    );
  }
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM ${table} WHERE organisation_id = $1 AND slug = ANY($2::text[])`,
    [organisationId, slugs],
  );

  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function resolveModels(
  client: pg.ClientBase,
  organisationId: string,
  events: NormalisedEvent[],
  create: boolean,
) {
  const bySlug = new Map<string, { provider: string | null }>();
  for (const event of events) {
    if (!event.modelSlug || bySlug.has(event.modelSlug)) continue;
    bySlug.set(event.modelSlug, { provider: event.llm?.provider ?? null });
  }
  const slugs = [...bySlug.keys()];
  if (slugs.length === 0) return new Map<string, string>();
  if (create) {
    const providers = slugs.map((s) => bySlug.get(s)?.provider ?? null);
    await client.query(
      `INSERT INTO model (organisation_id, slug, name, kind, provider)
       SELECT $1, s, s, CASE WHEN p IS NULL THEN 'in_house' ELSE 'hosted_api' END::model_kind, p
         FROM unnest($2::text[], $3::text[]) AS t(s, p)
       ON CONFLICT (organisation_id, slug) DO NOTHING`,
      [organisationId, slugs, providers],
    );
  }
  const { rows } = await client.query<{ id: string; slug: string }>(
    `SELECT id, slug FROM model WHERE organisation_id = $1 AND slug = ANY($2::text[])`,
    [organisationId, slugs],
  );

  return new Map(rows.map((r) => [r.slug, r.id]));
}

async function resolveVersions(
  client: pg.ClientBase,
  organisationId: string,
  events: NormalisedEvent[],
  models: Map<string, string>,
  create: boolean,
) {
  const pairs = new Map<string, { modelId: string; version: string }>();
  for (const event of events) {
    const modelId = event.modelSlug ? models.get(event.modelSlug) : undefined;
    if (!modelId || !event.modelVersion || !event.modelSlug) continue;
    pairs.set(versionKey(event.modelSlug, event.modelVersion), {
      modelId,
      version: event.modelVersion,
    });
  }
  if (pairs.size === 0) return new Map<string, string>();
  const modelIds = [...pairs.values()].map((p) => p.modelId);
  const versions = [...pairs.values()].map((p) => p.version);
  if (create) {
    await client.query(
      `INSERT INTO model_version (organisation_id, model_id, version)
       SELECT $1, m, v FROM unnest($2::uuid[], $3::text[]) AS t(m, v)
       ON CONFLICT (organisation_id, model_id, version) DO NOTHING`,
      [organisationId, modelIds, versions],
    );
  }
  const { rows } = await client.query<{ id: string; model_id: string; version: string }>(
    `SELECT v.id, v.model_id, v.version FROM model_version v
       JOIN unnest($2::uuid[], $3::text[]) AS t(m, ver) ON v.model_id = t.m AND v.version = t.ver
      WHERE v.organisation_id = $1`,
    [organisationId, modelIds, versions],
  );
  const slugById = new Map([...models].map(([slug, id]) => [id, slug]));

  return new Map(
    rows.map((r) => [versionKey(slugById.get(r.model_id) ?? '', r.version), r.id] as const),
  );
}

interface RunRow {
  externalId: string;
  kind: RunKind;
  teamId: string | null;
  modelId: string | null;
  versionId: string | null;
  pipelineId: string | null;
  configHash: string | null;
}

async function resolveRuns(client: pg.ClientBase, organisationId: string, runs: RunRow[]) {
  if (runs.length === 0) return new Map<string, string>();
  // Runs are created from events whatever the organisation's setting: a run
  // id is the client's own grouping, not a catalogue entry.
  await client.query(
    `INSERT INTO run (organisation_id, external_id, kind, team_id, model_id, model_version_id,
                      pipeline_id, config_hash)
     SELECT $1, e, k::run_kind, t, m, v, p, c
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[],
                   $8::text[]) AS x(e, k, t, m, v, p, c)
     ON CONFLICT (organisation_id, external_id) DO NOTHING`,
    [
      organisationId,
      runs.map((r) => r.externalId),
      runs.map((r) => r.kind),
      runs.map((r) => r.teamId),
      runs.map((r) => r.modelId),
      runs.map((r) => r.versionId),
      runs.map((r) => r.pipelineId),
      runs.map((r) => r.configHash),
    ],
  );
  const { rows } = await client.query<{ id: string; external_id: string }>(
    `SELECT id, external_id FROM run WHERE organisation_id = $1 AND external_id = ANY($2::text[])`,
    [organisationId, runs.map((r) => r.externalId)],
  );

  return new Map(rows.map((r) => [r.external_id, r.id]));
}

function defaultRunKind(event: NormalisedEvent): RunKind {
  if (event.kind === 'training') return 'training';
  if (event.kind === 'pipeline_step') return 'pipeline_run';

  return 'deployment';
}

export async function resolveEntities(
  client: pg.ClientBase,
  organisationId: string,
  events: NormalisedEvent[],
  create: boolean,
): Promise<EntityIds> {
  const teams = await resolveSlugs(
    client,
    'team',
    organisationId,
    distinct(events.map((e) => e.teamSlug)),
    create,
  );
  const pipelines = await resolveSlugs(
    client,
    'pipeline',
    organisationId,
    distinct(events.map((e) => e.pipelineSlug)),
    create,
  );
  const models = await resolveModels(client, organisationId, events, create);
  const versions = await resolveVersions(client, organisationId, events, models, create);
  const runRows = new Map<string, RunRow>();
  for (const event of events) {
    if (!event.runExternalId || runRows.has(event.runExternalId)) continue;
    const modelSlug = event.modelSlug;
    runRows.set(event.runExternalId, {
      externalId: event.runExternalId,
      kind: event.runKind ?? defaultRunKind(event),
      teamId: (event.teamSlug && teams.get(event.teamSlug)) || null,
      modelId: (modelSlug && models.get(modelSlug)) || null,
      versionId:
        (modelSlug && event.modelVersion && versions.get(versionKey(modelSlug, event.modelVersion))) ||
        null,
      pipelineId: (event.pipelineSlug && pipelines.get(event.pipelineSlug)) || null,
      configHash: event.runConfigHash ?? null,
    });
  }
  const runs = await resolveRuns(client, organisationId, [...runRows.values()]);

  return { teams, models, versions, pipelines, runs };
}
