// Reads a factor set uploaded by a sustainability officer. Nothing is guessed:
// every cell that cannot be trusted is reported with its line and column.

import { isRealCalendarDate } from '@/lib/units';

import { readCsv } from './csv';
import type { IntensityKind, IntensityRow } from './factors';
import { parseRegionKey } from './region-keys';

export interface FactorSetIssue {
  line: number;
  path: string;
  reason: string;
}

export const FACTOR_SET_COLUMNS = [
  'region_key',
  'kind',
  'year',
  'hour_start',
  'intensity_g_per_kwh',
  'source',
  'licence',
] as const;

const REQUIRED_COLUMNS = FACTOR_SET_COLUMNS.filter((column) => column !== 'hour_start');
const KINDS: readonly IntensityKind[] = ['location', 'residual_mix'];
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
// Whole hours only, and the offset is required so "10:00" means one instant.
const HOUR_START = /^\d{4}-\d{2}-\d{2}T\d{2}:00(:00(\.0+)?)?(Z|[+-]\d{2}:\d{2})$/;
// Above any fossil plant's output per kWh: such a value is almost surely in
// the wrong unit (kg or lb) or mistyped.
const MAX_INTENSITY_G_PER_KWH = 3_000;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

export function parseFactorSetCsv(text: string): {
  rows: IntensityRow[];
  issues: FactorSetIssue[];
} {
  const read = readCsv(text);
  if ('error' in read)
    return { rows: [], issues: [{ line: read.line, path: 'file', reason: read.error }] };

  const missing = REQUIRED_COLUMNS.filter((column) => !read.header.includes(column));
  if (missing.length > 0) {
    const reason = `missing column(s) ${missing.join(', ')}; expected ${FACTOR_SET_COLUMNS.join(',')}`;
    return { rows: [], issues: [{ line: 1, path: 'header', reason }] };
  }

  const rows: IntensityRow[] = [];
  const issues: FactorSetIssue[] = [];
  const firstLineBySlot = new Map<string, number>();
  for (const { line, values } of read.records) {
    const rowIssues: FactorSetIssue[] = [];
    const fail = (path: string, reason: string) => rowIssues.push({ line, path, reason });
    const cell = (column: string) => values[column] ?? '';

    const regionKey = parseRegionKey(cell('region_key'));
    if ('reason' in regionKey) fail('region_key', regionKey.reason);

    const kind = cell('kind') as IntensityKind;
    if (!KINDS.includes(kind)) {
      fail('kind', `unknown kind "${cell('kind')}" (expected location or residual_mix)`);
    }

    const hourStart = parseHourStart(cell('hour_start'), fail);
    const year = parseYear(cell('year'), hourStart, fail);
    const intensityGPerKwh = parseIntensity(cell('intensity_g_per_kwh'), fail);

    const source = cell('source');
    if (!source) fail('source', 'source is required so reports can say where the number came from');
    const licence = cell('licence');
    if (!licence) fail('licence', 'licence is required (e.g. CC-BY-4.0, or "proprietary")');

    if (
      rowIssues.length > 0 ||
      'reason' in regionKey ||
      year === null ||
      intensityGPerKwh === null
    ) {
      issues.push(...rowIssues);
      continue;
    }

    const slot = `${regionKey.key}|${kind}|${hourStart ? hourStart.getTime() : `y${year}`}`;
    const firstLine = firstLineBySlot.get(slot);
    if (firstLine !== undefined) {
      issues.push({ line, path: 'region_key', reason: `duplicate of line ${firstLine}` });
      continue;
    }
    firstLineBySlot.set(slot, line);
    rows.push({
      regionKey: regionKey.key,
      kind,
      year,
      hourStart,
      intensityGPerKwh,
      source,
      licence,
    });
  }

  return { rows, issues };
}

type Fail = (path: string, reason: string) => void;

function parseHourStart(text: string, fail: Fail): Date | null {
  if (!text) return null;
  const date = new Date(text);
  if (!HOUR_START.test(text) || Number.isNaN(date.getTime()) || !isRealCalendarDate(text)) {
    fail(
      'hour_start',
      `"${text}" is not the start of an hour in ISO 8601 with an offset, e.g. 2024-03-01T13:00:00Z`,
    );
    return null;
  }

  return date;
}

function parseYear(text: string, hourStart: Date | null, fail: Fail): number | null {
  // An hourly row is filed under its UTC year unless the officer says otherwise.
  if (!text && hourStart) return hourStart.getUTCFullYear();
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < MIN_YEAR || year > MAX_YEAR) {
    fail('year', `"${text}" is not a year between ${MIN_YEAR} and ${MAX_YEAR}`);
    return null;
  }

  return year;
}

function parseIntensity(text: string, fail: Fail): number | null {
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    fail('intensity_g_per_kwh', `"${text}" is not a number`);
    return null;
  }
  if (value < 0) {
    fail('intensity_g_per_kwh', `negative intensity ${text}: a grid cannot emit less than nothing`);
    return null;
  }
  if (value > MAX_INTENSITY_G_PER_KWH) {
    fail(
      'intensity_g_per_kwh',
      `${text} gCO2e/kWh is above ${MAX_INTENSITY_G_PER_KWH}; is the value in g per kWh (not kg or t)?`,
    );
    return null;
  }

  return value;
}
