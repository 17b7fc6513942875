// Imports come from scripts (an API key) or from the upload page (a signed-in
// admin or engineer). Either way the answer is one organisation and an actor.
import { requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { requireApiKey } from '@/lib/http/api-key-auth';
import type { ImportActor } from '@/lib/ingest/imports';

export async function requireImporter(request: Request): Promise<ImportActor> {
  if (request.headers.has('authorization')) {
    const key = await requireApiKey(request);

    return {
      organisationId: key.organisationId,
      apiKeyId: key.apiKeyId,
      keyTeamSlug: key.teamSlug,
    };
  }
  const viewer = await requireApiViewer(request, { roles: rolesThat('importData') });

  return { organisationId: viewer.organisationId, userId: viewer.userId };
}
