import { DimensionTable } from '@/components/dashboard/dimension-table';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Teams' };

export default async function TeamsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/teams' });
  const { filters } = await readSearch(searchParams);

  const [options, table] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('table', viewer, { ...filters, dimension: 'team' }),
  ]);

  return (
    <main className="page">
      <h1>Teams</h1>
      <p className="muted">
        Every team&apos;s emissions, energy and inference intensity; open a team for its models,
        pipelines and regions.
      </p>
      <FilterBar options={options} />
      <DimensionTable dimension="team" initial={table} />
    </main>
  );
}
