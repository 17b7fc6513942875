// A page's first render of a panel: the endpoint's answer for the viewer, in
// the JSON shape the API returns, with the input it answered.
import type { Viewer } from '@/lib/auth/viewer';
import type { KpiEndpoint, KpiInput } from '@/lib/kpi/endpoint-schemas';
import { loadKpi } from '@/lib/kpi/endpoints';
import { jsonify } from '@/lib/hooks/json';
import type { Initial } from '@/lib/hooks/kpi-query';

export async function loadInitial<E extends KpiEndpoint>(
  endpoint: E,
  viewer: Pick<Viewer, 'organisationId' | 'timeZone'>,
  input: KpiInput<E>,
): Promise<Initial<E>> {
  const data = await loadKpi(endpoint, viewer, input);

  return { input, data: jsonify(data) as Initial<E>['data'] };
}
