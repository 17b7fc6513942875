// The secret that signs and encrypts session cookies. NEXTAUTH_SECRET in
// production; otherwise one random secret kept in .data/auth-secret, said
// out loud in the log so nobody mistakes it for a configured one.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { env } from '@/lib/env';
import { log } from '@/lib/log';

let cached: string | undefined;

function isEmbeddedDatabase(): boolean {
  const url = process.env.DATABASE_URL ?? env.DATABASE_URL;
  if (!url) return true;
  const parsed = new URL(url);

  return parsed.hostname === '127.0.0.1' && Number(parsed.port) === env.GREENOPS_EMBEDDED_DB_PORT;
}

function persistedSecret(): string {
  const file = path.resolve(env.GREENOPS_DATA_DIR, 'auth-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) {
      log.warn('auth.secret.file', { file, reason: 'NEXTAUTH_SECRET is not set' });

      return existing;
    }
  } catch {
    // No file yet: create it below.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'w' });
  log.warn('auth.secret.created', { file, reason: 'NEXTAUTH_SECRET is not set' });

  return secret;
}

/**
 * NEXTAUTH_SECRET when set. Without it, production refuses to start unless
 * it runs on the embedded demo database; development and tests use the file.
 */
export function authSecret(): string {
  if (cached) return cached;
  if (env.NEXTAUTH_SECRET) {
    cached = env.NEXTAUTH_SECRET;
  } else if (env.NODE_ENV === 'production' && !isEmbeddedDatabase()) {
    throw new Error('NEXTAUTH_SECRET must be set in production (32+ random characters)');
  } else {
    cached = persistedSecret();
  }

  return cached;
}

/** The public URL of the app: NEXTAUTH_URL, else http://localhost:PORT. */
export function authUrl(): string {
  return env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
}

const LOCAL_HTTP = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/**
 * Cookies are Secure whenever the app is served over https, and in
 * production unless it is the local demo on http://localhost.
 */
export function useSecureCookies(): boolean {
  const url = authUrl();
  if (url.startsWith('https://')) return true;

  return env.NODE_ENV === 'production' && !LOCAL_HTTP.test(url);
}
