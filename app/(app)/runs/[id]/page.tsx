import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';

import { EventsPanel } from '@/components/dashboard/events-panel';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { requireViewer } from '@/lib/auth/viewer';
import { formatCount, formatEmissions, formatEnergy } from '@/lib/format';
import { getRun } from '@/lib/kpi/get-run';
import { loadInitial } from '@/lib/kpi/load-initial';
import { pageFrom } from '@/lib/kpi/search-filters';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;

const RUN_KINDS = {
  training: 'Training run',
  pipeline_run: 'Pipeline run',
  deployment: 'Deployment',
};
const when = (date: Date | null) =>
  date ? date.toISOString().slice(0, 16).replace('T', ' ') : '—';

export default async function RunPage(props: { params: Params; searchParams: Search }) {
  const { id } = await props.params;
  const viewer = await requireViewer({ returnTo: `/runs/${id}` });
  const { search } = await readSearch(props.searchParams);
  if (!z.uuid().safeParse(id).success) notFound();
  const run = await getRun(viewer.organisationId, id);
  if (!run) notFound();

  const events = await loadInitial('events', viewer, {
    run: id,
    page: pageFrom(search.page),
    pageSize: 50,
  });

  return (
    <main className="page">
      <div className="breadcrumbs">
        {run.team && <Link href={`/teams/${run.team.slug}`}>{run.team.name}</Link>}
        {run.model && (
          <>
            {' · '}
            <Link href={`/models/${run.model.slug}`}>{run.model.name}</Link>
          </>
        )}
        {run.pipeline && (
          <>
            {' · '}
            <Link href={`/pipelines/${run.pipeline.slug}`}>{run.pipeline.name}</Link>
          </>
        )}
      </div>
      <h1>{run.externalId}</h1>
      <section className="panel" aria-label="Run">
        <dl className="facts">
          <dt>Kind</dt>
          <dd>{RUN_KINDS[run.kind]}</dd>
          {run.modelVersion && (
            <>
              <dt>Model version</dt>
              <dd>{run.modelVersion}</dd>
            </>
          )}
          {run.configHash && (
            <>
              <dt>Config hash</dt>
              <dd>
                <code>{run.configHash}</code>
              </dd>
            </>
          )}
          <dt>From – to (UTC)</dt>
          <dd>
            {when(run.startedAt)} – {when(run.endedAt)}
          </dd>
          <dt>Events</dt>
          <dd>{formatCount(run.eventCount)}</dd>
          <dt>Energy, incl. PUE</dt>
          <dd>{formatEnergy(run.facilityEnergyKwh)}</dd>
          <dt>Emissions (range)</dt>
          <dd data-testid="run-emissions" data-value={run.emissionsG}>
            {formatEmissions(run.emissionsG)}{' '}
            <span className="muted">
              ({formatEmissions(run.emissionsMinG)} – {formatEmissions(run.emissionsMaxG)})
            </span>
          </dd>
          {run.fallbackCount > 0 && (
            <>
              <dt>Fallback intensity</dt>
              <dd>{formatCount(run.fallbackCount)} events used the world average</dd>
            </>
          )}
        </dl>
      </section>
      <EventsPanel run={id} initial={events} />
    </main>
  );
}
