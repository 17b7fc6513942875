'use client';

// Emissions over time, stacked by kind or team (the choice is in the URL as
// `group`), in buckets the server picks from the range.
import { emissionsAxis, SeriesChart } from '@/components/charts/series-chart';
import { groupFrom, kindLabel, type Group } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatEmissions } from '@/lib/format';
import type { Initial } from '@/lib/hooks/kpi-query';
import { useTimeSeries } from '@/lib/hooks/use-kpi';
import type { FilterParams } from '@/lib/kpi/filters';

const GROUP_LABELS: Record<Group, string> = { kind: 'Kind', team: 'Team', model: 'Model' };

export function TimeSeriesPanel(props: {
  fixed?: FilterParams;
  initial?: Initial<'time-series'>;
  groups?: Group[];
  title?: string;
}) {
  const groups = props.groups ?? ['kind', 'team'];
  const { input, period, search, setParams } = usePanelInput(props.fixed);
  const group = groupFrom(search.get('group'), groups);
  const query = useTimeSeries({ ...input, group }, props.initial);
  const data = query.data;
  const rows = (data?.points ?? []).map((p) => ({ start: p.start, ...p.emissionsG }));
  const max = Math.max(
    0,
    ...(data?.points ?? []).map((p) => Object.values(p.emissionsG).reduce((a, b) => a + b, 0)),
  );
  const axis = emissionsAxis(max);
  const empty = max === 0;

  return (
    <Panel
      title={props.title ?? 'Emissions over time'}
      note={`${axis.unit} per ${data?.bucket ?? 'bucket'} (${data?.timeZone ?? ''}), ${period}`}
      state={stateOf(query)}
      empty={empty}
      actions={
        groups.length > 1 && (
          <div className="segmented" role="group" aria-label="Stack by">
            {groups.map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={g === group}
                onClick={() => setParams({ group: g })}
              >
                By {GROUP_LABELS[g].toLowerCase()}
              </button>
            ))}
          </div>
        )
      }
    >
      {data && (
        <SeriesChart
          data={rows}
          x="start"
          series={data.groups.map((g) => ({
            key: g.key,
            label: group === 'kind' ? kindLabel(g.label) : g.label,
          }))}
          axisLabel={`${axis.unit} per ${data.bucket}`}
          scale={axis.scale}
          format={formatEmissions}
        />
      )}
    </Panel>
  );
}
