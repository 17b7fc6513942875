// DELETE /api/v1/api-keys/:id: revoke a key (idempotent). 404 for keys the
// caller may not see, including every key of another organisation.
import { revokeApiKeyAs } from '@/lib/auth/api-key-admin';
import { foundInScope, parseId } from '@/lib/auth/scope';
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const DELETE = route<{ id: string }>(async (request, context) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageKeys') });
  const id = parseId((await context.params).id);

  const apiKey = foundInScope(await revokeApiKeyAs(viewer, id), 'No such API key');

  return Response.json({ apiKey });
});
