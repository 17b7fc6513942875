// Isolation in one place. A route handler turns its caller (a session or an
// API key) into a Scope, and every lib/ query it makes takes the scope's
// organisation id, so another organisation's rows are simply not found.
import { verifyApiKey } from '@/lib/auth/api-keys';
import type { Role } from '@/lib/auth/roles';
import { forbidden, requireApiViewer, signInRequired } from '@/lib/auth/viewer';
import type { Viewer } from '@/lib/auth/members';
import { getPool } from '@/lib/db/pool';
import { notFound, unauthorised } from '@/lib/http/errors';

export interface Scope {
  organisationId: string;
  /** Set for a signed-in person, null for an API key. */
  viewer: Viewer | null;
  apiKeyId: string | null;
  /** The person's team, or the key's team. */
  teamId: string | null;
  role: Role | null;
}

export function scopeOfViewer(viewer: Viewer): Scope {
  return {
    organisationId: viewer.organisationId,
    viewer,
    apiKeyId: null,
    teamId: viewer.teamId,
    role: viewer.role,
  };
}

export interface ScopeOptions {
  /** Roles allowed for a session caller; omitted: any member. */
  roles?: Role[];
  /** Also accept `Authorization: Bearer <API key>` (keys have no role). */
  apiKeys?: boolean;
}

/** The caller's scope, or ApiError 401 (no credentials) / 403 (role). */
export async function requireScope(request: Request, options: ScopeOptions = {}): Promise<Scope> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
  if (bearer) {
    if (!options.apiKeys) throw forbidden('API keys cannot use this endpoint; sign in instead');
    const principal = await verifyApiKey(getPool(), bearer);
    if (!principal) throw unauthorised('The API key is unknown, revoked or expired');

    return {
      organisationId: principal.organisationId,
      viewer: null,
      apiKeyId: principal.apiKeyId,
      teamId: principal.teamId,
      role: null,
    };
  }

  return scopeOfViewer(await requireApiViewer(request, { roles: options.roles }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A path id, or 404: a malformed id is answered like a missing one, so
 * ids cannot be probed.
 */
export function parseId(value: string | undefined): string {
  if (!value || !UUID.test(value)) throw notFound();

  return value.toLowerCase();
}

/** The row found inside the scope, or 404 (also for other organisations' rows). */
export function foundInScope<T>(row: T | null | undefined, message = 'Not found'): T {
  if (row === null || row === undefined) throw notFound(message);

  return row;
}

export { signInRequired };
