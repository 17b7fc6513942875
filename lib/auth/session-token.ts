// Reads the next-auth session cookie (a JWE) from any cookie source: the
// Next.js cookies() store in pages, the Cookie header in route handlers.
import { decode } from 'next-auth/jwt';

import { authSecret, useSecureCookies } from '@/lib/auth/secret';

export const ORG_COOKIE = 'org';

export function sessionCookieName(): string {
  return `${useSecureCookies() ? '__Secure-' : ''}next-auth.session-token`;
}

export type CookieGetter = (name: string) => string | undefined;

export function cookieGetterFromHeader(header: string | null): CookieGetter {
  const jar = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (name && !jar.has(name)) jar.set(name, decodeURIComponent(value));
  }

  return (name) => jar.get(name);
}

/** next-auth splits large cookies into name.0, name.1, …; join them back. */
function readChunked(get: CookieGetter, name: string): string | undefined {
  const whole = get(name);
  if (whole) return whole;
  let joined = '';
  for (let i = 0; ; i += 1) {
    const chunk = get(`${name}.${i}`);
    if (chunk === undefined) break;
    joined += chunk;
  }

  return joined || undefined;
}

/** The signed-in user's id, or null when there is no valid session cookie. */
export async function sessionUserId(get: CookieGetter): Promise<string | null> {
  const token = readChunked(get, sessionCookieName());
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    const userId = payload?.sub;

    return typeof userId === 'string' && userId ? userId : null;
  } catch {
    return null;
  }
}
