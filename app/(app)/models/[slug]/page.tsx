import Link from 'next/link';
import { notFound } from 'next/navigation';

import { RegionsPanel } from '@/components/dashboard/breakdown-panel';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { InferenceLoadPanel } from '@/components/dashboard/inference-load-panel';
import { hrefWith } from '@/components/dashboard/labels';
import { ModelVersionsPanel } from '@/components/dashboard/model-versions-panel';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { RunsPanel } from '@/components/dashboard/runs-panel';
import { SummaryCards } from '@/components/dashboard/summary-cards';
import { requireViewer } from '@/lib/auth/viewer';
import { findEntity } from '@/lib/kpi/find-entity';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';

type Params = Promise<{ slug: string }>;

export default async function ModelPage(props: { params: Params; searchParams: Search }) {
  const { slug } = await props.params;
  const viewer = await requireViewer({ returnTo: `/models/${slug}` });
  const { filters } = await readSearch(props.searchParams);
  const model = await findEntity(viewer.organisationId, 'model', slug);
  if (!model) notFound();
  const input = { ...filters, model: slug };

  const [options, summary, versions, runs, load, regions] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('summary', viewer, input),
    loadInitial('model-versions', viewer, input),
    loadInitial('runs', viewer, { ...input, runKind: 'training' }),
    loadInitial('time-series', viewer, { ...input, kind: 'inference', group: 'none' }),
    loadInitial('breakdown', viewer, { ...input, dimension: 'region' }),
  ]);

  return (
    <main className="page">
      <div className="breadcrumbs">
        <Link href={hrefWith('/models', filters)}>Models</Link>
        {model.team && (
          <>
            {' · '}
            <Link href={hrefWith(`/teams/${model.team.slug}`, filters)}>{model.team.name}</Link>
          </>
        )}
      </div>
      <h1>{model.name}</h1>
      <p className="muted">
        {model.modelKind === 'hosted_api'
          ? `Hosted by ${model.provider ?? 'a provider'}: see LLM APIs for its token figures.`
          : 'Trained and served in house.'}
      </p>
      <FilterBar options={options} hide={['model']} />
      <SummaryCards fixed={{ model: slug }} initial={summary} showMarket={false} />
      <ModelVersionsPanel model={slug} initial={versions} />
      <InferenceLoadPanel model={slug} initial={load} />
      <div className="grid-2">
        <RunsPanel
          fixed={{ model: slug }}
          runKind="training"
          initial={runs}
          title="Training runs"
        />
        <RegionsPanel fixed={{ model: slug }} initial={regions} />
      </div>
    </main>
  );
}
