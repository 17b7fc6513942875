// Dashboards: walk from the organisation down to one run's events, checking
// at each level that the figure shown is the sum of the level below; a
// filter change rewrites the URL and the figures; a screenshot of each view.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';

import { signIn } from './helpers';

const Q3 = 'quarter=2026-Q3';

const valueOf = async (locator: Locator) => Number(await locator.getAttribute('data-value'));

async function columnSum(table: Locator, column: string) {
  const values = await table
    .locator(`td[data-column="${column}"]`)
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));

  return values.reduce((sum, value) => sum + value, 0);
}

function expectSame(actual: number, expected: number) {
  expect(expected).toBeGreaterThan(0);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 1e-9 + 1e-6);
}

async function attach(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
}

const emissionsCard = (page: Page) => page.getByTestId('kpi-emissions').locator('.kpi-value');

/** True when a DataTable shows every column without scrolling sideways. */
const fitsItsCard = (table: Locator) =>
  table.locator('.table-scroll').evaluate((scroll) => scroll.scrollWidth <= scroll.clientWidth);

const pageOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('overview → team → model → run: each figure adds up to the level above', async ({
  page,
}, testInfo) => {
  await signIn(page, 'officer', `/?${Q3}`);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  const organisationG = await valueOf(emissionsCard(page));
  await attach(page, testInfo, 'overview');

  await page.goto(`/teams?${Q3}`);
  const teams = page.getByTestId('table-team');
  expectSame(await columnSum(teams, 'emissionsG'), organisationG);
  const searchRow = teams.locator('tr', { has: page.getByRole('link', { name: 'Search' }) });
  const teamG = await valueOf(searchRow.locator('td[data-column="emissionsG"]'));
  await attach(page, testInfo, 'teams');

  await searchRow.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/quarter=2026-Q3/);
  expectSame(await valueOf(emissionsCard(page)), teamG);
  // Every demo event names a model or a pipeline: the two tables make the team.
  const models = page.getByTestId('table-model');
  const pipelines = page.getByTestId('table-pipeline');
  const modelsG = await columnSum(models, 'emissionsG');
  expectSame(modelsG + (await columnSum(pipelines, 'emissionsG')), teamG);
  const rankerRow = models.locator('tr', {
    has: page.getByRole('link', { name: 'search-ranker' }),
  });
  const modelG = await valueOf(rankerRow.locator('td[data-column="emissionsG"]'));
  await attach(page, testInfo, 'team');

  await rankerRow.getByRole('link', { name: 'search-ranker' }).click();
  await expect(page.getByRole('heading', { name: 'search-ranker', level: 1 })).toBeVisible();
  expectSame(await valueOf(emissionsCard(page)), modelG);
  expectSame(await columnSum(page.getByTestId('table-versions'), 'emissionsG'), modelG);
  const runs = page.getByTestId('table-runs');
  const firstRun = runs.locator('tbody tr').first();
  const runG = await valueOf(firstRun.locator('td[data-column="emissionsG"]'));
  await attach(page, testInfo, 'model');

  await firstRun.locator('td[data-column="run"] a').click();
  await expect(page).toHaveURL(/\/runs\//);
  expectSame(await valueOf(page.getByTestId('run-emissions')), runG);
  const summary = page.getByTestId('events-summary');
  expectSame(Number(await summary.getAttribute('data-emissions')), runG);
  expectSame(await columnSum(page.getByTestId('table-events'), 'emissionsG'), runG);
  await attach(page, testInfo, 'run events');
});

test('a filter change updates the URL and the figures', async ({ page }, testInfo) => {
  await signIn(page, 'officer', `/?${Q3}`);
  const q3G = await valueOf(emissionsCard(page));

  await page.getByLabel('Period').selectOption('2026-Q2');
  await expect(page).toHaveURL(/quarter=2026-Q2/);
  await expect(page.getByTestId('kpi-emissions')).toContainText('2026-Q2');
  await expect.poll(() => valueOf(emissionsCard(page))).not.toBe(q3G);

  const q2G = await valueOf(emissionsCard(page));
  await page.getByLabel('Team').selectOption('vision');
  await expect(page).toHaveURL(/team=vision/);
  await expect.poll(() => valueOf(emissionsCard(page))).toBeLessThan(q2G);
  const visionG = await valueOf(emissionsCard(page));

  // The copied URL shows the same view.
  await page.goto(page.url());
  expectSame(await valueOf(emissionsCard(page)), visionG);
  await attach(page, testInfo, 'overview filtered');
});

test('the period picker offers the quarter in progress; the default is the last full one', async ({
  page,
}) => {
  await signIn(page, 'officer', '/');
  const period = page.getByLabel('Period');
  const options = period.locator('option');
  await expect(options.first()).toContainText('(in progress)');
  const current = (await options.first().getAttribute('value')) ?? '';
  const lastFull = (await options.nth(1).getAttribute('value')) ?? '';
  await expect(period).toHaveValue(lastFull);

  await page.goto(`/?quarter=${current}`);
  await expect(period).toHaveValue(current);
  await expect(page.getByTestId('kpi-emissions')).toContainText(`${current} (in progress)`);
});

test('every view renders with its figures', async ({ page }, testInfo) => {
  await signIn(page, 'officer', `/models?${Q3}`);
  await expect(page.getByTestId('table-model')).toBeVisible();
  await attach(page, testInfo, 'models');

  await page.goto(`/pipelines?${Q3}`);
  await expect(page.getByTestId('table-pipeline')).toBeVisible();
  await attach(page, testInfo, 'pipelines');

  await page.goto(`/pipelines/feature-etl?${Q3}`);
  await expect(page.getByTestId('redundant-summary')).toContainText('repeated an earlier run');
  await attach(page, testInfo, 'pipeline');

  await page.goto(`/llm?${Q3}`);
  await expect(page.getByTestId('table-llm')).toContainText('gpt-4o-mini');
  expect(await fitsItsCard(page.getByTestId('table-llm'))).toBe(true);
  await attach(page, testInfo, 'llm');

  await page.goto(`/events?${Q3}&team=search`);
  await expect(page.getByTestId('table-events')).toContainText('GreenOps default');
  expect(await fitsItsCard(page.getByTestId('table-events'))).toBe(true);
  await attach(page, testInfo, 'events');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/?${Q3}`);
  await expect(page.getByTestId('kpi-emissions')).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await attach(page, testInfo, 'overview on a phone');

  // Long set names in selects and wide tables stay inside the screen.
  await page.goto('/settings/factors');
  await expect(page.getByRole('heading', { name: 'Factor sets' })).toBeVisible();
  expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  await attach(page, testInfo, 'factors on a phone');
});
