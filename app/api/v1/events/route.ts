// POST /api/v1/events: a batch of JSON events from an SDK or a script.
import { createHash } from 'node:crypto';

import { env } from '@/lib/env';
import { requireApiKey } from '@/lib/http/api-key-auth';
import { readBodyText } from '@/lib/http/body';
import { badRequest } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { ingestAnswer } from '@/lib/ingest/answer';
import { ingestBatch } from '@/lib/ingest/ingest';
import { assertBodyNotEmpty } from '@/lib/ingest/parsers/errors';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { scopeToTeam } from '@/lib/ingest/team-scope';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const principal = await requireApiKey(request);

  const text = await readBodyText(request, env.GREENOPS_MAX_BODY_BYTES);
  assertBodyNotEmpty(text);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON');
  }
  const parsed = scopeToTeam(
    parseEventsBody(body, { maxEvents: env.GREENOPS_MAX_EVENTS_PER_BATCH }),
    principal.teamSlug,
  );

  const result = await ingestBatch(
    {
      organisationId: principal.organisationId,
      source: 'api',
      apiKeyId: principal.apiKeyId,
      contentSha256: createHash('sha256').update(text).digest('hex'),
    },
    parsed,
  );

  return Response.json(ingestAnswer(result));
});
