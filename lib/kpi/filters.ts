// The filters every KPI takes, parsed from a URL's search params by one zod
// schema shared by pages, API routes and React Query hooks.
import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

import { EVENT_KINDS } from '@/lib/ingest/types';
import { EARLIEST_YEAR, isRealCalendarDate, isYearInRange, LATEST_YEAR } from '@/lib/units';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-07-01')
  .refine(isRealCalendarDate, 'must be a day that exists')
  .refine(isYearInRange, `must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);
// Slugs and region keys: printable text only (no NUL or control characters).
const name = z
  .string()
  .max(100)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');
const quarter = z
  .string()
  .regex(/^\d{4}-Q[1-4]$/, 'must be a quarter like 2026-Q3')
  .refine(isYearInRange, `must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);

export const filterParamsSchema = z.object({
  quarter: quarter.optional(),
  from: day.optional(),
  to: day.optional(),
  team: name.optional(),
  model: name.optional(),
  pipeline: name.optional(),
  region: name.optional(),
  kind: z.enum(EVENT_KINDS).optional(),
});

export type FilterParams = z.infer<typeof filterParamsSchema>;

/** A from day after the to day: days are "YYYY-MM-DD", so they sort as text. */
export const datesReversed = ({ from, to }: Pick<FilterParams, 'from' | 'to'>) =>
  from !== undefined && to !== undefined && from > to;

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

export interface Quarter {
  year: number;
  quarter: number;
}

export const formatQuarter = ({ year, quarter }: Quarter) => `${year}-Q${quarter}`;

/** A quarter from "2026-Q3" (the schema has checked the form). */
export function parseQuarter(value: string): Quarter {
  const [year = 0, quarter = 1] = value.split('-Q').map(Number);

  return { year, quarter };
}

/** The quarter `by` quarters after (or, negative, before) `at`. */
export function shiftQuarter(at: Quarter, by: number): Quarter {
  const index = at.year * 4 + (at.quarter - 1) + by;

  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** A calendar quarter in the organisation's time zone. */
export function quarterRange(year: number, quarter: number, timeZone = 'UTC'): DateRange {
  return {
    from: localMidnight(year, (quarter - 1) * 3, 1, timeZone),
    to: localMidnight(year, quarter * 3, 1, timeZone),
  };
}

export function quarterOf(date: Date, timeZone = 'UTC'): Quarter {
  const local = new TZDate(date.getTime(), timeZone);

  return { year: local.getFullYear(), quarter: Math.floor(local.getMonth() / 3) + 1 };
}

/** The last quarter that has ended by `now`. */
export function lastFullQuarter(now = new Date(), timeZone = 'UTC'): Quarter {
  return shiftQuarter(quarterOf(now, timeZone), -1);
}

/** The same length of time just before `range`. */
export function previousRange(range: DateRange): DateRange {
  const length = range.to.getTime() - range.from.getTime();

  return { from: new Date(range.from.getTime() - length), to: range.from };
}

/** A period and the one it is compared with, which ends where it starts. */
export interface Period {
  range: DateRange;
  previous: DateRange;
}

const DAY_MS = 86_400_000;

const splitDay = (day: string) => {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);

  return { year, monthIndex: month - 1, date };
};

/**
 * The period the filters cover: a quarter preset, or from/to days (to
 * inclusive), else the last full quarter. A quarter is compared with the
 * calendar quarter before it, as reports do; days with as many days just
 * before. Days and quarters start at midnight in the organisation's time zone.
 */
export function periodFromParams(params: FilterParams, timeZone = 'UTC', now = new Date()): Period {
  if (!params.quarter && params.from && params.to) {
    const from = splitDay(params.from);
    const to = splitDay(params.to);
    // Calendar days, so a DST change inside the range does not shift midnight.
    const days =
      (Date.UTC(to.year, to.monthIndex, to.date) -
        Date.UTC(from.year, from.monthIndex, from.date)) /
        DAY_MS +
      1;
    const range = {
      from: localMidnight(from.year, from.monthIndex, from.date, timeZone),
      to: localMidnight(to.year, to.monthIndex, to.date + 1, timeZone),
    };

    return {
      range,
      previous: {
        from: localMidnight(from.year, from.monthIndex, from.date - days, timeZone),
        to: range.from,
      },
    };
  }
  const quarter = params.quarter ? parseQuarter(params.quarter) : lastFullQuarter(now, timeZone);
  const before = shiftQuarter(quarter, -1);

  return {
    range: quarterRange(quarter.year, quarter.quarter, timeZone),
    previous: quarterRange(before.year, before.quarter, timeZone),
  };
}
