// Reads and checks one row of a CodeCarbon emissions.csv, by column name, so the
// 12- to 38-column layouts of every CodeCarbon version read the same way.
import type { ItemIssue } from '@/lib/ingest/types';

import { echoInput } from './echo';
import { parseWallTimestamp } from './timestamps';

export type CsvRecord = Record<string, string | undefined>;

export interface RowValues {
  windowEnd: Date;
  durationS: number;
  emissionsKg: number;
  energyKwh: number;
  cpuKwh?: number;
  gpuKwh?: number;
  ramKwh?: number;
  /** The PUE CodeCarbon applied, when the file has a pue column. */
  pue?: number;
  countryIso?: string;
}

export interface CodeCarbonRow {
  /** 0-based position among the data rows. */
  index: number;
  /** 1-based line in the file; the header is line 1. */
  line: number;
  raw: string;
  record: CsvRecord;
  /** Set when the row can be placed on the time line (for grouping runs). */
  endMs?: number;
  durationS?: number;
  values?: RowValues;
  issues: ItemIssue[];
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type NumberReading = { value?: number; reason?: string };

function readNumber(record: CsvRecord, column: string, required: boolean): NumberReading {
  const text = record[column]?.trim() ?? '';
  if (text === '') return required ? { reason: `${column} is blank` } : {};
  if (!DECIMAL.test(text)) return { reason: `${column} "${echoInput(text)}" is not a number` };

  return { value: Number(text) };
}

function readEnergy(record: CsvRecord, column: string, required: boolean): NumberReading {
  const reading = readNumber(record, column, required);
  if (reading.value !== undefined && reading.value < 0) {
    return {
      reason:
        `${column} is negative (${reading.value} kWh), as when an energy counter wraps ` +
        'around; the row cannot be priced',
    };
  }

  return reading;
}

/** The trimmed value of a column, or undefined when the column is missing or blank. */
export function presentValue(record: CsvRecord, column: string): string | undefined {
  const text = record[column]?.trim();

  return text === '' ? undefined : text;
}

/** Checks one row; `timeZone` is the IANA zone of its naive timestamp (UTC if unset). */
export function readRow(
  base: Omit<CodeCarbonRow, 'issues'>,
  columnCount: number,
  timeZone: string | undefined,
): CodeCarbonRow {
  const { record, line } = base;
  const fieldCount = Object.keys(record).length;
  if (fieldCount < columnCount) {
    const reason =
      `the row has ${fieldCount} of the header's ${columnCount} columns ` +
      '(a partial line, e.g. from two trackers writing the file at once)';
    return { ...base, issues: [{ path: `line ${line}`, reason }] };
  }

  const issues: ItemIssue[] = [];
  const note = (column: string, reason: string | undefined) => {
    if (reason) issues.push({ path: `line ${line}: ${column}`, reason });
  };

  const timestamp = parseWallTimestamp(record.timestamp ?? '', 'timestamp', timeZone);
  note('timestamp', timestamp.ok ? undefined : timestamp.reason);
  const duration = readNumber(record, 'duration', true);
  note('duration', duration.reason);
  if (duration.value !== undefined && duration.value <= 0) {
    note('duration', 'duration must be more than 0 seconds');
  }
  const emissions = readNumber(record, 'emissions', true);
  note('emissions', emissions.reason);
  if (emissions.value !== undefined && emissions.value < 0) {
    note('emissions', `emissions is negative (${emissions.value} kg)`);
  }
  const energy = readEnergy(record, 'energy_consumed', true);
  note('energy_consumed', energy.reason);
  if (energy.value === 0) {
    note(
      'energy_consumed',
      'energy_consumed is 0 kWh: CodeCarbon measured no energy for this run, so it cannot be priced',
    );
  }
  const [cpuKwh, gpuKwh, ramKwh] = ['cpu_energy', 'gpu_energy', 'ram_energy'].map((column) => {
    const reading = readEnergy(record, column, false);
    note(column, reading.reason);
    return reading.value;
  });
  const pue = readNumber(record, 'pue', false);
  note('pue', pue.reason);
  if (pue.value !== undefined && pue.value < 1) note('pue', 'pue must be at least 1');
  const countryIso = presentValue(record, 'country_iso_code')?.toUpperCase();
  if (countryIso !== undefined && !/^[A-Z]{2,3}$/.test(countryIso)) {
    const shown = echoInput(countryIso);
    note('country_iso_code', `country_iso_code "${shown}" is not an ISO 3166 code`);
  }

  if (!timestamp.ok || duration.value === undefined || duration.value <= 0) {
    return { ...base, issues };
  }
  const row = { ...base, endMs: timestamp.date.getTime(), durationS: duration.value };
  if (issues.length > 0 || emissions.value === undefined || energy.value === undefined) {
    return { ...row, issues };
  }

  const values: RowValues = {
    windowEnd: timestamp.date,
    durationS: row.durationS,
    emissionsKg: emissions.value,
    energyKwh: energy.value,
    cpuKwh,
    gpuKwh,
    ramKwh,
    pue: pue.value,
    countryIso,
  };

  return { ...row, values, issues };
}
