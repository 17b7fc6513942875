// The filters every KPI takes, parsed from a URL's search params by one zod
// schema shared by pages, API routes and React Query hooks.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

import { EVENT_KINDS } from '@/lib/ingest/types';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-07-01');
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q3');

export const filterParamsSchema = z.object({
  quarter: quarter.optional(),
  from: day.optional(),
  to: day.optional(),
  team: z.string().max(100).optional(),
  model: z.string().max(100).optional(),
  pipeline: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
});

export type FilterParams = z.infer<typeof filterParamsSchema>;

export interface DateRange {
  /** Inclusive start (UTC instant). */
  from: Date;
  /** Exclusive end (UTC instant). */
  to: Date;
}

/** Filters resolved to ids, as the queries take them. */
export interface KpiFilters {
  teamId?: string;
  modelId?: string;
  pipelineId?: string;
  regionKey?: string;
  kind?: (typeof EVENT_KINDS)[number];
}

/** Local midnight of a calendar day in `timeZone`, as an instant. */
function localMidnight(year: number, monthIndex: number, day: number, timeZone: string): Date {
  return new Date(new TZDate(year, monthIndex, day, timeZone).getTime());
}

/** A calendar quarter in the organisation's time zone. */
export function quarterRange(year: number, quarter: number, timeZone = 'UTC'): DateRange {
  return {
    from: localMidnight(year, (quarter - 1) * 3, 1, timeZone),
    to: localMidnight(year, quarter * 3, 1, timeZone),
  };
}

export function quarterOf(date: Date, timeZone = 'UTC') {
  const local = new TZDate(date.getTime(), timeZone);

  return { year: local.getFullYear(), quarter: Math.floor(local.getMonth() / 3) + 1 };
}

/** The last quarter that has ended by `now`. */
export function lastFullQuarter(now = new Date(), timeZone = 'UTC') {
  const { year, quarter } = quarterOf(now, timeZone);

  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/** The same length of time just before `range`. */
export function previousRange(range: DateRange): DateRange {
  const length = range.to.getTime() - range.from.getTime();

  return { from: new Date(range.from.getTime() - length), to: range.from };
}

/**
 * Quarter preset, or from/to days (to inclusive), else the last full quarter;
 * days and quarters start at midnight in the organisation's time zone.
 */
export function rangeFromParams(params: FilterParams, timeZone = 'UTC', now = new Date()) {
  if (params.quarter) {
    const [year = 0, quarter = 1] = params.quarter.split('-Q').map(Number);

    return quarterRange(year, quarter, timeZone);
  }
  if (params.from && params.to) {
    const [fy = 0, fm = 1, fd = 1] = params.from.split('-').map(Number);
    const [ty = 0, tm = 1, td = 1] = params.to.split('-').map(Number);

    return {
      from: localMidnight(fy, fm - 1, fd, timeZone),
      to: localMidnight(ty, tm - 1, td + 1, timeZone),
    } satisfies DateRange;
  }
  const last = lastFullQuarter(now, timeZone);

  return quarterRange(last.year, last.quarter, timeZone);
}
