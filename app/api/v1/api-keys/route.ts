// GET /api/v1/api-keys: the keys the caller may manage.
// POST /api/v1/api-keys: create one; the token is in this answer only.
import { createApiKeyInput, issueApiKey, listApiKeysFor } from '@/lib/auth/api-key-admin';
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { readBodyJson } from '@/lib/http/body';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 16 * 1024;

export const GET = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageKeys') });

  const apiKeys = await listApiKeysFor(viewer);

  return Response.json({ apiKeys });
});

export const POST = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageKeys') });

  const input = createApiKeyInput.parse(await readBodyJson(request, MAX_BODY_BYTES));

  const issued = await issueApiKey(viewer, input);

  return Response.json(issued, { status: 201 });
});
