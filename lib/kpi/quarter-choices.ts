// The quarters the period picker offers: the one in progress, then the last
// full ones, newest first, from "now" in the organisation's time zone.
import { formatQuarter, parseQuarter, shiftQuarter } from '@/lib/kpi/filters';

export interface QuarterChoice {
  value: string;
  label: string;
}

/**
 * `current` (e.g. "2026-Q4") and the `count` quarters before it; a
 * `selected` quarter outside them (from a link) is listed too, in order.
 */
export function quarterChoices(current: string, selected?: string, count = 6): QuarterChoice[] {
  const now = parseQuarter(current);
  const values = Array.from({ length: count + 1 }, (_, i) => formatQuarter(shiftQuarter(now, -i)));
  if (selected && !values.includes(selected)) {
    values.push(selected);
    // "YYYY-Qn" sorts as text in time order.
    values.sort((a, b) => b.localeCompare(a));
  }

  return values.map((value) => ({
    value,
    label: value === current ? `${value} (in progress)` : value,
  }));
}
