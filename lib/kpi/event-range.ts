// Rollups file an event under the UTC hour its window starts in, so a range
// over rollups (bucket_start >= from) holds exactly the events starting at or
// after the next whole hour. Lineage queries over events use the same edges.
import type { DateRange } from '@/lib/kpi/filters';

const HOUR_MS = 3_600_000;

const ceilHour = (at: Date) => new Date(Math.ceil(at.getTime() / HOUR_MS) * HOUR_MS);

export function eventRange(range: DateRange): DateRange {
  return { from: ceilHour(range.from), to: ceilHour(range.to) };
}
