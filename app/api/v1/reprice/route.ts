// POST /api/v1/reprice { factor_set_id, from, to }: re-price the events of a
// period with a factor set and rebuild its rollups (officers and admins).
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { readBodyJson } from '@/lib/http/body';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { repricePeriod } from '@/lib/methodology/reprice';
import { repriceInputSchema } from '@/lib/methodology/schemas';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 4 * 1024;

export const POST = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const input = repriceInputSchema.parse(await readBodyJson(request, MAX_BODY_BYTES));

  const result = await repricePeriod(
    viewer.organisationId,
    { from: input.from, to: input.to },
    input.factor_set_id,
    { actorUserId: viewer.userId },
  );
  if (!result) throw notFound('No such factor set');

  return Response.json(result);
});
