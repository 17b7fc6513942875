// The formats a report is archived in: how each is rendered and served.
import { renderCsvZip } from '@/lib/reports/render-csv-zip';
import { renderJson } from '@/lib/reports/render-json';
import { renderPdf } from '@/lib/reports/render-pdf';
import { renderXlsx } from '@/lib/reports/render-xlsx';
import type { ReportModel } from '@/lib/reports/types';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'zip', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FORMAT_INFO: Record<
  ReportFormat,
  { label: string; contentType: string; render: (model: ReportModel) => Promise<Buffer> }
> = {
  pdf: { label: 'PDF report', contentType: 'application/pdf', render: renderPdf },
  xlsx: {
    label: 'Data annex (XLSX)',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: renderXlsx,
  },
  zip: { label: 'Data annex (CSV, zipped)', contentType: 'application/zip', render: renderCsvZip },
  json: {
    label: 'JSON',
    contentType: 'application/json; charset=utf-8',
    render: async (model) => renderJson(model),
  },
};

/** e.g. "helio-labs-2026-Q3-v2.pdf" */
export function reportFileName(
  organisationSlug: string,
  period: { year: number; quarter: number },
  version: number,
  format: ReportFormat,
) {
  return `${organisationSlug}-${period.year}-Q${period.quarter}-v${version}.${format}`;
}
