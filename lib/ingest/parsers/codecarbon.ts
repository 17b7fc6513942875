// CodeCarbon emissions.csv → one training event per run. flush() writes cumulative
// rows, so a run's total is its longest usable row, never the sum of its rows.
import { parse } from 'csv-parse/sync';

import type { NormalisedEvent, ParsedItem, ParseResult } from '@/lib/ingest/types';
import { kgToG } from '@/lib/units';

import { type CodeCarbonRow, type CsvRecord, presentValue, readRow } from './codecarbon-rows';
import { echoInput } from './echo';
import { BodyError } from './errors';
import { canonicalJson, sha256Hex } from './hash';
import { slugify } from './slug';
import { codeCarbonSourcePath } from './source-paths';
import { assertTimeZone } from './timestamps';

export interface CodeCarbonOptions {
  /** IANA zone the file's naive timestamps were written in; UTC when unset. */
  timeZone?: string;
}

const REQUIRED_COLUMNS = ['timestamp', 'project_name', 'duration', 'emissions', 'energy_consumed'];
const TEXT_ATTRIBUTES = ['codecarbon_version', 'cpu_model', 'gpu_model', 'os', 'tracking_mode'];
// Rows of one run without a run_id share a start (timestamp − duration) up to
// the timestamp's whole-second rounding.
const SAME_START_TOLERANCE_MS = 2_000;

interface CsvRow {
  record: CsvRecord;
  raw: string;
  info: { lines: number; error?: unknown };
}

function readCsv(text: string): { columns: string[]; rows: CsvRow[] } {
  let columns: string[] = [];
  try {
    const rows = parse(text, {
      bom: true,
      columns: (header: string[]) => (columns = header.map((name) => name.trim())),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
    }) as CsvRow[];
    return { columns, rows };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    throw new BodyError('invalid_csv', `the file is not valid CSV: ${echoInput(detail)}`);
  }
}

/** A run's identity: its run_id, or in 1.x files (no run_id column) its experiment_id. */
function runIdOf(record: CsvRecord, hasRunIdColumn: boolean): string | undefined {
  return hasRunIdColumn ? presentValue(record, 'run_id') : presentValue(record, 'experiment_id');
}

/** Groups rows into runs; rows that cannot be placed in time stand alone. */
function groupRuns(rows: CodeCarbonRow[], hasRunIdColumn: boolean): CodeCarbonRow[][] {
  const byRunId = new Map<string, CodeCarbonRow[]>();
  const unnamed: Array<{ key: string; startMs: number; rows: CodeCarbonRow[] }> = [];
  const alone: CodeCarbonRow[][] = [];

  for (const row of rows) {
    if (row.endMs === undefined || row.durationS === undefined) {
      alone.push([row]);
      continue;
    }
    const runId = runIdOf(row.record, hasRunIdColumn);
    if (runId !== undefined) {
      byRunId.set(runId, [...(byRunId.get(runId) ?? []), row]);
      continue;
    }
    const key = `${row.record.project_name ?? ''}\u0000${row.record.experiment_id ?? ''}`;
    const startMs = row.endMs - row.durationS * 1000;
    const run = unnamed.find(
      (r) => r.key === key && Math.abs(r.startMs - startMs) <= SAME_START_TOLERANCE_MS,
    );
    if (run) run.rows.push(row);
    else unnamed.push({ key, startMs, rows: [row] });
  }

  return [...byRunId.values(), ...unnamed.map((run) => run.rows), ...alone];
}

/** The longest cumulative row (the later one on a tie). */
function longestRow(rows: CodeCarbonRow[]): CodeCarbonRow {
  return rows.reduce((best, row) => ((row.durationS ?? 0) >= (best.durationS ?? 0) ? row : best));
}

/**
 * The rows a run answers with: its longest row, and when that one cannot be
 * priced (blank, zero or negative energy, as after a crash or a counter
 * wrap), also its longest row that can, so the energy measured up to the
 * last good flush is still counted.
 */
function runRows(run: CodeCarbonRow[]): CodeCarbonRow[] {
  const longest = longestRow(run);
  if (longest.values) return [longest];
  const usable = run.filter((row) => row.values !== undefined);

  return usable.length > 0 ? [longest, longestRow(usable)] : [longest];
}

function attributesOf(record: CsvRecord, timeZone: string | undefined, hasPue: boolean) {
  const attributes: Record<string, string | number | boolean> = {};
  for (const column of TEXT_ATTRIBUTES) {
    const value = presentValue(record, column);
    if (value !== undefined) attributes[column] = value;
  }
  const water = Number(presentValue(record, 'water_consumed'));
  if (presentValue(record, 'water_consumed') !== undefined && Number.isFinite(water)) {
    attributes.water_consumed = water;
  }
  const region = presentValue(record, 'region');
  if (region !== undefined) attributes.region = region;
  attributes.timestamp_time_zone = timeZone ?? 'UTC';
  attributes.timestamp_time_zone_assumed = timeZone === undefined;
  if (!hasPue) attributes.pue_note = 'no pue column: CodeCarbon applied no PUE, 1 assumed';

  return attributes;
}

function toEvent(
  row: CodeCarbonRow,
  run: { id: string | undefined; column: string },
  timeZone?: string,
): ParsedItem {
  const runId = run.id;
  const { values, record } = row;
  if (!values) return { index: row.index, ok: false, issues: row.issues, raw: row.raw };

  const idempotencyKey =
    runId !== undefined ? `codecarbon:${runId}` : `codecarbon:${sha256Hex(canonicalJson(record))}`;
  const event: NormalisedEvent = {
    idempotencyKey,
    kind: 'training',
    windowStart: new Date(values.windowEnd.getTime() - values.durationS * 1000),
    windowEnd: values.windowEnd,
    pipelineSlug: slugify(record.project_name ?? ''),
    runExternalId: runId === undefined ? undefined : `codecarbon:${runId}`,
    runKind: 'training',
    energy: {
      kind: 'kwh',
      totalKwh: values.energyKwh,
      ...(values.cpuKwh !== undefined && { cpuKwh: values.cpuKwh }),
      ...(values.gpuKwh !== undefined && { gpuKwh: values.gpuKwh }),
      ...(values.ramKwh !== undefined && { ramKwh: values.ramKwh }),
      includesPue: true,
    },
    pue: values.pue ?? 1,
    location: {
      ...(values.countryIso !== undefined && { countryIso: values.countryIso }),
      ...(presentValue(record, 'cloud_provider') !== undefined && {
        cloudProvider: presentValue(record, 'cloud_provider'),
      }),
      ...(presentValue(record, 'cloud_region') !== undefined && {
        cloudRegion: presentValue(record, 'cloud_region'),
      }),
    },
    work: {},
    sourceEmissionsG: kgToG(values.emissionsKg),
    attributes: attributesOf(record, timeZone, values.pue !== undefined),
  };
  if (event.pipelineSlug === undefined) delete event.pipelineSlug;
  if (event.runExternalId === undefined) delete event.runExternalId;

  const sourcePath = codeCarbonSourcePath(row.line, runId === undefined ? undefined : run.column);

  return { index: row.index, ok: true, event, sourcePath };
}

/**
 * Parses an emissions.csv. One item per run (at the index of the run's total
 * row), one per row that cannot be read, and one for a run's longest row when
 * a shorter one had to stand for it; other superseded cumulative rows give none.
 */
export function parseCodeCarbonCsv(text: string, options: CodeCarbonOptions = {}): ParseResult {
  const { timeZone } = options;
  if (timeZone !== undefined) {
    try {
      assertTimeZone(timeZone);
    } catch {
      const shown = echoInput(timeZone);
      throw new BodyError('invalid_time_zone', `"${shown}" is not an IANA time zone name`);
    }
  }
  const { columns, rows } = readCsv(text);
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new BodyError(
      'missing_columns',
      `the file has no ${missing.join(', ')} column; is it a CodeCarbon emissions.csv?`,
    );
  }

  const hasRunIdColumn = columns.includes('run_id');
  const runColumn = hasRunIdColumn ? 'run_id' : 'experiment_id';
  const readRows = rows.map(({ record, raw, info }, index) => {
    const trimmedRaw = raw.replace(/\r?\n?$/, '').replace(/\r$/, '');
    const line = info.lines - (trimmedRaw.match(/\n/g)?.length ?? 0);
    return readRow({ index, line, raw: trimmedRaw, record }, columns.length, timeZone);
  });
  const items = groupRuns(readRows, hasRunIdColumn).flatMap((run) =>
    runRows(run).map((row) =>
      toEvent(row, { id: runIdOf(row.record, hasRunIdColumn), column: runColumn }, timeZone),
    ),
  );

  return { items: items.sort((a, b) => a.index - b.index) };
}
