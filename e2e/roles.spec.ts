// Each demo role signs in and sees only what its role allows: the
// navigation it is offered, and a not-found page where it may not go. A
// wrong password is refused with a clear message and shows in the audit log.
import { expect, test, type Page } from '@playwright/test';

import { DEMO_LOGINS, signIn, type DemoRole } from './helpers';

const EVERYONE = [
  'Overview',
  'Teams',
  'Models',
  'Pipelines',
  'LLM APIs',
  'Events',
  'Imports',
  'Reconciliation',
];
const ROLE_ONLY = [
  'Reports',
  'Factors',
  'Energy contracts',
  'Targets',
  'API keys',
  'Users',
  'Organisation',
  'Audit log',
];

interface RoleCase {
  role: DemoRole;
  label: string;
  /** Navigation items beyond those every member has. */
  nav: string[];
  /** Pages the role may open (checked by their heading). */
  allowed: [path: string, heading: string][];
  forbidden: string[];
  canImport: boolean;
}

const cases: RoleCase[] = [
  {
    role: 'admin',
    label: 'Admin',
    nav: ROLE_ONLY,
    allowed: [
      ['/settings/users', 'Users'],
      ['/settings/organisation', 'Organisation'],
      ['/settings/audit', 'Audit log'],
      ['/settings/factors', 'Emission factors'],
    ],
    forbidden: [],
    canImport: true,
  },
  {
    role: 'officer',
    label: 'Sustainability officer',
    nav: ['Reports', 'Factors', 'Energy contracts', 'Targets', 'Audit log'],
    allowed: [
      ['/settings/factors', 'Emission factors'],
      ['/reports', 'Reports'],
    ],
    forbidden: ['/settings/users', '/settings/organisation', '/settings/api-keys'],
    canImport: false,
  },
  {
    role: 'engineer',
    label: 'Engineer',
    nav: ['API keys'],
    allowed: [['/settings/api-keys', 'API keys']],
    forbidden: ['/settings/factors', '/settings/users', '/settings/audit', '/reports'],
    canImport: true,
  },
  {
    role: 'executive',
    label: 'Executive',
    nav: ['Reports'],
    allowed: [['/reports', 'Reports']],
    forbidden: [
      '/settings/users',
      '/settings/organisation',
      '/settings/factors',
      '/settings/api-keys',
      '/settings/audit',
    ],
    canImport: false,
  },
];

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function expectNotFound(page: Page, path: string) {
  await page.goto(path);

  await expect(page.getByRole('heading', { name: 'Not found', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
}

for (const { role, label, nav, allowed, forbidden, canImport } of cases) {
  test(`${label} sees only what the role allows`, async ({ page }, testInfo) => {
    await signIn(page, role);
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    await expect(page.locator('.shell-user')).toContainText(label);

    const link = (name: string) => mainNav(page).getByRole('link', { name, exact: true });
    for (const name of [...EVERYONE, ...nav]) await expect(link(name), name).toHaveCount(1);
    for (const name of ROLE_ONLY.filter((item) => !nav.includes(item))) {
      await expect(link(name), name).toHaveCount(0);
    }
    await expect(mainNav(page).getByRole('link')).toHaveCount(EVERYONE.length + nav.length);
    await testInfo.attach(`${role} navigation`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });

    for (const [path, heading] of allowed) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    }
    for (const path of forbidden) await expectNotFound(page, path);

    await page.goto('/imports');
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    const uploads = canImport ? 1 : 0;
    await expect(page.getByRole('heading', { name: 'Import a file' })).toHaveCount(uploads);
    await expect(page.getByRole('form', { name: 'Import a file' })).toHaveCount(uploads);
  });
}

test('a wrong password is refused with a clear message and audited', async ({ page }) => {
  const email = DEMO_LOGINS.executive;
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: /sign in/i }).click();

  const form = page.getByRole('region', { name: 'Sign in' });
  await expect(form.getByRole('alert')).toHaveText('Email or password is incorrect');
  await expect(page).toHaveURL(/\/sign-in/);

  await page.context().clearCookies();
  await signIn(page, 'admin', '/settings/audit');
  await page.goto('/settings/audit');
  const row = page
    .getByRole('row')
    .filter({ hasText: 'Failed sign-in' })
    .filter({ hasText: `email: ${email}` })
    .first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('method: password');
  await test.info().attach('audit log with the failed sign-in', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
