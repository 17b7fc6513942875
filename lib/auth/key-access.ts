// Who may manage which API keys: admins manage all of their organisation's
// keys; an engineer manages their team's keys (or, without a team, the keys
// they created themselves).
import type { ApiKeyFilter } from '@/lib/auth/api-keys';
import type { Viewer } from '@/lib/auth/members';
import { ApiError } from '@/lib/http/errors';

export function keyFilterFor(viewer: Viewer): ApiKeyFilter {
  if (viewer.role === 'admin') return {};
  if (viewer.teamId) return { teamId: viewer.teamId };

  return { createdById: viewer.userId };
}

/** The team a new key belongs to, or 403 when the viewer may not choose it. */
export function teamForNewKey(viewer: Viewer, requestedTeamId: string | null): string | null {
  if (viewer.role === 'admin') return requestedTeamId;
  if (requestedTeamId && requestedTeamId !== viewer.teamId) {
    throw new ApiError(403, 'forbidden', 'You can only create keys for your own team');
  }

  return viewer.teamId ?? null;
}
