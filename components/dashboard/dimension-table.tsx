'use client';

// Teams, models or pipelines in a sortable table (or the top N), each row a
// link to its page, with the figures in that dimension's terms.
import Link from 'next/link';

import {
  emissionsColumn,
  energyColumn,
  gPer1kInferencesColumn,
  shareColumn,
  trainingColumn,
} from '@/components/dashboard/columns';
import { hrefWith } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable, type Column } from '@/components/ui/data-table';
import { ChangeText } from '@/components/ui/kpi-card';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount, formatEmissions } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useDimensionTable } from '@/lib/hooks/use-kpi';
import type { FilterParams } from '@/lib/kpi/filters';

type Row = KpiData<'table'>[number];
type Dimension = 'team' | 'model' | 'pipeline';

const PATHS: Record<Dimension, string> = {
  team: '/teams',
  model: '/models',
  pipeline: '/pipelines',
};
const NAMES: Record<Dimension, string> = { team: 'Team', model: 'Model', pipeline: 'Pipeline' };

function columnsFor(dimension: Dimension, filters: FilterParams, compact: boolean): Column<Row>[] {
  const name: Column<Row> = {
    key: 'label',
    label: NAMES[dimension],
    value: (r) => r.label,
    render: (r) => <Link href={hrefWith(`${PATHS[dimension]}/${r.slug}`, filters)}>{r.label}</Link>,
  };
  const emissions = emissionsColumn<Row>();
  const energy = energyColumn<Row>();
  const changeColumn: Column<Row> = {
    key: 'change',
    label: 'Change',
    csvLabel: 'change_vs_previous',
    numeric: true,
    value: (r) => r.change,
    render: (r) => <ChangeText change={r.change} />,
  };
  const share = shareColumn<Row>();
  const intensity = gPer1kInferencesColumn<Row>();
  const team: Column<Row> = {
    key: 'team',
    label: 'Team',
    value: (r) => r.teamName,
    render: (r) =>
      r.teamSlug ? <Link href={hrefWith(`/teams/${r.teamSlug}`, filters)}>{r.teamName}</Link> : '—',
  };
  if (compact) return [name, emissions, share, changeColumn];
  if (dimension === 'team') return [name, emissions, energy, changeColumn, share, intensity];
  if (dimension === 'pipeline') return [name, team, emissions, energy, changeColumn, share];

  return [
    name,
    team,
    emissions,
    intensity,
    trainingColumn<Row>(),
    {
      key: 'inference',
      label: 'Inference',
      csvLabel: 'inference_g',
      numeric: true,
      value: (r) => r.inferenceEmissionsG,
      render: (r) => formatEmissions(r.inferenceEmissionsG),
    },
    {
      key: 'versions',
      label: 'Versions',
      numeric: true,
      value: (r) => r.versionCount,
      render: (r) => formatCount(r.versionCount),
    },
    changeColumn,
  ];
}

export function DimensionTable(props: {
  dimension: Dimension;
  fixed?: FilterParams;
  initial?: Initial<'table'>;
  title?: string;
  top?: number;
}) {
  const { input, period, filters } = usePanelInput(props.fixed);
  const query = useDimensionTable({ ...input, dimension: props.dimension }, props.initial);
  const rows = query.data ?? [];
  const shown = props.top ? rows.slice(0, props.top) : rows;

  return (
    <Panel
      title={props.title ?? `${NAMES[props.dimension]}s`}
      note={`CO2e and kWh, ${period}; change vs the previous period`}
      state={stateOf(query)}
      empty={rows.length === 0}
      actions={
        props.top ? (
          <Link href={hrefWith(PATHS[props.dimension], filters)}>
            All {NAMES[props.dimension].toLowerCase()}s
          </Link>
        ) : undefined
      }
    >
      <DataTable
        testId={`table-${props.dimension}`}
        caption={`${NAMES[props.dimension]}s by emissions, ${period}`}
        csvName={`${props.dimension}s-${period}`}
        columns={columnsFor(props.dimension, filters, Boolean(props.top))}
        rows={shown}
        rowKey={(r) => r.id}
        initialSort={{ key: 'emissionsG', descending: true }}
        pageSize={props.top ?? 25}
      />
    </Panel>
  );
}
