import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { formatEmissions, formatEnergy, formatNumber } from '@/lib/format';
import { buildReportModel } from '@/lib/reports/build-report';
import { renderCsvZip } from '@/lib/reports/render-csv-zip';
import { renderJson } from '@/lib/reports/render-json';
import { renderPdf } from '@/lib/reports/render-pdf';
import { renderXlsx } from '@/lib/reports/render-xlsx';
import { EXPECTED, setUpReportFixture, type ReportFixture } from '@/lib/reports/test-fixture';
import type { ReportModel } from '@/lib/reports/types';

let fixture: ReportFixture;
let model: ReportModel;

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });

  return text;
}

beforeAll(async () => {
  fixture = await setUpReportFixture();
  model = await buildReportModel(fixture.organisationId, 2026, 3, {
    now: new Date('2026-10-15T00:00:00Z'),
    timeZone: 'UTC',
  });
});
afterAll(async () => {
  await fixture.database.drop();
});

describe('renderPdf', () => {
  it('typesets the figures, the contents and a page number on every page', async () => {
    const bytes = await renderPdf(model);
    const pages = await pdfPages(bytes);
    const text = pages.join('\n');

    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    for (const figure of [
      formatEmissions(EXPECTED.locationG),
      formatEmissions(EXPECTED.marketG),
      formatEnergy(EXPECTED.energyKwh),
      formatEmissions(EXPECTED.byTeam.Alpha),
      formatEmissions(EXPECTED.byTeam.Beta),
      formatEmissions(EXPECTED.months['2026-07']),
      'Alpha team +4.00 kgCO2e (training in country:USA, new this quarter)',
      'Scope 3 category 1',
      'Contents',
      'Ember',
      'CC-BY-4.0',
    ]) {
      expect(text).toContain(figure);
    }
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    expect(text).not.toContain('PROVISIONAL');
  });

  it('gives the same bytes for the same model', async () => {
    expect((await renderPdf(model)).equals(await renderPdf(model))).toBe(true);
  });

  it('shows one energy figure, incl. PUE, on the cover and as the E1-5 total', async () => {
    const [cover = '', ...rest] = await pdfPages(await renderPdf(model));
    const mwh = formatNumber(EXPECTED.energyKwh / 1000);

    expect(cover).toContain(`Energy, facility incl. PUE ${formatEnergy(EXPECTED.energyKwh)}`);
    expect(rest.join('\n')).toContain(
      `Total energy consumption, facility incl. PUE (all kinds) ${mwh}`,
    );
  });

  it('writes counts of work as whole numbers with their unit', async () => {
    const text = (await pdfPages(await renderPdf(model))).join('\n');

    expect(text).toContain('2 training runs');
    expect(text).toContain('2,000 inferences');
    expect(text).toMatch(/per 1,000 tokens .+ 15,000 tokens/);
  });

  it('marks every page of a quarter in progress as provisional', async () => {
    const pages = await pdfPages(await renderPdf({ ...model, provisional: true }));

    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain('PROVISIONAL');
  });

  it('says so in a short report when the quarter has no data', async () => {
    const empty = await buildReportModel(fixture.organisationId, 2025, 1, {
      now: new Date('2026-10-15T00:00:00Z'),
      timeZone: 'UTC',
    });
    const pages = await pdfPages(await renderPdf(empty));

    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('No data for this quarter');
    expect(pages[0]).toContain(
      'No telemetry was recorded for Acme Research from 1 January 2025 to 31 March 2025.',
    );
  });
});

describe('renderXlsx', () => {
  it('holds the same numbers, stored as numbers, one sheet per table', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(model)) as unknown as ArrayBuffer);
    const team = workbook.getWorksheet('by_team');
    const rows = (team?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const [header, alpha, beta, totalRow] = rows.map((r) => r.slice(1)) as unknown[][];

    expect(header?.[1]).toBe('Emissions, location-based (gCO2e)');
    expect(alpha?.slice(0, 2)).toEqual(['Alpha', EXPECTED.byTeam.Alpha]);
    expect(beta?.slice(0, 2)).toEqual(['Beta', EXPECTED.byTeam.Beta]);
    expect(totalRow?.[0]).toBe('Total');
    expect(totalRow?.[1]).toBeCloseTo(EXPECTED.locationG, 6);
    const ghg = workbook.getWorksheet('ghg_e1_6');
    expect(ghg?.getCell('C3').value).toBeCloseTo(EXPECTED.scope2MarketG, 6);
    expect(typeof ghg?.getCell('B2').value).toBe('number');
    expect(workbook.worksheets.map((w) => w.name)).toContain('monthly_trend');
    const summary = (workbook.getWorksheet('summary')?.getSheetValues() ?? []) as unknown[][];
    const lastYear = summary.find((r) => r?.[1] === 'Emissions 2025-Q3');
    expect(lastYear?.slice(2)).toEqual([undefined, 'gCO2e', 'no data in 2025-Q3']);
  });

  it('gives the same bytes for the same model', async () => {
    expect((await renderXlsx(model)).equals(await renderXlsx(model))).toBe(true);
  });
});

describe('renderCsvZip and renderJson', () => {
  it('zips one CSV per table with full-precision numbers', async () => {
    const zip = await JSZip.loadAsync(await renderCsvZip(model));
    const csv = await zip.file('acme-2026-Q3/by_team.csv')?.async('string');

    expect(csv?.split('\r\n')[1]).toBe('Alpha,4700,24,4,0.6351351351351351');
    expect(Object.keys(zip.files)).toContain('acme-2026-Q3/README.txt');
    expect((await renderCsvZip(model)).equals(await renderCsvZip(model))).toBe(true);
  });

  it('leaves a quarter without data empty, with a note, as the PDF says "no data"', async () => {
    const zip = await JSZip.loadAsync(await renderCsvZip(model));
    const csv = await zip.file('acme-2026-Q3/summary.csv')?.async('string');
    const rows = csv?.split('\r\n') ?? [];

    expect(rows[0]).toBe('Figure,Value,Unit,Note');
    expect(rows).toContain('Emissions 2025-Q3,,gCO2e,no data in 2025-Q3');
    expect(rows).toContain('Change vs 2025-Q3,,gCO2e,no data in 2025-Q3');
    expect(rows).toContain('Change vs 2025-Q3,,ratio,no data in 2025-Q3');
    expect(rows).toContain('Emissions 2026-Q2,500,gCO2e,');
  });

  it('writes canonical JSON with sorted keys that reads back to the model', () => {
    const text = renderJson(model).toString('utf8');

    expect(JSON.parse(text)).toEqual(model);
    expect(text.indexOf('"empty"')).toBeLessThan(text.indexOf('"energy"'));
    expect(renderJson({ ...model }).equals(renderJson(JSON.parse(text) as ReportModel))).toBe(true);
  });
});
