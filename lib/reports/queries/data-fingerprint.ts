// A cheap fingerprint of the data behind a period's report: enough to tell
// that events arrived, left or were repriced since a version was archived.
import type { DateRange } from '@/lib/kpi/filters';
import { getPool } from '@/lib/db/pool';

export interface DataFingerprint {
  /** Events whose window touches the period. */
  eventCount: number;
  /** The latest ingested_at among them, to the microsecond; null without events. */
  lastIngestedAt: string | null;
  /** The factor sets they were priced with, sorted. */
  factorSetIds: string[];
}

export async function getDataFingerprint(
  organisationId: string,
  range: DateRange,
): Promise<DataFingerprint> {
  const { rows } = await getPool().query<DataFingerprint>(
    `SELECT count(*)::int AS "eventCount",
            to_char(max(ingested_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
              AS "lastIngestedAt",
            coalesce(array_agg(DISTINCT factor_set_id::text ORDER BY factor_set_id::text)
              FILTER (WHERE factor_set_id IS NOT NULL), '{}') AS "factorSetIds"
       FROM emission_event
      WHERE organisation_id = $1 AND window_start < $3 AND window_end >= $2`,
    [organisationId, range.from, range.to],
  );

  return rows[0] ?? { eventCount: 0, lastIngestedAt: null, factorSetIds: [] };
}

export const sameFingerprint = (a: DataFingerprint | null | undefined, b: DataFingerprint) =>
  !!a &&
  a.eventCount === b.eventCount &&
  a.lastIngestedAt === b.lastIngestedAt &&
  a.factorSetIds.join(',') === b.factorSetIds.join(',');
