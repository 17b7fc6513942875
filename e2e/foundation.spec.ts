import { expect, test } from '@playwright/test';

import { signIn } from './helpers';

test('the started app answers health and shows the demo organisation', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok', database: 'reachable', migrations: 'current' });

  await signIn(page, 'officer');

  await expect(page.getByText('Helio Labs').first()).toBeVisible();
  await test.info().attach('overview', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});
