// What a dashboard page reads from its URL on the server.
import { groupFrom, type Group } from '@/components/dashboard/labels';
import { filtersFrom } from '@/lib/kpi/search-filters';

export type Search = Promise<Record<string, string | string[] | undefined>>;

export async function readSearch(searchParams: Search, groups: Group[] = ['kind', 'team']) {
  const search = await searchParams;
  const filters = filtersFrom(search);
  const group = groupFrom(typeof search.group === 'string' ? search.group : null, groups);

  return { search, filters, group };
}
