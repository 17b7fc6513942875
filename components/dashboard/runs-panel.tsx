'use client';

// Runs of a model or pipeline: energy and emissions per run, each linked to
// its events; a run repeating an earlier run's config is flagged redundant.
import Link from 'next/link';

import { emissionsColumn, energyColumn } from '@/components/dashboard/columns';
import { SeriesChart, emissionsAxis } from '@/components/charts/series-chart';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatEmissions } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useRuns } from '@/lib/hooks/use-kpi';
import type { FilterParams } from '@/lib/kpi/filters';

type Row = KpiData<'runs'>[number];

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function RunsPanel(props: {
  fixed: FilterParams;
  runKind: 'training' | 'pipeline_run';
  initial?: Initial<'runs'>;
  title: string;
  chart?: boolean;
}) {
  const { input, period } = usePanelInput(props.fixed);
  const query = useRuns({ ...input, runKind: props.runKind }, props.initial);
  const rows = query.data ?? [];
  const redundant = rows.filter((r) => r.repeatsRunId);
  const redundantG = redundant.reduce((sum, r) => sum + r.emissionsG, 0);
  const axis = emissionsAxis(Math.max(0, ...rows.map((r) => r.emissionsG)));

  return (
    <Panel
      title={props.title}
      note={`CO2e and kWh per run, started in ${period} (times UTC)`}
      state={stateOf(query)}
      empty={rows.length === 0}
      emptyText="No runs started in this period."
    >
      {props.runKind === 'pipeline_run' && rows.length > 0 && (
        <p style={{ marginTop: 0 }} data-testid="redundant-summary">
          <span className="badge warning">Redundant</span> {redundant.length} of {rows.length} runs
          repeated an earlier run with the same config hash: {formatEmissions(redundantG)} that
          reused results could have saved.
        </p>
      )}
      {props.chart && rows.length > 0 && (
        <SeriesChart
          data={rows.map((r) => ({ start: r.startedAt.slice(0, 16), emissionsG: r.emissionsG }))}
          x="start"
          series={[{ key: 'emissionsG', label: 'Emissions per run' }]}
          axisLabel={`${axis.unit} per run`}
          scale={axis.scale}
          format={formatEmissions}
          height={220}
        />
      )}
      <DataTable<Row>
        testId="table-runs"
        caption={`${props.title}, ${period}`}
        csvName={`runs-${period}`}
        rows={rows}
        rowKey={(r) => r.id}
        initialSort={{ key: 'started', descending: true }}
        columns={[
          {
            key: 'run',
            label: 'Run',
            value: (r) => r.externalId,
            render: (r) => <Link href={`/runs/${r.id}`}>{r.externalId}</Link>,
          },
          {
            key: 'started',
            label: 'Started',
            value: (r) => r.startedAt,
            render: (r) => when(r.startedAt),
          },
          ...(props.runKind === 'training'
            ? [{ key: 'version', label: 'Version', value: (r: Row) => r.modelVersion }]
            : [
                {
                  key: 'repeats',
                  label: 'Redundant?',
                  value: (r: Row) => r.repeatsExternalId,
                  render: (r: Row) =>
                    r.repeatsRunId ? (
                      <span>
                        <span className="badge warning">Repeats</span>{' '}
                        <Link href={`/runs/${r.repeatsRunId}`}>{r.repeatsExternalId}</Link>
                      </span>
                    ) : (
                      '—'
                    ),
                },
              ]),
          energyColumn<Row>(),
          emissionsColumn<Row>(),
        ]}
      />
    </Panel>
  );
}
