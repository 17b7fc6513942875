import { getPool } from '@/lib/db/pool';

/** The organisation's slug and time zone, which name and bound its reports. */
export async function getReportOrganisation(organisationId: string) {
  const { rows } = await getPool().query<{ slug: string; timeZone: string }>(
    'SELECT slug, time_zone AS "timeZone" FROM organisation WHERE id = $1',
    [organisationId],
  );

  return rows[0] ?? null;
}
