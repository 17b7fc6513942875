// The data annex as CSV: one RFC 4180 file per table, zipped, with a README
// naming the report. Numbers keep full precision.
import type { ReportModel } from '@/lib/reports/types';
import { reportTables, type Cell } from '@/lib/reports/tables';
import { deterministicZip } from '@/lib/reports/zip';

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : cell;

  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function readme(model: ReportModel): string {
  return [
    `${model.organisation.name}: quarterly emissions report ${model.period.label}`,
    `Generated ${model.generatedAt}${model.provisional ? ' (PROVISIONAL: the quarter is not over)' : ''}`,
    `Period ${model.period.from} to ${model.period.to} (exclusive), time zone ${model.period.timeZone}`,
    model.empty ? 'No telemetry was recorded in this quarter.' : '',
    'One CSV per table; units are in the headers; emissions are location-based unless named.',
    '',
  ].join('\n');
}

export async function renderCsvZip(model: ReportModel): Promise<Buffer> {
  const prefix = `${model.organisation.slug}-${model.period.label}`;
  const files = reportTables(model).map((table) => ({
    name: `${prefix}/${table.name}.csv`,
    content: toCsv(table.headers, table.rows),
  }));

  return deterministicZip(
    [{ name: `${prefix}/README.txt`, content: readme(model) }, ...files],
    new Date(model.generatedAt),
  );
}
