// POST /api/v1/factor-sets/:id/activate: price new events with this set.
// Stored events keep their figures until their period is re-priced.
import { parseId } from '@/lib/auth/scope';
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { activateFactorSet } from '@/lib/methodology/activate-factor-set';

export const dynamic = 'force-dynamic';

export const POST = route<{ id: string }>(async (request, context) => {
  const id = parseId((await context.params).id);

  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const factorSet = await activateFactorSet({
    organisationId: viewer.organisationId,
    actorUserId: viewer.userId,
    factorSetId: id,
  });
  if (!factorSet) throw notFound('No such factor set');

  return Response.json({ factorSet });
});
