import { FilterBar } from '@/components/dashboard/filter-bar';
import { KindShare } from '@/components/dashboard/kind-share';
import { SummaryCards } from '@/components/dashboard/summary-cards';
import { TargetPanel } from '@/components/dashboard/target-panel';
import { groupFrom } from '@/components/dashboard/labels';
import { TimeSeriesPanel } from '@/components/dashboard/time-series-panel';
import { DimensionTable } from '@/components/dashboard/dimension-table';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';
import { filtersFrom } from '@/lib/kpi/search-filters';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Overview' };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function OverviewPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/' });
  const search = await searchParams;
  const filters = filtersFrom(search);
  const group = groupFrom(typeof search.group === 'string' ? search.group : null, ['kind', 'team']);

  const [options, summary, market, target, series, models, pipelines] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('summary', viewer, filters),
    loadInitial('market-based', viewer, filters),
    loadInitial('target', viewer, { quarter: filters.quarter, from: filters.from, to: filters.to }),
    loadInitial('time-series', viewer, { ...filters, group }),
    loadInitial('table', viewer, { ...filters, dimension: 'model' }),
    loadInitial('table', viewer, { ...filters, dimension: 'pipeline' }),
  ]);

  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1>Overview</h1>
          <p className="muted" style={{ margin: 0 }}>
            {viewer.organisationName}: emissions of AI and ML work, location-based unless stated.
          </p>
        </div>
      </div>
      <FilterBar options={options} />
      <SummaryCards initial={summary} initialMarket={market} />
      <TimeSeriesPanel initial={series} groups={['kind', 'team']} />
      <div className="grid-2">
        <KindShare initial={summary} />
        <TargetPanel initial={target} />
      </div>
      <div className="grid-2">
        <DimensionTable dimension="model" initial={models} top={5} title="Top 5 models" />
        <DimensionTable dimension="pipeline" initial={pipelines} top={5} title="Top 5 pipelines" />
      </div>
    </main>
  );
}
