// GET /api/v1/factor-sets: the sets the organisation may use, with what they hold.
// POST /api/v1/factor-sets?name=…[&base=<id>|none][&description=…]: a CSV
// body becomes the next version of that name. Any bad line: 422, nothing stored.
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { getPool } from '@/lib/db/pool';
import { readBodyText } from '@/lib/http/body';
import { ApiError } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { activeFactorSetId, listFactorSets } from '@/lib/methodology/factor-sets';
import { factorSetUploadParamsSchema, MAX_FACTOR_CSV_BYTES } from '@/lib/methodology/schemas';
import { uploadFactorSet } from '@/lib/methodology/upload-factor-set';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const factorSets = await listFactorSets(getPool(), viewer.organisationId);

  return Response.json({ factorSets });
});

export const POST = route(async (request) => {
  const params = factorSetUploadParamsSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );

  const viewer = await requireApiViewer(request, { roles: rolesThat('manageFactors') });

  const csvText = await readBodyText(request, MAX_FACTOR_CSV_BYTES);
  const baseFactorSetId =
    params.base === 'none'
      ? null
      : (params.base ?? (await activeFactorSetId(getPool(), viewer.organisationId)));
  const result = await uploadFactorSet({
    organisationId: viewer.organisationId,
    actorUserId: viewer.userId,
    name: params.name,
    description: params.description,
    csvText,
    baseFactorSetId,
  });
  if (!result.ok) {
    const issues = result.issues.map((issue) => ({
      path: issue.line > 0 ? `line ${issue.line}: ${issue.path}` : issue.path,
      reason: issue.reason,
    }));
    throw new ApiError(422, 'invalid_factor_set', 'Nothing was stored: fix these lines', issues);
  }

  return Response.json(result, { status: 201 });
});
