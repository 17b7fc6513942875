// CSV reading shared by the factor-set builders: header-keyed records with the
// line each came from, so every problem can be reported by line.

import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line in the text where the record ends (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

export type CsvReadResult =
  { records: CsvRecord[]; header: string[] } | { error: string; line: number };

export function readCsv(text: string): CsvReadResult {
  let header: string[] = [];
  try {
    const parsed = parse(text, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim());
        return header;
      },
      info: true,
      // A short or long row is reported per row by the caller, not fatal here.
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as { info: { lines: number }; record: Record<string, string> }[];

    return {
      header,
      records: parsed.map(({ info, record }) => ({ line: info.lines, values: record })),
    };
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        error: `the file is not valid CSV: ${error.message}`,
        line: typeof error.lines === 'number' ? error.lines : 0,
      };
    }
    throw error;
  }
}
