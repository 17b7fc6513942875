'use client';

// A model's inference load over time, per version.
import { SeriesChart } from '@/components/charts/series-chart';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount } from '@/lib/format';
import type { Initial } from '@/lib/hooks/kpi-query';
import { useTimeSeries } from '@/lib/hooks/use-kpi';

export function InferenceLoadPanel(props: { model: string; initial?: Initial<'time-series'> }) {
  const { input, period } = usePanelInput({ model: props.model, kind: 'inference' });
  const query = useTimeSeries({ ...input, group: 'none' }, props.initial);
  const data = query.data;
  const rows = (data?.points ?? []).map((p) => ({
    start: p.start,
    total: p.inferences.total ?? 0,
  }));
  const empty = rows.every((r) => r.total === 0);

  return (
    <Panel
      title="Inference load"
      note={`inferences per ${data?.bucket ?? 'bucket'} (${data?.timeZone ?? ''}), ${period}`}
      state={stateOf(query)}
      empty={empty}
      emptyText="This model served no inferences in the period."
    >
      <SeriesChart
        data={rows}
        x="start"
        series={[{ key: 'total', label: 'Inferences' }]}
        axisLabel={`thousand inferences per ${data?.bucket ?? 'bucket'}`}
        scale={(v) => v / 1000}
        format={(v) => `${formatCount(v)} inferences`}
        kind="line"
        height={220}
      />
    </Panel>
  );
}
