import { describe, expect, it } from 'vitest';

import { parseEnv } from './env';

describe('environment variables', () => {
  it('uses the documented defaults', () => {
    const env = parseEnv({});

    expect(env).toMatchObject({
      PORT: 3000,
      GREENOPS_MAX_EVENTS_PER_BATCH: 5000,
      LOG_LEVEL: 'info',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'not-a-url' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error'],
    [{ NEXTAUTH_SECRET: 'short' }, 'NEXTAUTH_SECRET must be at least 32 characters'],
  ])('names the variable and the rule for %o', (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
