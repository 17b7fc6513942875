// POST /api/v1/import/codecarbon: an emissions.csv as the body.
import { env } from '@/lib/env';
import { readBodyText } from '@/lib/http/body';
import { route } from '@/lib/http/handler';
import { requireImporter } from '@/lib/http/importer-auth';
import { ingestAnswer } from '@/lib/ingest/answer';
import { readImportParams } from '@/lib/ingest/import-params';
import { importCodeCarbon } from '@/lib/ingest/imports';

export const dynamic = 'force-dynamic';

export const POST = route(async (request) => {
  const params = readImportParams(request);

  const actor = await requireImporter(request);

  const csv = await readBodyText(request, env.GREENOPS_MAX_BODY_BYTES);
  const result = await importCodeCarbon(actor, csv, {
    fileName: params.file_name,
    team: params.team,
    timeZone: params.time_zone,
  });

  return Response.json(ingestAnswer(result));
});
