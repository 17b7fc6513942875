// GET /api/v1/kpi/<endpoint>?<filters>: one dashboard figure set for the
// signed-in viewer's organisation (the endpoints are in lib/kpi/endpoints).
import { requireApiViewer } from '@/lib/auth/viewer';
import { notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { isKpiEndpoint, kpiSchemas } from '@/lib/kpi/endpoint-schemas';
import { loadKpi } from '@/lib/kpi/endpoints';

export const dynamic = 'force-dynamic';

export const GET = route<{ endpoint: string }>(async (request, { params }) => {
  // The caller first: to a stranger, every endpoint name answers the same.
  const viewer = await requireApiViewer(request);

  const { endpoint } = await params;
  if (!isKpiEndpoint(endpoint)) throw notFound(`There is no KPI endpoint "${endpoint}"`);
  const input = kpiSchemas[endpoint].parse(Object.fromEntries(new URL(request.url).searchParams));

  const data = await loadKpi(endpoint, viewer, input);

  return Response.json(data, { headers: { 'cache-control': 'private, no-store' } });
});
