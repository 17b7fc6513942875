'use client';

// A model's versions side by side: gCO2e per 1,000 inferences and its change
// from the version before.
import {
  emissionsColumn,
  gPer1kInferencesColumn,
  trainingColumn,
} from '@/components/dashboard/columns';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { ChangeText } from '@/components/ui/kpi-card';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useModelVersions } from '@/lib/hooks/use-kpi';

type Row = KpiData<'model-versions'>[number];

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

export function ModelVersionsPanel(props: { model: string; initial?: Initial<'model-versions'> }) {
  const { input, period } = usePanelInput({ model: props.model });
  const query = useModelVersions({ ...input, model: props.model }, props.initial);
  const rows = query.data ?? [];

  return (
    <Panel
      title="Versions compared"
      note={`gCO2e per 1,000 inferences, ${period}; change against the version before`}
      state={stateOf(query)}
      empty={rows.length === 0}
      emptyText="No versions recorded for this model."
    >
      <DataTable<Row>
        testId="table-versions"
        caption={`Versions, ${period}`}
        csvName={`${props.model}-versions-${period}`}
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { key: 'version', label: 'Version', value: (r) => r.version },
          {
            key: 'seen',
            label: 'Telemetry from',
            value: (r) => r.firstSeen,
            render: (r) => `${day(r.firstSeen)} to ${day(r.lastSeen)}`,
          },
          {
            key: 'inferences',
            label: 'Inferences',
            numeric: true,
            value: (r) => r.inferences,
            render: (r) => formatCount(r.inferences),
          },
          gPer1kInferencesColumn<Row>(),
          {
            key: 'change',
            label: 'vs previous version',
            numeric: true,
            value: (r) => r.changeFromPrevious,
            render: (r) => <ChangeText change={r.changeFromPrevious} />,
          },
          trainingColumn<Row>(),
          emissionsColumn<Row>('Total'),
        ]}
      />
    </Panel>
  );
}
