import { DimensionTable } from '@/components/dashboard/dimension-table';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Models' };

export default async function ModelsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/models' });
  const { filters } = await readSearch(searchParams);

  const [options, table] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('table', viewer, { ...filters, dimension: 'model' }),
  ]);

  return (
    <main className="page">
      <h1>Models</h1>
      <p className="muted">
        Emissions per model, split into training and inference, with gCO2e per 1,000 inferences.
      </p>
      <FilterBar options={options} />
      <DimensionTable dimension="model" initial={table} />
    </main>
  );
}
