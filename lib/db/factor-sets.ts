// Emission factor sets in the database: the built-in default (shared by all
// organisations, organisation_id null), organisations' own versions, and
// loading one set for pricing.
import type { Queryable } from '@/lib/db/pool';

import {
  buildDefaultFactorRows,
  DEFAULT_FACTOR_SET_NAME,
  DEFAULT_FACTOR_SET_VERSION,
} from '@/lib/carbon/default-factors';
import type { FactorSet, IntensityRow } from '@/lib/carbon/factors';
import { readDefaultFactorTexts } from '@/lib/db/reference-data';

const DEFAULT_DESCRIPTION =
  'Countries: Ember yearly electricity data (CC-BY-4.0, attribution "Ember"). ' +
  'Cloud regions: Cloud Carbon Footprint (Apache-2.0); GCP regions: CodeCarbon (MIT).';

async function insertRows(client: Queryable, factorSetId: string, rows: IntensityRow[]) {
  await client.query(
    `INSERT INTO grid_intensity (factor_set_id, region_key, kind, year, hour_start,
       intensity_g_per_kwh, source, licence)
     SELECT $1, k, t::intensity_kind, y, h, i, s, l
       FROM unnest($2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::float8[],
                   $7::text[], $8::text[]) AS x(k, t, y, h, i, s, l)`,
    [
      factorSetId,
      rows.map((r) => r.regionKey),
      rows.map((r) => r.kind),
      rows.map((r) => r.year),
      rows.map((r) => r.hourStart?.toISOString() ?? null),
      rows.map((r) => r.intensityGPerKwh),
      rows.map((r) => r.source),
      rows.map((r) => r.licence),
    ],
  );
}

/** The built-in set's id, creating it from the shipped files the first time. */
export async function ensureDefaultFactorSet(client: Queryable): Promise<string> {
  const found = await client.query<{ id: string }>(
    `SELECT id FROM emission_factor_set
      WHERE organisation_id IS NULL AND name = $1 AND version = $2`,
    [DEFAULT_FACTOR_SET_NAME, DEFAULT_FACTOR_SET_VERSION],
  );
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO emission_factor_set (organisation_id, name, version, description)
     VALUES (NULL, $1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id`,
    [DEFAULT_FACTOR_SET_NAME, DEFAULT_FACTOR_SET_VERSION, DEFAULT_DESCRIPTION],
  );
  const created = rows[0];
  if (!created) return ensureDefaultFactorSet(client);
  await insertRows(client, created.id, buildDefaultFactorRows(readDefaultFactorTexts()));

  return created.id;
}

/** Stores an organisation's set as the next version of its name. */
export async function createFactorSet(
  client: Queryable,
  input: { organisationId: string; name: string; description: string; rows: IntensityRow[] },
) {
  const { rows } = await client.query<{ id: string; version: number }>(
    `INSERT INTO emission_factor_set (organisation_id, name, version, description)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3
       FROM emission_factor_set WHERE organisation_id = $1 AND name = $2
     RETURNING id, version`,
    [input.organisationId, input.name, input.description],
  );
  const created = rows[0];
  if (!created) throw new Error('factor set was not created');
  await insertRows(client, created.id, input.rows);

  return created;
}

export async function loadFactorSet(client: Queryable, id: string): Promise<FactorSet> {
  const head = await client.query<{ name: string; version: number }>(
    'SELECT name, version FROM emission_factor_set WHERE id = $1',
    [id],
  );
  const set = head.rows[0];
  if (!set) throw new Error(`factor set ${id} does not exist`);
  const { rows } = await client.query<{
    region_key: string;
    kind: IntensityRow['kind'];
    year: number;
    hour_start: Date | null;
    intensity_g_per_kwh: number;
    source: string;
    licence: string;
  }>(
    `SELECT region_key, kind, year, hour_start, intensity_g_per_kwh, source, licence
       FROM grid_intensity WHERE factor_set_id = $1`,
    [id],
  );

  return {
    id,
    name: set.name,
    version: set.version,
    rows: rows.map((r) => ({
      regionKey: r.region_key,
      kind: r.kind,
      year: r.year,
      hourStart: r.hour_start,
      intensityGPerKwh: r.intensity_g_per_kwh,
      source: r.source,
      licence: r.licence,
    })),
  };
}
