// GET /api/v1/targets: the organisation's reduction targets (any member).
// POST /api/v1/targets: add one (officers and admins).
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { readBodyJson } from '@/lib/http/body';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { targetInputSchema } from '@/lib/methodology/schemas';
import { createTarget, listTargets } from '@/lib/methodology/targets';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 16 * 1024;

export const GET = route(async (request) => {
  const viewer = await requireApiViewer(request);

  const targets = await listTargets(getPool(), viewer.organisationId);

  return Response.json({ targets });
});

export const POST = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const input = targetInputSchema.parse(await readBodyJson(request, MAX_BODY_BYTES));

  const created = await createTarget(viewer.organisationId, viewer.userId, input);
  if (!created.ok) {
    throw new ApiError(422, 'invalid_request', 'The request is invalid', [
      { path: 'team_id', reason: 'team_id is not a team of this organisation' },
    ]);
  }

  return Response.json({ target: created.target }, { status: 201 });
});
