// DELETE /api/v1/contracts/:id: remove a contract (officers and admins).
import { foundInScope, parseId } from '@/lib/auth/scope';
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { route } from '@/lib/http/handler';
import { deleteContract } from '@/lib/methodology/contracts';

export const dynamic = 'force-dynamic';

export const DELETE = route<{ id: string }>(async (request, context) => {
  const id = parseId((await context.params).id);

  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const deleted = await deleteContract(viewer.organisationId, viewer.userId, id);
  foundInScope(deleted || null, 'No such contract');

  return new Response(null, { status: 204 });
});
