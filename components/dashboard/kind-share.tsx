'use client';

// Share of emissions by kind of work, this period against the previous one.
import { hrefWith, KIND_LABELS } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { ChangeText } from '@/components/ui/kpi-card';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatEmissions, formatPercent } from '@/lib/format';
import type { Initial } from '@/lib/hooks/kpi-query';
import { useSummary } from '@/lib/hooks/use-kpi';
import { EVENT_KINDS } from '@/lib/ingest/types';
import { change } from '@/lib/kpi/intensity';

export function KindShare({ initial }: { initial?: Initial<'summary'> }) {
  const { input, period } = usePanelInput();
  const query = useSummary(input, initial);
  const data = query.data;
  const total = data?.current.totals.emissionsG ?? 0;

  return (
    <Panel
      title="Share by kind"
      note={`% of CO2e, ${period}`}
      state={stateOf(query)}
      empty={total === 0}
    >
      {data && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Kind</th>
                <th className="num">Emissions</th>
                <th>Share</th>
                <th className="num">Change</th>
              </tr>
            </thead>
            <tbody>
              {EVENT_KINDS.map((kind) => {
                const grams = data.current.emissionsByKindG[kind];
                const share = total > 0 ? grams / total : 0;

                return (
                  <tr key={kind}>
                    <td>
                      <a href={hrefWith('/events', input, { kind })}>{KIND_LABELS[kind]}</a>
                    </td>
                    <td className="num" data-value={grams}>
                      {formatEmissions(grams)}
                    </td>
                    <td>
                      <div style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
                        <div className="share-bar" style={{ flex: 1 }}>
                          <span style={{ width: `${share * 100}%` }} />
                        </div>
                        <span style={{ minWidth: '3.5rem', textAlign: 'right' }}>
                          {formatPercent(share)}
                        </span>
                      </div>
                    </td>
                    <td className="num">
                      <ChangeText change={change(grams, data.previous.emissionsByKindG[kind])} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
