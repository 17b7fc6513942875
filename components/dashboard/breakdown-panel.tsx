'use client';

// Emissions by region (or another plain dimension), linked to the events.
import { emissionsColumn, energyColumn } from '@/components/dashboard/columns';
import { hrefWith } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatNumber } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useBreakdown } from '@/lib/hooks/use-kpi';
import type { FilterParams } from '@/lib/kpi/filters';

type Row = KpiData<'breakdown'>[number];

export function RegionsPanel(props: { fixed?: FilterParams; initial?: Initial<'breakdown'> }) {
  const { input, period } = usePanelInput(props.fixed);
  const query = useBreakdown({ ...input, dimension: 'region' }, props.initial);
  const rows = query.data ?? [];

  return (
    <Panel
      title="Regions"
      note={`CO2e and kWh, ${period}`}
      state={stateOf(query)}
      empty={rows.length === 0}
    >
      <DataTable<Row>
        caption={`Emissions by region, ${period}`}
        csvName={`regions-${period}`}
        rows={rows}
        rowKey={(r) => r.key ?? 'none'}
        initialSort={{ key: 'emissionsG', descending: true }}
        columns={[
          {
            key: 'region',
            label: 'Region',
            value: (r) => r.label,
            render: (r) => (
              <a href={hrefWith('/events', input, { region: r.key ?? '' })}>{r.label}</a>
            ),
          },
          emissionsColumn<Row>(),
          energyColumn<Row>(),
          {
            key: 'intensity',
            label: 'gCO2e / kWh',
            numeric: true,
            value: (r) => (r.facilityEnergyKwh > 0 ? r.emissionsG / r.facilityEnergyKwh : null),
            render: (r) =>
              r.facilityEnergyKwh > 0 ? formatNumber(r.emissionsG / r.facilityEnergyKwh) : '—',
          },
        ]}
      />
    </Panel>
  );
}
