import Link from 'next/link';
import { notFound } from 'next/navigation';

import { FilterBar } from '@/components/dashboard/filter-bar';
import { hrefWith } from '@/components/dashboard/labels';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { RunsPanel } from '@/components/dashboard/runs-panel';
import { StepsPanel } from '@/components/dashboard/steps-panel';
import { SummaryCards } from '@/components/dashboard/summary-cards';
import { requireViewer } from '@/lib/auth/viewer';
import { findEntity } from '@/lib/kpi/find-entity';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';

type Params = Promise<{ slug: string }>;

export default async function PipelinePage(props: { params: Params; searchParams: Search }) {
  const { slug } = await props.params;
  const viewer = await requireViewer({ returnTo: `/pipelines/${slug}` });
  const { filters } = await readSearch(props.searchParams);
  const pipeline = await findEntity(viewer.organisationId, 'pipeline', slug);
  if (!pipeline) notFound();
  const input = { ...filters, pipeline: slug };

  const [options, summary, runs, steps] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('summary', viewer, input),
    loadInitial('runs', viewer, { ...input, runKind: 'pipeline_run' }),
    loadInitial('pipeline-steps', viewer, input),
  ]);

  return (
    <main className="page">
      <div className="breadcrumbs">
        <Link href={hrefWith('/pipelines', filters)}>Pipelines</Link>
        {pipeline.team && (
          <>
            {' · '}
            <Link href={hrefWith(`/teams/${pipeline.team.slug}`, filters)}>
              {pipeline.team.name}
            </Link>
          </>
        )}
      </div>
      <h1>{pipeline.name}</h1>
      <FilterBar options={options} hide={['model']} />
      <SummaryCards fixed={{ pipeline: slug }} initial={summary} showMarket={false} />
      <StepsPanel pipeline={slug} initial={steps} />
      <RunsPanel
        fixed={{ pipeline: slug }}
        runKind="pipeline_run"
        initial={runs}
        title="Runs"
        chart
      />
    </main>
  );
}
