import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
});

async function secretModule(overrides: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);

  return import('@/lib/auth/secret');
}

describe('session cookie security', () => {
  it.each([
    [{ NODE_ENV: 'production', NEXTAUTH_URL: 'https://greenops.example' }, true],
    [{ NODE_ENV: 'production', NEXTAUTH_URL: 'http://greenops.internal' }, true],
    [{ NODE_ENV: 'production', NEXTAUTH_URL: 'http://localhost:3000' }, false],
    [{ NODE_ENV: 'development', NEXTAUTH_URL: 'https://dev.example' }, true],
    [{ NODE_ENV: 'development', NEXTAUTH_URL: undefined }, false],
  ])('%o → secure %s', async (overrides, secure) => {
    const { useSecureCookies } = await secretModule(overrides);

    expect(useSecureCookies()).toBe(secure);
  });

  it('refuses to start in production without NEXTAUTH_SECRET on a real database', async () => {
    const { authSecret } = await secretModule({
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: undefined,
      DATABASE_URL: 'postgresql://db.internal:5432/greenops',
    });

    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET must be set in production/);
  });

  it('uses NEXTAUTH_SECRET when it is set', async () => {
    const secret = 'x'.repeat(40);
    const { authSecret } = await secretModule({ NODE_ENV: 'production', NEXTAUTH_SECRET: secret });

    expect(authSecret()).toBe(secret);
  });
});
