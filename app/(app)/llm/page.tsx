import { FilterBar } from '@/components/dashboard/filter-bar';
import { LlmPanel } from '@/components/dashboard/llm-panel';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { TimeSeriesPanel } from '@/components/dashboard/time-series-panel';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'LLM APIs' };

export default async function LlmPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/llm' });
  const { filters } = await readSearch(searchParams, ['model']);
  const input = { ...filters, kind: 'llm_api_call' as const };

  const [options, usage, series] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('llm', viewer, filters),
    loadInitial('time-series', viewer, { ...input, group: 'model' }),
  ]);

  return (
    <main className="page">
      <h1>LLM APIs</h1>
      <p className="muted">
        Calls to hosted models: their tokens turned into energy and emissions estimates.
      </p>
      <FilterBar options={options} hide={['kind']} />
      <LlmPanel initial={usage} />
      <TimeSeriesPanel
        fixed={{ kind: 'llm_api_call' }}
        initial={series}
        groups={['model']}
        title="LLM emissions over time"
      />
    </main>
  );
}
