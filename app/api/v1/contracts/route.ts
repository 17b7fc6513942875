// GET /api/v1/contracts: the organisation's energy contracts (any member).
// POST /api/v1/contracts: add one (officers and admins).
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { readBodyJson } from '@/lib/http/body';
import { route } from '@/lib/http/handler';
import { createContract, listContracts } from '@/lib/methodology/contracts';
import { contractInputSchema } from '@/lib/methodology/schemas';

export const dynamic = 'force-dynamic';

const MAX_BODY_BYTES = 16 * 1024;

export const GET = route(async (request) => {
  const viewer = await requireApiViewer(request);

  const contracts = await listContracts(getPool(), viewer.organisationId);

  return Response.json({ contracts });
});

export const POST = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const input = contractInputSchema.parse(await readBodyJson(request, MAX_BODY_BYTES));

  const contract = await createContract(viewer.organisationId, viewer.userId, input);

  return Response.json({ contract }, { status: 201 });
});
