// A team, model or pipeline of the organisation by its slug (pages take slugs
// from the URL), or null: never another organisation's.
import { getPool } from '@/lib/db/pool';

export type EntityKind = 'team' | 'model' | 'pipeline';

export interface Entity {
  id: string;
  slug: string;
  name: string;
  /** The owning team (models and pipelines). */
  team: { slug: string; name: string } | null;
  /** Models only: in_house or hosted_api, and the API provider. */
  modelKind: string | null;
  provider: string | null;
}

const TABLES: Record<EntityKind, { table: string; extra: string; owner: string }> = {
  team: { table: 'team', extra: 'NULL::text AS model_kind, NULL::text AS provider', owner: 'false' },
  model: {
    table: 'model',
    extra: 'x.kind::text AS model_kind, x.provider',
    owner: 't.id = x.team_id',
  },
  pipeline: {
    table: 'pipeline',
    extra: 'NULL::text AS model_kind, NULL::text AS provider',
    owner: 't.id = x.team_id',
  },
};

export async function findEntity(
  organisationId: string,
  kind: EntityKind,
  slug: string,
): Promise<Entity | null> {
  const spec = TABLES[kind];
  const { rows } = await getPool().query<{
    id: string;
    slug: string;
    name: string;
    team_slug: string | null;
    team_name: string | null;
    model_kind: string | null;
    provider: string | null;
  }>(
    `SELECT x.id::text, x.slug, x.name, t.slug AS team_slug, t.name AS team_name, ${spec.extra}
       FROM ${spec.table} x
       LEFT JOIN team t ON t.organisation_id = x.organisation_id AND ${spec.owner}
      WHERE x.organisation_id = $1::uuid AND x.slug = $2`,
    [organisationId, slug],
  );
  const row = rows[0];
  if (!row) return null;

  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    team: row.team_slug && row.team_name ? { slug: row.team_slug, name: row.team_name } : null,
    modelKind: row.model_kind,
    provider: row.provider,
  };
}
