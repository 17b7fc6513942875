// Quarters as reports name them ("2026-Q3") and the ranges they cover in the
// organisation's time zone.
import { quarterRange, type DateRange } from '@/lib/kpi/filters';

export interface Quarter {
  year: number;
  quarter: number;
}

export const quarterLabel = ({ year, quarter }: Quarter) => `${year}-Q${quarter}`;

/** The quarter `by` quarters after (or, negative, before) `at`. */
export function shiftQuarter(at: Quarter, by: number): Quarter {
  const index = at.year * 4 + (at.quarter - 1) + by;

  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

export const rangeOf = (at: Quarter, timeZone: string): DateRange =>
  quarterRange(at.year, at.quarter, timeZone);
