import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'greenops-demo';

export const DEMO_LOGINS = {
  admin: 'admin@helio.example',
  sustainability_officer: 'officer@helio.example',
  officer: 'officer@helio.example',
  engineer: 'engineer@helio.example',
  executive: 'executive@helio.example',
} as const;

export type DemoRole = keyof typeof DEMO_LOGINS;

/** Signs in through the sign-in page as the demo user of a role. */
export async function signIn(page: Page, role: DemoRole, returnTo = '/') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel('Email').fill(DEMO_LOGINS[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
