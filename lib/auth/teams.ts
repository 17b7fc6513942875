// The organisation's teams, for the API-key and user forms.
import type { Queryable } from '@/lib/db/pool';

export interface TeamOption {
  id: string;
  name: string;
}

export async function listTeamOptions(
  client: Queryable,
  organisationId: string,
): Promise<TeamOption[]> {
  const { rows } = await client.query<TeamOption>(
    'SELECT id, name FROM team WHERE organisation_id = $1 ORDER BY name',
    [organisationId],
  );

  return rows;
}

export async function teamExists(
  client: Queryable,
  organisationId: string,
  teamId: string,
): Promise<boolean> {
  const { rowCount } = await client.query(
    'SELECT 1 FROM team WHERE organisation_id = $1 AND id = $2',
    [organisationId, teamId],
  );

  return rowCount === 1;
}
