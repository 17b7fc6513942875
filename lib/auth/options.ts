// next-auth configuration: email + password always, OpenID Connect when its
// three variables are set. Sessions are JWTs holding only the user's id;
// the role and organisation are read per request (lib/auth/viewer.ts).
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';

import { recordAudit } from '@/lib/auth/audit';
import { SIGN_IN_UNAVAILABLE } from '@/lib/auth/messages';
import { authorisePassword } from '@/lib/auth/password-sign-in';
import { authSecret, authUrl, useSecureCookies } from '@/lib/auth/secret';
import { sessionCookieName } from '@/lib/auth/session-token';
import { SignInThrottledError } from '@/lib/auth/sign-in-limit';
import { findUserForSignIn, markSignedIn } from '@/lib/auth/users';
import { getPool } from '@/lib/db/pool';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

export const OIDC_PROVIDER_ID = 'oidc';
const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

type Headers = Record<string, string | string[] | undefined> | undefined;

/** The client address for rate limiting: the first X-Forwarded-For hop. */
export function clientIp(headers: Headers): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

  return first(headers?.['x-forwarded-for']) || first(headers?.['x-real-ip']) || 'unknown';
}

interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export function oidcEnabled(): boolean {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}

function oidcProvider(): OAuthConfig<OidcProfile> {
  const issuer = (env.OIDC_ISSUER ?? '').replace(/\/$/, '');

  return {
    id: OIDC_PROVIDER_ID,
    name: env.OIDC_NAME,
    type: 'oauth',
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? profile.email ?? null,
    }),
  };
}

/** SSO maps to an existing GreenOps user by verified email; nobody is created. */
async function oidcUser(profile: OidcProfile | undefined) {
  if (!profile?.email || profile.email_verified === false) return null;

  return findUserForSignIn(getPool(), profile.email);
}

function configureUrl() {
  if (process.env.NEXTAUTH_URL) return;
  // In development the port varies (next dev -p …): trust the Host header.
  if (env.NODE_ENV === 'development') process.env.AUTH_TRUST_HOST ??= 'true';
  else process.env.NEXTAUTH_URL = authUrl();
}

let cached: AuthOptions | undefined;

export function authOptions(): AuthOptions {
  if (cached) return cached;
  configureUrl();
  const secure = useSecureCookies();
  const credentials = CredentialsProvider({
    id: 'credentials',
    name: 'Email and password',
    credentials: {
      email: { label: 'Email', type: 'email' },
      password: { label: 'Password', type: 'password' },
    },
    async authorize(input, request) {
      try {
        return await authorisePassword(getPool(), {
          email: String(input?.email ?? ''),
          password: String(input?.password ?? ''),
          ip: clientIp(request?.headers as Headers),
        });
      } catch (error) {
        // next-auth passes a thrown message to the sign-in page as `error`.
        if (error instanceof SignInThrottledError) throw new Error(error.message);
        log.error('auth.sign_in.error', { error: String(error) });
        throw new Error(SIGN_IN_UNAVAILABLE);
      }
    },
  });

  cached = {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure },
      },
    },
    pages: { signIn: '/sign-in', error: '/sign-in' },
    providers: oidcEnabled() ? [credentials, oidcProvider()] : [credentials],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const user = await oidcUser(profile as OidcProfile | undefined);
        const pool = getPool();
        if (!user || user.organisationIds.length === 0) {
          await recordAudit(pool, {
            organisationId: null,
            action: 'auth.sign_in_failed',
            details: { email: profile?.email ?? null, method: 'oidc', reason: 'no such user' },
          });

          return false;
        }
        await markSignedIn(pool, user.id);
        for (const organisationId of user.organisationIds) {
          await recordAudit(pool, {
            organisationId,
            actorUserId: user.id,
            action: 'auth.sign_in',
            targetType: 'user',
            targetId: user.id,
            details: { method: 'oidc' },
          });
        }

        return true;
      },
      async jwt({ token, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          const user = await oidcUser(profile as OidcProfile | undefined);
          if (user) {
            token.sub = user.id;
            token.name = user.name;
            token.email = user.email;
          }
        }

        return token;
      },
    },
    logger: {
      error: (code, metadata) => log.error('auth.next_auth', { code, metadata: String(metadata) }),
      warn: (code) => log.warn('auth.next_auth', { code }),
      debug: () => undefined,
    },
  };

  return cached;
}
