import { DimensionTable } from '@/components/dashboard/dimension-table';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Pipelines' };

export default async function PipelinesPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/pipelines' });
  const { filters } = await readSearch(searchParams);

  const [options, table] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('table', viewer, { ...filters, dimension: 'pipeline' }),
  ]);

  return (
    <main className="page">
      <h1>Pipelines</h1>
      <p className="muted">
        MLOps pipelines by emissions; open one for its runs, costliest steps and redundant repeats.
      </p>
      <FilterBar options={options} />
      <DimensionTable dimension="pipeline" initial={table} />
    </main>
  );
}
