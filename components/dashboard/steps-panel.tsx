'use client';

// The pipeline steps that cost most over the period's runs.
import { emissionsColumn, energyColumn, shareColumn } from '@/components/dashboard/columns';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { usePipelineSteps } from '@/lib/hooks/use-kpi';

type Row = KpiData<'pipeline-steps'>[number];

export function StepsPanel(props: { pipeline: string; initial?: Initial<'pipeline-steps'> }) {
  const { input, period } = usePanelInput({ pipeline: props.pipeline });
  const query = usePipelineSteps({ ...input, pipeline: props.pipeline }, props.initial);
  const rows = query.data ?? [];

  return (
    <Panel
      title="Costliest steps"
      note={`CO2e and kWh summed over runs, ${period}`}
      state={stateOf(query)}
      empty={rows.length === 0}
    >
      <DataTable<Row>
        caption={`Steps, ${period}`}
        csvName={`${props.pipeline}-steps-${period}`}
        rows={rows}
        rowKey={(r) => r.step}
        initialSort={{ key: 'emissionsG', descending: true }}
        columns={[
          { key: 'step', label: 'Step', value: (r) => r.step },
          {
            key: 'runs',
            label: 'Runs',
            numeric: true,
            value: (r) => r.runCount,
            render: (r) => formatCount(r.runCount),
          },
          energyColumn<Row>(),
          emissionsColumn<Row>(),
          shareColumn<Row>(),
        ]}
      />
    </Panel>
  );
}
