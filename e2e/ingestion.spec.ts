import path from 'node:path';

import { expect, test } from '@playwright/test';

import { signIn } from './helpers';

const FILE = path.join(__dirname, '..', '..', 'shared', 'data', 'codecarbon', 'v2.3-cumulative-flush-rows.csv');

test('an engineer uploads a CodeCarbon file and sees its runs', async ({ page }) => {
  await signIn(page, 'engineer', '/imports');
  await page.goto('/imports');

  await page.getByLabel('File', { exact: true }).setInputFiles(FILE);
  await page.getByLabel('Team (optional)').fill('ml-platform');
  await page.getByRole('button', { name: 'Import' }).click();

  const answer = page.getByRole('status');
  await expect(answer).toContainText('5 accepted, 0 already stored, 0 rejected');
  await page.getByRole('link', { name: 'See this import' }).click();
  await expect(page.getByRole('heading', { name: 'v2.3-cumulative-flush-rows.csv' })).toBeVisible();
  await test.info().attach('import', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Uploading the same file again stores nothing new.
  await page.goto('/imports');
  await page.getByLabel('File', { exact: true }).setInputFiles(FILE);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText('0 accepted, 5 already stored, 0 rejected');
});
