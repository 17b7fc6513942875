// Emissions over time, in the viewer's time zone, every bucket present (empty
// ones as zero) so a chart never joins distant points.
import { getPool } from '@/lib/db/pool';
import type { DateRange, KpiFilters } from '@/lib/kpi/filters';
import { Params, rollupWhere } from '@/lib/kpi/sql';

export type Bucket = 'hour' | 'day' | 'week' | 'month';
export type SeriesGroup = 'kind' | 'team' | 'model' | 'none';

const DAY_MS = 86_400_000;

/** Bucket size for a range: about 30 to 200 points. */
export function bucketFor(range: DateRange): Bucket {
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  if (days <= 3) return 'hour';
  if (days <= 95) return 'day';
  if (days <= 400) return 'week';

  return 'month';
}

const GROUPS: Record<SeriesGroup, { key: string; label: string; join: string }> = {
  none: { key: "'total'", label: "'Total'", join: '' },
  kind: { key: 'r.kind::text', label: 'r.kind::text', join: '' },
  team: {
    key: "coalesce(r.team_id::text, 'none')",
    label: "coalesce(t.name, 'No team')",
    join: 'LEFT JOIN team t ON t.organisation_id = r.organisation_id AND t.id = r.team_id',
  },
  model: {
    key: "coalesce(r.model_id::text, 'none')",
    label: "coalesce(m.name, 'No model')",
    join: 'LEFT JOIN model m ON m.organisation_id = r.organisation_id AND m.id = r.model_id',
  },
};

export interface TimeSeries {
  bucket: Bucket;
  timeZone: string;
  groups: { key: string; label: string }[];
  /** start: local time of the bucket's start, `YYYY-MM-DDTHH:mm`. */
  points: {
    start: string;
    emissionsG: Record<string, number>;
    energyKwh: Record<string, number>;
    inferences: Record<string, number>;
  }[];
}

export async function getTimeSeries(
  organisationId: string,
  range: DateRange,
  options: { filters?: KpiFilters; group?: SeriesGroup; timeZone?: string; bucket?: Bucket } = {},
): Promise<TimeSeries> {
  const bucket = options.bucket ?? bucketFor(range);
  const timeZone = options.timeZone ?? 'UTC';
  const group = GROUPS[options.group ?? 'none'];
  const params = new Params();
  const where = rollupWhere(params, organisationId, range, options.filters);
  const tz = params.add(timeZone);
  const unit = params.add(bucket);
  const step = params.add(`1 ${bucket}`);
  const from = params.add(range.from);
  const to = params.add(range.to);
  const { rows } = await getPool().query<{
    start: string;
    key: string | null;
    label: string | null;
    emissions_g: number | null;
    energy_kwh: number | null;
    inferences: number | null;
  }>(
    `WITH series AS (
       SELECT generate_series(
         date_trunc(${unit}, ${from}::timestamptz AT TIME ZONE ${tz}),
         (${to}::timestamptz AT TIME ZONE ${tz}) - interval '1 microsecond',
         ${step}::interval) AS local_start
     ),
     sums AS (
       SELECT date_trunc(${unit}, r.bucket_start AT TIME ZONE ${tz}) AS local_start,
              ${group.key} AS key, ${group.label} AS label,
              sum(r.facility_energy_kwh) AS energy_kwh, sum(r.emissions_g) AS emissions_g,
              sum(r.inferences) AS inferences
         FROM emission_rollup_hourly r ${group.join}
        WHERE ${where}
        GROUP BY 1, 2, 3
     )
     SELECT to_char(s.local_start, 'YYYY-MM-DD"T"HH24:MI') AS start, x.key, x.label,
            x.emissions_g, x.energy_kwh, x.inferences
       FROM series s LEFT JOIN sums x ON x.local_start = s.local_start
      ORDER BY s.local_start, x.key`,
    params.values,
  );
  const groups = new Map<string, string>();
  const points = new Map<string, TimeSeries['points'][number]>();
  for (const row of rows) {
    const point = points.get(row.start) ?? {
      start: row.start,
      emissionsG: {},
      energyKwh: {},
      inferences: {},
    };
    points.set(row.start, point);
    if (row.key === null) continue;
    groups.set(row.key, row.label ?? row.key);
    point.emissionsG[row.key] = row.emissions_g ?? 0;
    point.energyKwh[row.key] = row.energy_kwh ?? 0;
    point.inferences[row.key] = row.inferences ?? 0;
  }
  for (const point of points.values()) {
    for (const key of groups.keys()) {
      point.emissionsG[key] ??= 0;
      point.energyKwh[key] ??= 0;
      point.inferences[key] ??= 0;
    }
  }

  return {
    bucket,
    timeZone,
    groups: [...groups].map(([key, label]) => ({ key, label })),
    points: [...points.values()],
  };
}
