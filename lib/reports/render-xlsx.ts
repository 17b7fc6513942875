// The data annex as XLSX: one sheet per table, numbers stored as numbers,
// units in the headers, dated at the report's "as of" instant.
import ExcelJS from 'exceljs';

import type { ReportModel } from '@/lib/reports/types';
import { reportTables } from '@/lib/reports/tables';
import { redateZip } from '@/lib/reports/zip';

export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const at = new Date(model.generatedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GreenOps';
  workbook.lastModifiedBy = 'GreenOps';
  workbook.created = at;
  workbook.modified = at;
  workbook.title = `${model.organisation.name} ${model.period.label}`;

  for (const table of reportTables(model)) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    const header = sheet.addRow(table.headers);
    header.font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(
        ...[table.headers, ...table.rows].map((r) => String(r[index] ?? '').length),
      );
      column.width = Math.min(Math.max(widest + 2, 10), 60);
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  const written = await workbook.xlsx.writeBuffer();

  return redateZip(Buffer.from(written as ArrayBuffer), at);
}
