import { readFileSync } from 'node:fs';
import path from 'node:path';

import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';

import { signIn } from './helpers';

const FILE = path.join(
  __dirname,
  '..',
  '..',
  'shared',
  'data',
  'codecarbon',
  'v2.3-cumulative-flush-rows.csv',
);

// France in the shipped Ember data (gCO2e/kWh), the file's country.
const FRANCE_G_PER_KWH = 44.18;

/** The file's energy computed here, independently: each run's longest row. */
function fileEnergyKwh(): number {
  const rows = parse(readFileSync(FILE, 'utf8'), { columns: true }) as Record<string, string>[];
  const longest = new Map<string, Record<string, string>>();
  for (const row of rows) {
    const run = row.run_id ?? '';
    const kept = longest.get(run);
    if (!kept || Number(row.duration) > Number(kept.duration)) longest.set(run, row);
  }

  return [...longest.values()].reduce((sum, row) => sum + Number(row.energy_consumed), 0);
}

test('an engineer uploads a CodeCarbon file and sees its runs', async ({ page }) => {
  await signIn(page, 'engineer', '/imports');
  await page.goto('/imports');

  await page.getByLabel('File', { exact: true }).setInputFiles(FILE);
  await page.getByLabel('Team (optional)').fill('codecarbon-e2e');
  await page.getByRole('button', { name: 'Import' }).click();

  const answer = page.getByRole('status');
  await expect(answer).toContainText('5 accepted, 0 already stored, 0 rejected');
  await page.getByRole('link', { name: 'See this import' }).click();
  await expect(page.getByRole('heading', { name: 'v2.3-cumulative-flush-rows.csv' })).toBeVisible();
  await test
    .info()
    .attach('import', {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

  // Uploading the same file again stores nothing new.
  await page.goto('/imports');
  await page.getByLabel('File', { exact: true }).setInputFiles(FILE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText('0 accepted, 5 already stored, 0 rejected');

  // The overview for the file's quarter and team shows the file's totals.
  await page.goto('/?quarter=2023-Q4&team=codecarbon-e2e');
  const energyKwh = Number(
    await page.getByTestId('kpi-energy').locator('.kpi-value').getAttribute('data-value'),
  );
  const emissionsG = Number(
    await page.getByTestId('kpi-emissions').locator('.kpi-value').getAttribute('data-value'),
  );
  expect(energyKwh).toBeCloseTo(fileEnergyKwh(), 15);
  expect(emissionsG).toBeCloseTo(fileEnergyKwh() * FRANCE_G_PER_KWH, 12);
  await test.info().attach('overview of the file', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
