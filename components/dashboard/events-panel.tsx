'use client';

// The events behind a figure, a page at a time from the server, each with
// where its energy and intensity came from and the factor set it was priced
// with.
import Link from 'next/link';

import { emissionsColumn } from '@/components/dashboard/columns';
import { kindLabel } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount, formatEmissions, formatEnergy, formatNumber } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useEvents } from '@/lib/hooks/use-kpi';
import { pageFrom } from '@/lib/kpi/search-filters';

type Row = KpiData<'events'>['events'][number];

const PAGE_SIZE = 50;
// "GreenOps default (Ember, …)" reads as "GreenOps default"; the title has it all.
const shortName = (name: string) => name.replace(/\s*\(.*\)\s*$/, '') || name;

export function EventsPanel(props: { run?: string; initial?: Initial<'events'> }) {
  const { input, period, search, setParams } = usePanelInput();
  const page = pageFrom(search.get('page'));
  const query = useEvents({ ...input, run: props.run, page, pageSize: PAGE_SIZE }, props.initial);
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const scope = props.run ? 'all of this run' : period;

  return (
    <Panel
      title="Events"
      note={`Newest first, times UTC, ${scope}`}
      state={stateOf(query)}
      empty={data?.total === 0}
      emptyText="No events match these filters."
    >
      {data && (
        <>
          <p
            style={{ marginTop: 0 }}
            data-testid="events-summary"
            data-total={data.total}
            data-emissions={data.emissionsG}
          >
            {formatCount(data.total)} events, {formatEmissions(data.emissionsG)} in all ({scope}).
          </p>
          <DataTable<Row>
            testId="table-events"
            caption={`Events, ${scope}, page ${page}`}
            csvName={`events-page-${page}`}
            rows={data.events}
            rowKey={(r) => r.id}
            pageSize={PAGE_SIZE}
            dense
            columns={[
              {
                key: 'start',
                label: 'Start',
                value: (r) => r.windowStart,
                render: (r) => (
                  <>
                    <span className="nowrap">{r.windowStart.slice(0, 10)}</span>
                    <div className="muted">{r.windowStart.slice(11, 16)}</div>
                  </>
                ),
              },
              {
                key: 'kind',
                label: 'Kind',
                value: (r) => r.kind,
                render: (r) => kindLabel(r.kind),
              },
              { key: 'team', label: 'Team', value: (r) => r.teamName },
              {
                key: 'what',
                label: 'Model / pipeline',
                value: (r) => r.modelName ?? r.pipelineName,
                render: (r) => (
                  <>
                    {r.modelName ?? r.pipelineName ?? '—'}
                    {r.modelVersion && <span className="muted"> {r.modelVersion}</span>}
                    {r.step && <span className="muted"> · {r.step}</span>}
                  </>
                ),
              },
              {
                key: 'run',
                label: 'Run',
                value: (r) => r.runExternalId,
                render: (r) =>
                  r.runId ? <Link href={`/runs/${r.runId}`}>{r.runExternalId}</Link> : '—',
              },
              { key: 'region', label: 'Region', value: (r) => r.regionKey },
              {
                key: 'energy',
                label: 'Energy (source)',
                csvLabel: 'facility_energy_kwh',
                numeric: true,
                value: (r) => r.facilityEnergyKwh,
                render: (r) => (
                  <>
                    {formatEnergy(r.facilityEnergyKwh)}
                    <div className="muted cell-wrap">
                      {r.energySource.replace('_', ' ')}, PUE {formatNumber(r.pue)}
                    </div>
                  </>
                ),
              },
              {
                key: 'intensity',
                label: 'gCO2e / kWh (source)',
                csvLabel: 'intensity_g_per_kwh',
                numeric: true,
                value: (r) => r.intensityGPerKwh,
                render: (r) => (
                  <>
                    {formatNumber(r.intensityGPerKwh)}
                    {r.intensityFallback && (
                      <>
                        {' '}
                        <span
                          className="badge warning"
                          title="No factor for this region: the world average was used"
                        >
                          fallback
                        </span>
                      </>
                    )}
                    <div className="muted cell-wrap cell-source">{r.intensitySource}</div>
                  </>
                ),
              },
              {
                key: 'factorSet',
                label: 'Factor set',
                value: (r) => `${r.factorSetId} v${r.factorSetVersion}`,
                render: (r) => {
                  const name = r.factorSetName ?? r.factorSetId.slice(0, 8);

                  return (
                    <span
                      title={`${r.factorSetName ?? 'Factor set'} v${r.factorSetVersion} (${r.factorSetId})`}
                    >
                      {shortName(name)} v{r.factorSetVersion}
                    </span>
                  );
                },
              },
              emissionsColumn<Row>(),
            ]}
          />
          <nav className="table-tools" aria-label="Event pages">
            <span className="muted">
              Page {page} of {formatCount(pages)}
            </span>
            <span style={{ display: 'flex', gap: '0.5rem' }}>
              <button
                type="button"
                className="secondary"
                disabled={page <= 1}
                onClick={() => setParams({ page: String(page - 1) })}
              >
                Newer
              </button>
              <button
                type="button"
                className="secondary"
                disabled={page >= pages}
                onClick={() => setParams({ page: String(page + 1) })}
              >
                Older
              </button>
            </span>
          </nav>
        </>
      )}
    </Panel>
  );
}
