// Re-pricing a period with another factor set, as one explicit, audited
// action: every event overlapping the period gets the new set's intensity
// and emissions, and the rollups of the hours those events cover are
// rebuilt, all in one transaction. Archived reports keep their stored bytes.
import type pg from 'pg';

import type { PricingContext } from '@/lib/carbon/price';
import { MAX_WINDOW_S } from '@/lib/carbon/price-checks';
import { recordAudit } from '@/lib/auth/audit';
import { withTransaction } from '@/lib/db/pool';
import { factorIndex } from '@/lib/ingest/pricing-context';
import { lockOrganisationWrites, rebuildRollups } from '@/lib/ingest/rollups';
import { findAvailableFactorSet } from '@/lib/methodology/factor-sets';
import {
  repriceStoredEvent,
  type RepricedColumns,
  type StoredEvent,
} from '@/lib/methodology/reprice-event';

export interface RepriceRange {
  from: Date;
  to: Date;
}

export interface RepriceResult {
  factorSet: { id: string; name: string; version: number };
  eventCount: number;
  repricedCount: number;
  /** Events priceEvent refused now (e.g. after a rule change); left as they were. */
  skippedCount: number;
  /** The first few of them, with the reason. */
  skipped: Array<{ id: string; path: string; reason: string }>;
  emissionsBeforeG: number;
  emissionsAfterG: number;
  rollups: { from: Date; to: Date; deleted: number; written: number } | null;
}

const CHUNK_SIZE = 1_000;
const MAX_SKIPPED_LISTED = 20;

// "The period's events" are those whose window overlaps [from, to), plus
// zero-length events at its start. Keyset pagination on (window_start, id);
// the cursor's timestamp travels as text so no microsecond is lost.
const CHUNK_SQL = `
SELECT id, kind, window_start, window_end, window_start::text AS cursor_start,
       energy_kwh, energy_min_kwh, energy_max_kwh, energy_source, pue, pue_source,
       facility_energy_kwh, cloud_provider, cloud_region, country_iso3,
       intensity_g_per_kwh, emissions_g, emissions_min_g
  FROM emission_event
 WHERE organisation_id = $1
   AND window_start < $3
   AND window_start >= $2::timestamptz - make_interval(secs => $4)
   AND (window_end > $2 OR window_start >= $2)
   AND (window_start, id) > ($5::timestamptz, $6::uuid)
 ORDER BY window_start, id
 LIMIT $7`;

const UPDATE_SQL = `
UPDATE emission_event e SET
  region_key = x.region_key, country_iso3 = x.country_iso3,
  intensity_g_per_kwh = x.intensity_g_per_kwh, intensity_source = x.intensity_source,
  intensity_fallback = x.intensity_fallback, factor_set_id = x.factor_set_id,
  factor_set_version = x.factor_set_version, emissions_g = x.emissions_g,
  emissions_min_g = x.emissions_min_g, emissions_max_g = x.emissions_max_g
FROM jsonb_to_recordset($2::jsonb) AS x(
  id uuid, region_key text, country_iso3 text, intensity_g_per_kwh float8,
  intensity_source text, intensity_fallback boolean, factor_set_id uuid,
  factor_set_version int, emissions_g float8, emissions_min_g float8, emissions_max_g float8)
WHERE e.organisation_id = $1 AND e.id = x.id`;

type ChunkRow = StoredEvent & { cursor_start: string };

async function readChunk(
  client: pg.ClientBase,
  organisationId: string,
  range: RepriceRange,
  cursor: { start: string; id: string },
) {
  const { rows } = await client.query<ChunkRow>(CHUNK_SQL, [
    organisationId,
    range.from,
    range.to,
    MAX_WINDOW_S,
    cursor.start,
    cursor.id,
    CHUNK_SIZE,
  ]);

  return rows;
}

const FIRST_CURSOR = { start: '-infinity', id: '00000000-0000-0000-0000-000000000000' };

/**
 * Re-prices the organisation's events in `range` with `factorSetId`.
 * Returns null when the set is not available to the organisation.
 */
export async function repricePeriod(
  organisationId: string,
  range: RepriceRange,
  factorSetId: string,
  options: { actorUserId?: string | null } = {},
): Promise<RepriceResult | null> {
  return withTransaction(async (client) => {
    const set = await findAvailableFactorSet(client, organisationId, factorSetId);
    if (!set) return null;
    // Ingest waits until we commit, so no event lands in a half-rebuilt hour.
    await lockOrganisationWrites(client, organisationId);
    const settings = await client.query<{ default_pue: number }>(
      'SELECT default_pue FROM organisation WHERE id = $1',
      [organisationId],
    );
    const context: PricingContext = {
      factors: await factorIndex(set.id),
      organisationDefaultPue: settings.rows[0]?.default_pue ?? 1,
    };

    const result: RepriceResult = {
      factorSet: { id: set.id, name: set.name, version: set.version },
      eventCount: 0,
      repricedCount: 0,
      skippedCount: 0,
      skipped: [],
      emissionsBeforeG: 0,
      emissionsAfterG: 0,
      rollups: null,
    };
    let earliestMs = Infinity;
    let latestMs = -Infinity;
    let cursor = FIRST_CURSOR;
    for (;;) {
      const chunk = await readChunk(client, organisationId, range, cursor);
      if (chunk.length === 0) break;
      const updates: RepricedColumns[] = [];
      for (const event of chunk) {
        result.eventCount += 1;
        result.emissionsBeforeG += event.emissions_g;
        const repriced = repriceStoredEvent(event, context);
        if ('issue' in repriced) {
          result.skippedCount += 1;
          result.emissionsAfterG += event.emissions_g;
          if (result.skipped.length < MAX_SKIPPED_LISTED) {
            result.skipped.push({ id: event.id, ...repriced.issue });
          }
          continue;
        }
        updates.push(repriced);
        result.emissionsAfterG += repriced.emissions_g;
        earliestMs = Math.min(earliestMs, event.window_start.getTime());
        // A zero-length window still has an hour: the one it starts in.
        const endMs = Math.max(event.window_end.getTime(), event.window_start.getTime() + 1);
        latestMs = Math.max(latestMs, endMs);
      }
      if (updates.length > 0) {
        await client.query(UPDATE_SQL, [organisationId, JSON.stringify(updates)]);
        result.repricedCount += updates.length;
      }
      const last = chunk[chunk.length - 1] as ChunkRow;
      cursor = { start: last.cursor_start, id: last.id };
    }

    if (result.repricedCount > 0) {
      result.rollups = await rebuildRollups(client, organisationId, {
        from: new Date(earliestMs),
        to: new Date(latestMs),
      });
    }
    await recordAudit(client, {
      organisationId,
      actorUserId: options.actorUserId,
      action: 'factor_set.repriced',
      targetType: 'emission_factor_set',
      targetId: set.id,
      details: {
        name: set.name,
        version: set.version,
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        eventCount: result.eventCount,
        repricedCount: result.repricedCount,
        skippedCount: result.skippedCount,
        emissionsBeforeG: result.emissionsBeforeG,
        emissionsAfterG: result.emissionsAfterG,
        rollupRowsDeleted: result.rollups?.deleted ?? 0,
        rollupRowsWritten: result.rollups?.written ?? 0,
      },
    });

    return result;
  });
}
