// POST /api/v1/import/openai-usage: the JSON of OpenAI's organisation Usage
// API for completions (a page, a list of pages or a list of buckets).
import { env } from '@/lib/env';
import { readBodyText } from '@/lib/http/body';
import { route } from '@/lib/http/handler';
import { requireImporter } from '@/lib/http/importer-auth';
import { ingestAnswer } from '@/lib/ingest/answer';
import { readImportParams } from '@/lib/ingest/import-params';
import { importOpenAiUsage } from '@/lib/ingest/imports';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const params = readImportParams(request);

  const actor = await requireImporter(request);

  const json = await readBodyText(request, env.GREENOPS_MAX_BODY_BYTES);
  const result = await importOpenAiUsage(actor, json, {
    fileName: params.file_name,
    team: params.team,
    assumeModel: params.assume_model,
  });

  return Response.json(ingestAnswer(result));
});
