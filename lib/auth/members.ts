// Who a signed-in user is inside one organisation: their membership, picked
// by the `org` cookie's slug when they belong to several, else by name.
import type { Queryable } from '@/lib/db/pool';

import type { Role } from '@/lib/auth/roles';

export interface Viewer {
  userId: string;
  email: string;
  name: string;
  organisationId: string;
  organisationSlug: string;
  organisationName: string;
  timeZone: string;
  role: Role;
  /** The member's team, which scopes an engineer's API keys. */
  teamId: string | null;
}

interface ViewerRow {
  user_id: string;
  email: string;
  name: string;
  organisation_id: string;
  organisation_slug: string;
  organisation_name: string;
  time_zone: string;
  role: Role;
  team_id: string | null;
}

export async function loadViewer(
  client: Queryable,
  userId: string,
  preferredOrganisationSlug?: string | null,
): Promise<Viewer | null> {
  const { rows } = await client.query<ViewerRow>(
    `SELECT u.id AS user_id, u.email, u.name, o.id AS organisation_id,
            o.slug AS organisation_slug, o.name AS organisation_name, o.time_zone,
            m.role::text AS role, m.team_id
       FROM membership m
       JOIN app_user u ON u.id = m.user_id
       JOIN organisation o ON o.id = m.organisation_id
      WHERE m.user_id = $1
      ORDER BY (o.slug = $2) DESC, o.name, o.id
      LIMIT 1`,
    [userId, preferredOrganisationSlug ?? null],
  );
  const row = rows[0];
  if (!row) return null;

  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    organisationId: row.organisation_id,
    organisationSlug: row.organisation_slug,
    organisationName: row.organisation_name,
    timeZone: row.time_zone,
    role: row.role,
    teamId: row.team_id,
  };
}
