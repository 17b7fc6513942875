// Hourly rollups: the one definition of how an event is spread over hours,
// used by the ingest writer (adding new events) and by rebuildRollups
// (recomputing a range after events were re-priced).
//
// The rule: energy, emissions and work are spread over the hours the event's
// window covers, in proportion to time; a zero-length window puts everything
// in its hour; the event's count goes to the hour it starts in.
import type pg from 'pg';

import { MAX_WINDOW_S } from '@/lib/carbon/price-checks';

/**
 * The CTEs `hours` and `rolled` that add the events of `source` (a relation
 * with emission_event's columns) to emission_rollup_hourly. `hourFilter` is
 * an SQL condition on `h`, the start of each hour, to keep only some hours.
 */
export function spreadOverHoursSql(source: string, hourFilter = 'true'): string {
  return `
hours AS (
  SELECT e.*, h AS bucket_start,
    CASE WHEN window_end = window_start THEN 1.0
      ELSE extract(epoch FROM least(window_end, h + interval '1 hour') - greatest(window_start, h))
         / extract(epoch FROM window_end - window_start)
    END AS share,
    h = date_trunc('hour', window_start, 'UTC') AS first_hour
  FROM ${source} e,
    generate_series(
      date_trunc('hour', window_start, 'UTC'),
      greatest(window_start, window_end - interval '1 microsecond'),
      interval '1 hour') AS h
  WHERE ${hourFilter}
),
rolled AS (
  INSERT INTO emission_rollup_hourly AS r (
    organisation_id, bucket_start, kind, source, team_id, model_id, model_version_id,
    pipeline_id, region_key, event_count, measured_count, fallback_count, energy_kwh,
    facility_energy_kwh, emissions_g, emissions_min_g, emissions_max_g, embodied_g,
    source_emissions_g, inferences, requests, tokens_in, tokens_cached_in, tokens_out, samples)
  SELECT organisation_id, bucket_start, kind, source, team_id, model_id, model_version_id,
    pipeline_id, region_key,
    count(*) FILTER (WHERE first_hour),
    count(*) FILTER (WHERE first_hour AND energy_source <> 'estimated'),
    count(*) FILTER (WHERE first_hour AND intensity_fallback),
    sum(energy_kwh * share), sum(facility_energy_kwh * share), sum(emissions_g * share),
    sum(emissions_min_g * share), sum(emissions_max_g * share), sum(embodied_g * share),
    coalesce(sum(source_emissions_g * share), 0),
    coalesce(sum(inferences * share), 0), coalesce(sum(requests * share), 0),
    coalesce(sum(tokens_in * share), 0), coalesce(sum(tokens_cached_in * share), 0),
    coalesce(sum(tokens_out * share), 0), coalesce(sum(samples * share), 0)
  FROM hours
  GROUP BY organisation_id, bucket_start, kind, source, team_id, model_id, model_version_id,
    pipeline_id, region_key
  -- A fixed order takes row locks in the same order in concurrent batches.
  ORDER BY bucket_start, kind, source, region_key, team_id, model_id, model_version_id,
    pipeline_id
  ON CONFLICT (organisation_id, bucket_start, kind, source, region_key, team_id, model_id,
               model_version_id, pipeline_id)
  DO UPDATE SET
    event_count = r.event_count + excluded.event_count,
    measured_count = r.measured_count + excluded.measured_count,
    fallback_count = r.fallback_count + excluded.fallback_count,
    energy_kwh = r.energy_kwh + excluded.energy_kwh,
    facility_energy_kwh = r.facility_energy_kwh + excluded.facility_energy_kwh,
    emissions_g = r.emissions_g + excluded.emissions_g,
    emissions_min_g = r.emissions_min_g + excluded.emissions_min_g,
    emissions_max_g = r.emissions_max_g + excluded.emissions_max_g,
    embodied_g = r.embodied_g + excluded.embodied_g,
    source_emissions_g = r.source_emissions_g + excluded.source_emissions_g,
    inferences = r.inferences + excluded.inferences,
    requests = r.requests + excluded.requests,
    tokens_in = r.tokens_in + excluded.tokens_in,
    tokens_cached_in = r.tokens_cached_in + excluded.tokens_cached_in,
    tokens_out = r.tokens_out + excluded.tokens_out,
    samples = r.samples + excluded.samples
  RETURNING 1
)`;
}

// $2 and $3 are whole hours. No event is longer than MAX_WINDOW_S (priceEvent
// refuses it), so a lower bound on window_start lets the index do the work.
const REBUILD_SQL = `
WITH source_events AS (
  SELECT * FROM emission_event
   WHERE organisation_id = $1
     AND window_start < $3
     AND window_start >= $2::timestamptz - make_interval(secs => $4)
     AND window_end >= $2
),
${spreadOverHoursSql('source_events', 'h >= $2 AND h < $3')}
SELECT count(*)::int AS written FROM rolled`;

export interface RollupRange {
  from: Date;
  to: Date;
}

export interface RebuildResult {
  /** The whole hours rebuilt: [from, to). */
  from: Date;
  to: Date;
  deleted: number;
  written: number;
}

const HOUR_MS = 3_600_000;

/** The whole hours covering a range: from rounded down, to rounded up. */
export function hourAligned(range: RollupRange): RollupRange {
  const from = Math.floor(range.from.getTime() / HOUR_MS) * HOUR_MS;
  const to = Math.ceil(range.to.getTime() / HOUR_MS) * HOUR_MS;

  return { from: new Date(from), to: new Date(Math.max(to, from + HOUR_MS)) };
}

/**
 * Holds off the organisation's ingest until the caller's transaction ends:
 * every event insert checks its organisation_id foreign key with FOR KEY
 * SHARE, which waits for this FOR UPDATE. Other organisations are not held.
 */
export async function lockOrganisationWrites(client: pg.ClientBase, organisationId: string) {
  const { rowCount } = await client.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [
    organisationId,
  ]);

  return rowCount === 1;
}

/**
 * Recomputes the rollups of the whole hours covering `range` from the events
 * as stored. Call it inside the transaction that changed the events.
 */
export async function rebuildRollups(
  client: pg.ClientBase,
  organisationId: string,
  range: RollupRange,
): Promise<RebuildResult> {
  const { from, to } = hourAligned(range);
  await lockOrganisationWrites(client, organisationId);

  const deleted = await client.query(
    `DELETE FROM emission_rollup_hourly
      WHERE organisation_id = $1 AND bucket_start >= $2 AND bucket_start < $3`,
    [organisationId, from, to],
  );
  const { rows } = await client.query<{ written: number }>(REBUILD_SQL, [
    organisationId,
    from,
    to,
    MAX_WINDOW_S,
  ]);

  return { from, to, deleted: deleted.rowCount ?? 0, written: rows[0]?.written ?? 0 };
}
