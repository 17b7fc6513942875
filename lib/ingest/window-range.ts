// Windows no telemetry can plausibly cover: before 2000 (an epoch of zero, or
// seconds read as milliseconds) or ending more than a day ahead (a wrong
// clock or time zone). Checked for every source before pricing.
import type { NormalisedEvent } from '@/lib/ingest/types';

export const EARLIEST_WINDOW_START = new Date('2000-01-01T00:00:00Z');
export const MAX_AHEAD_MS = 86_400_000;

const utc = (date: Date) => date.toISOString().replace('.000Z', 'Z');

export interface WindowRangeIssue {
  field: 'windowStart' | 'windowEnd';
  reason: string;
}

export function checkWindowRange(event: NormalisedEvent, now: Date): WindowRangeIssue | null {
  const { windowStart, windowEnd } = event;
  if (windowStart.getTime() < EARLIEST_WINDOW_START.getTime()) {
    return {
      field: 'windowStart',
      reason:
        `the window starts at ${utc(windowStart)}, before 2000-01-01; ` +
        'check the date and, for an epoch, its unit',
    };
  }
  if (windowEnd.getTime() > now.getTime() + MAX_AHEAD_MS) {
    return {
      field: 'windowEnd',
      reason:
        `the window ends at ${utc(windowEnd)}, more than 1 day after now (${utc(now)}); ` +
        "check the sender's clock and time zone",
    };
  }

  return null;
}
