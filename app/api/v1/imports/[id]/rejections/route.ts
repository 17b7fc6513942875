// GET /api/v1/imports/{id}/rejections: one import's rejected items as CSV.
import { stringify } from 'csv-stringify/sync';

import { requireApiViewer } from '@/lib/auth/viewer';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { getImport, listRejections } from '@/lib/ingest/list-imports';

export const dynamic = 'force-dynamic';

export const GET = route<{ id: string }>(async (request, context) => {
  const { id } = await context.params;

  const viewer = await requireApiViewer(request);

  const found = await getImport(viewer.organisationId, id);
  if (!found) throw notFound('No such import');
  const rejections = await listRejections(viewer.organisationId, id);
  const csv = stringify(rejections, {
    header: true,
    columns: [
      { key: 'itemIndex', header: 'item' },
      { key: 'path', header: 'field' },
      { key: 'reason', header: 'reason' },
      { key: 'raw', header: 'raw' },
    ],
  });

  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="import-${id}-rejections.csv"`,
    },
  });
});
