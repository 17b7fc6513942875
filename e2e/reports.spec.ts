import { readFile } from 'node:fs/promises';

import { expect, test } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';

import { formatEmissions } from '../lib/format';
import { signIn } from './helpers';

test('an executive downloads the last full quarter as a PDF with the organisation total', async ({
  page,
}) => {
  await signIn(page, 'executive', '/reports?quarter=2026-Q3');
  await page.goto('/reports?quarter=2026-Q3');
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  // Executives read and download; generating a new version is not offered.
  await expect(page.getByRole('button', { name: /generate/i })).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'PDF report' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^helio-labs-2026-Q3-v\d+\.pdf$/);
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const summary = await page.request.get('/api/v1/kpi/summary?quarter=2026-Q3');
  const { current } = (await summary.json()) as { current: { totals: { emissionsG: number } } };
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain('Helio Labs');
  expect(text).toContain(formatEmissions(current.totals.emissionsG));

  // The download archived a version, listed with its checksum.
  await page.reload();
  await expect(page.getByRole('cell', { name: /^v1/ }).first()).toBeVisible();
  // 2026-Q3 is over: its version is not provisional, and the table says so.
  await expect(page.getByRole('cell', { name: 'Closed', exact: true }).first()).toBeVisible();
  // The executive's download made v1, and the page says that, and that it may.
  await expect(
    page.getByRole('cell', { name: /^generated automatically on first download/ }).first(),
  ).toBeVisible();
  await expect(
    page.getByText(/executives and API keys included, can cause a version/),
  ).toBeVisible();
  await test.info().attach('reports', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
