import type { Queryable } from '@/lib/db/pool';

import { ensureDefaultFactorSet } from '@/lib/db/factor-sets';

export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
}

/** Creates an organisation priced with the built-in default factor set. */
export async function createOrganisation(
  client: Queryable,
  input: { slug: string; name: string; timeZone?: string },
): Promise<OrganisationRow> {
  const factorSetId = await ensureDefaultFactorSet(client);
  const { rows } = await client.query<OrganisationRow>(
    `INSERT INTO organisation (slug, name, time_zone, active_factor_set_id)
     VALUES ($1, $2, $3, $4) RETURNING id, slug, name`,
    [input.slug, input.name, input.timeZone ?? 'UTC', factorSetId],
  );
  const organisation = rows[0];
  if (!organisation) throw new Error('organisation was not created');

  return organisation;
}

export async function findOrganisationBySlug(client: Queryable, slug: string) {
  const { rows } = await client.query<OrganisationRow>(
    'SELECT id, slug, name FROM organisation WHERE slug = $1',
    [slug],
  );

  return rows[0] ?? null;
}
