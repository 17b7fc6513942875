// The report file names the API serves, "2026-Q3.pdf", parsed with one schema.
import { z } from 'zod';

import { REPORT_FORMATS, type ReportFormat } from '@/lib/reports/formats';
import type { Quarter } from '@/lib/reports/period';

const FILE = /^(\d{4})-Q([1-4])\.([a-z]+)$/;

export const reportFileSchema = z
  .string()
  .regex(FILE, { error: 'must be a file name like 2026-Q3.pdf' })
  .transform((name) => {
    const [, year = '0', quarter = '1', format = ''] = FILE.exec(name) ?? [];

    return { year: Number(year), quarter: Number(quarter), format };
  })
  .pipe(
    z.object({
      year: z.number().int().min(2000, { error: 'year must be 2000 or later' }).max(2100),
      quarter: z.number().int().min(1).max(4),
      format: z.enum(REPORT_FORMATS, { error: 'format must be one of pdf, xlsx, zip, json' }),
    }),
  );

export type ReportFile = Quarter & { format: ReportFormat };

export const reportPath = (q: Quarter, format: ReportFormat) =>
  `/api/v1/reports/${q.year}-Q${q.quarter}.${format}`;
