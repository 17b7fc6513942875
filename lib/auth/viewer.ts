// The signed-in person and their organisation, for pages (getViewer,
// requireViewer) and route handlers (requireApiViewer). Roles are read from
// the database on every request, so a role change applies at once.
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';

import { loadViewer, type Viewer } from '@/lib/auth/members';
import type { Role } from '@/lib/auth/roles';
import {
  ORG_COOKIE,
  cookieGetterFromHeader,
  sessionUserId,
  type CookieGetter,
} from '@/lib/auth/session-token';
import { getPool } from '@/lib/db/pool';
import { ApiError } from '@/lib/http/errors';

export { can, ROLES, ROLE_LABELS, rolesThat, type Role } from '@/lib/auth/roles';
export type { Viewer } from '@/lib/auth/members';

export interface ViewerOptions {
  roles?: Role[];
}

async function viewerFromCookies(get: CookieGetter): Promise<Viewer | null> {
  const userId = await sessionUserId(get);
  if (!userId) return null;

  return loadViewer(getPool(), userId, get(ORG_COOKIE));
}

/** The viewer of a server component or action, or null when signed out. */
export async function getViewer(): Promise<Viewer | null> {
  const store = await cookies();

  return viewerFromCookies((name) => store.get(name)?.value);
}

/**
 * For pages: the viewer, or a redirect to /sign-in when signed out, or a
 * 404 when their role may not see the page. `returnTo` is the page's path.
 */
export async function requireViewer(
  options: ViewerOptions & { returnTo?: string } = {},
): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    const returnTo = options.returnTo?.startsWith('/') ? options.returnTo : '/';
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  }
  if (options.roles && !options.roles.includes(viewer.role)) notFound();

  return viewer;
}

export const signInRequired = () =>
  new ApiError(401, 'unauthorised', 'Sign in to use this endpoint');
export const forbidden = (message = 'Your role does not allow this') =>
  new ApiError(403, 'forbidden', message);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cookie-authenticated change must come from our own pages (CSRF). */
function assertSameOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const origin = request.headers.get('origin');
  if (!origin) return;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw forbidden('The request came from another site');
  }
  if (originHost !== host) throw forbidden('The request came from another site');
}

/** For route handlers: the session's viewer, or ApiError 401 / 403. */
export async function requireApiViewer(
  request: Request,
  options: ViewerOptions = {},
): Promise<Viewer> {
  assertSameOrigin(request);
  const viewer = await viewerFromCookies(cookieGetterFromHeader(request.headers.get('cookie')));
  if (!viewer) throw signInRequired();
  if (options.roles && !options.roles.includes(viewer.role)) throw forbidden();

  return viewer;
}
