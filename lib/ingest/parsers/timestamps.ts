// Reads ISO 8601 timestamps strictly: real calendar dates, and an explicit UTC
// offset unless the caller says which time zone a naive wall time is in.

import { echoInput } from './echo';

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

type ReadResult =
  | { ok: true; wall: WallTime; offsetMinutes: number | null }
  | { ok: false; problem: 'malformed' | 'not_a_date' };

function offsetToMinutes(offset: string): number | null {
  if (offset === 'Z' || offset === 'z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return null;

  return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function read(text: string): ReadResult {
  const match = ISO_PATTERN.exec(text.trim());
  if (!match) return { ok: false, problem: 'malformed' };

  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Math.floor(Number(`0.${fraction ?? 0}`) * 1000),
  };
  const asUtc = new Date(wallToUtcMs(wall));
  const isRealDate =
    asUtc.getUTCFullYear() === wall.year &&
    asUtc.getUTCMonth() + 1 === wall.month &&
    asUtc.getUTCDate() === wall.day &&
    wall.hour < 24 &&
    wall.minute < 60 &&
    wall.second < 60;
  const offsetMinutes = offset === undefined ? null : offsetToMinutes(offset);
  if (!isRealDate || (offset !== undefined && offsetMinutes === null)) {
    return { ok: false, problem: 'not_a_date' };
  }

  return { ok: true, wall, offsetMinutes };
}

function wallToUtcMs(wall: WallTime): number {
  const { year, month, day, hour, minute, second, millisecond } = wall;

  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
}

export type TimestampResult = { ok: true; date: Date } | { ok: false; reason: string };

/** A timestamp that must carry its own offset (JSON events). */
export function parseOffsetTimestamp(text: string, field: string): TimestampResult {
  const result = read(text);
  const shown = echoInput(text);
  if (!result.ok) {
    return {
      ok: false,
      reason:
        result.problem === 'malformed'
          ? `${field} "${shown}" is not an ISO 8601 timestamp; send e.g. 2024-05-01T10:00:00Z`
          : `${field} "${shown}" is not a real date and time`,
    };
  }
  if (result.offsetMinutes === null) {
    return {
      ok: false,
      reason: `timestamp "${shown}" has no UTC offset; send e.g. ${shown.trim()}Z`,
    };
  }

  return { ok: true, date: new Date(wallToUtcMs(result.wall) - result.offsetMinutes * 60_000) };
}

/** Throws RangeError for a name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(utcMs));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wallMs = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );

  return wallMs - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A timestamp that may be a naive wall time (CodeCarbon). A naive time is read
 * in `timeZone` (IANA name) when given, else as UTC; an explicit offset wins.
 */
export function parseWallTimestamp(
  text: string,
  field: string,
  timeZone?: string,
): TimestampResult {
  const result = read(text);
  if (!result.ok) {
    return { ok: false, reason: `${field} "${echoInput(text)}" is not a date and time` };
  }

  const wallMs = wallToUtcMs(result.wall);
  if (result.offsetMinutes !== null) {
    return { ok: true, date: new Date(wallMs - result.offsetMinutes * 60_000) };
  }
  if (!timeZone) return { ok: true, date: new Date(wallMs) };

  // Two passes settle the offset on either side of a DST change.
  const firstGuess = wallMs - zoneOffsetMs(wallMs, timeZone);

  return { ok: true, date: new Date(wallMs - zoneOffsetMs(firstGuess, timeZone)) };
}
