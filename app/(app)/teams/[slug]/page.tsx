import Link from 'next/link';
import { notFound } from 'next/navigation';

import { RegionsPanel } from '@/components/dashboard/breakdown-panel';
import { DimensionTable } from '@/components/dashboard/dimension-table';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { hrefWith } from '@/components/dashboard/labels';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { SummaryCards } from '@/components/dashboard/summary-cards';
import { TimeSeriesPanel } from '@/components/dashboard/time-series-panel';
import { requireViewer } from '@/lib/auth/viewer';
import { findEntity } from '@/lib/kpi/find-entity';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';

export const dynamic = 'force-dynamic';

type Params = Promise<{ slug: string }>;

export default async function TeamPage(props: { params: Params; searchParams: Search }) {
  const { slug } = await props.params;
  const viewer = await requireViewer({ returnTo: `/teams/${slug}` });
  const { filters, group } = await readSearch(props.searchParams, ['kind', 'model']);
  const team = await findEntity(viewer.organisationId, 'team', slug);
  if (!team) notFound();
  const input = { ...filters, team: slug };

  const [options, summary, series, models, pipelines, regions] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('summary', viewer, input),
    loadInitial('time-series', viewer, { ...input, group }),
    loadInitial('table', viewer, { ...input, dimension: 'model' }),
    loadInitial('table', viewer, { ...input, dimension: 'pipeline' }),
    loadInitial('breakdown', viewer, { ...input, dimension: 'region' }),
  ]);

  return (
    <main className="page">
      <div className="breadcrumbs">
        <Link href={hrefWith('/teams', filters)}>Teams</Link> /
      </div>
      <h1>{team.name}</h1>
      <p className="muted">
        Everything the {team.name} team ran: its models, pipelines and LLM calls.
      </p>
      <FilterBar options={options} hide={['team']} />
      <SummaryCards fixed={{ team: slug }} initial={summary} showMarket={false} />
      <TimeSeriesPanel
        fixed={{ team: slug }}
        initial={series}
        groups={['kind', 'model']}
        title="Trend"
      />
      <DimensionTable dimension="model" fixed={{ team: slug }} initial={models} title="Models" />
      <div className="grid-2">
        <DimensionTable
          dimension="pipeline"
          fixed={{ team: slug }}
          initial={pipelines}
          title="Pipelines"
        />
        <RegionsPanel fixed={{ team: slug }} initial={regions} />
      </div>
    </main>
  );
}
