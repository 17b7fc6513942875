// Where a quarter's figures came from, read from the events themselves: the
// factor sets and sources that priced them, PUEs, how energy was obtained,
// and the imports that brought them in.
import { getPool } from '@/lib/db/pool';
import type { DateRange } from '@/lib/kpi/filters';
import { eventRange } from '@/lib/kpi/event-range';

export interface FactorSetUse {
  id: string;
  name: string;
  version: number;
  description: string;
  builtIn: boolean;
  eventCount: number;
  emissionsG: number;
}

export interface SourceUse {
  source: string;
  licence: string;
  eventCount: number;
}

export interface PueUse {
  pueSource: string;
  pue: number;
  eventCount: number;
}

export interface Coverage {
  eventCount: number;
  measuredCount: number;
  powerDurationCount: number;
  estimatedCount: number;
  /** Energy measured or from power × time, 0..1; null without events. */
  measuredShare: number | null;
  estimatedShare: number | null;
  fallbackCount: number;
  /** Imports whose events fall in the period, and their rejected rows. */
  importsContributing: number;
  rejectedRowsInContributingImports: number;
  /** Imports received during the period, and their rejected rows. */
  importsReceived: number;
  rejectedRowsReceived: number;
}

export interface Lineage {
  factorSets: FactorSetUse[];
  sources: SourceUse[];
  pue: PueUse[];
  coverage: Coverage;
  trainingRuns: number;
}

async function factorSets(organisationId: string, range: DateRange) {
  const { rows } = await getPool().query<FactorSetUse>(
    `SELECT e.factor_set_id::text AS id, coalesce(f.name, 'unknown') AS name,
            e.factor_set_version AS version, coalesce(f.description, '') AS description,
            f.organisation_id IS NULL AS "builtIn",
            count(*)::float8 AS "eventCount", sum(e.emissions_g) AS "emissionsG"
       FROM emission_event e
       LEFT JOIN emission_factor_set f ON f.id = e.factor_set_id
      WHERE e.organisation_id = $1 AND e.window_start >= $2 AND e.window_start < $3
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY "eventCount" DESC, id`,
    [organisationId, range.from, range.to],
  );

  return rows;
}

async function sources(organisationId: string, range: DateRange) {
  // A source's licence is read from the factor rows it came from.
  const { rows } = await getPool().query<SourceUse>(
    `WITH used AS (
       SELECT factor_set_id, intensity_source AS source, count(*)::float8 AS n
         FROM emission_event
        WHERE organisation_id = $1 AND window_start >= $2 AND window_start < $3
        GROUP BY 1, 2
     )
     SELECT u.source,
            coalesce((SELECT string_agg(DISTINCT g.licence, ', ') FROM grid_intensity g
                       WHERE g.factor_set_id = u.factor_set_id AND g.source = u.source),
                     'unknown') AS licence,
            sum(u.n) AS "eventCount"
       FROM used u
      GROUP BY 1, 2
      ORDER BY "eventCount" DESC, source`,
    [organisationId, range.from, range.to],
  );

  return rows;
}

async function pueValues(organisationId: string, range: DateRange) {
  const { rows } = await getPool().query<PueUse>(
    `SELECT pue_source AS "pueSource", pue, count(*)::float8 AS "eventCount"
       FROM emission_event
      WHERE organisation_id = $1 AND window_start >= $2 AND window_start < $3
      GROUP BY 1, 2
      ORDER BY "eventCount" DESC, 1, 2`,
    [organisationId, range.from, range.to],
  );

  return rows;
}

async function counts(organisationId: string, range: DateRange, received: DateRange) {
  const { rows } = await getPool().query<{
    events: number;
    measured: number;
    power: number;
    estimated: number;
    fallback: number;
    training_runs: number;
    imports_contributing: number;
    rejected_contributing: number;
    imports_received: number;
    rejected_received: number;
  }>(
    `WITH e AS (
       SELECT * FROM emission_event
        WHERE organisation_id = $1 AND window_start >= $2 AND window_start < $3
     )
     SELECT count(*)::float8 AS events,
            count(*) FILTER (WHERE energy_source = 'measured')::float8 AS measured,
            count(*) FILTER (WHERE energy_source = 'power_duration')::float8 AS power,
            count(*) FILTER (WHERE energy_source = 'estimated')::float8 AS estimated,
            count(*) FILTER (WHERE intensity_fallback)::float8 AS fallback,
            -- A training event without a run counts as a run of its own.
            count(DISTINCT coalesce(run_id, id)) FILTER (WHERE kind = 'training')::float8
              AS training_runs,
            (SELECT count(*)::float8 FROM import_record i
              WHERE i.organisation_id = $1 AND i.id IN (SELECT import_id FROM e))
              AS imports_contributing,
            (SELECT coalesce(sum(rejected_count), 0)::float8 FROM import_record i
              WHERE i.organisation_id = $1 AND i.id IN (SELECT import_id FROM e))
              AS rejected_contributing,
            (SELECT count(*)::float8 FROM import_record i
              WHERE i.organisation_id = $1 AND i.created_at >= $4 AND i.created_at < $5)
              AS imports_received,
            (SELECT coalesce(sum(rejected_count), 0)::float8 FROM import_record i
              WHERE i.organisation_id = $1 AND i.created_at >= $4 AND i.created_at < $5)
              AS rejected_received
       FROM e`,
    [organisationId, range.from, range.to, received.from, received.to],
  );

  return rows[0];
}

/** Lineage of the events that the rollups of `range` hold. */
export async function getLineage(organisationId: string, range: DateRange): Promise<Lineage> {
  const events = eventRange(range);
  const [sets, used, pue, c] = await Promise.all([
    factorSets(organisationId, events),
    sources(organisationId, events),
    pueValues(organisationId, events),
    counts(organisationId, events, range),
  ]);
  const eventCount = c?.events ?? 0;
  const measuredCount = (c?.measured ?? 0) + (c?.power ?? 0);

  return {
    factorSets: sets,
    sources: used,
    pue,
    trainingRuns: c?.training_runs ?? 0,
    coverage: {
      eventCount,
      measuredCount: c?.measured ?? 0,
      powerDurationCount: c?.power ?? 0,
      estimatedCount: c?.estimated ?? 0,
      measuredShare: eventCount > 0 ? measuredCount / eventCount : null,
      estimatedShare: eventCount > 0 ? (c?.estimated ?? 0) / eventCount : null,
      fallbackCount: c?.fallback ?? 0,
      importsContributing: c?.imports_contributing ?? 0,
      rejectedRowsInContributingImports: c?.rejected_contributing ?? 0,
      importsReceived: c?.imports_received ?? 0,
      rejectedRowsReceived: c?.rejected_received ?? 0,
    },
  };
}
