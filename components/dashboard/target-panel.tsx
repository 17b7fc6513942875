'use client';

// Progress against the current target: this year's emissions so far against
// the year's share of a straight line from baseline to target.
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatEmissions, formatPercent } from '@/lib/format';
import type { Initial } from '@/lib/hooks/kpi-query';
import { useTargetProgress } from '@/lib/hooks/use-kpi';

export function TargetPanel({ initial }: { initial?: Initial<'target'> }) {
  const { filters } = usePanelInput();
  const input = { quarter: filters.quarter, from: filters.from, to: filters.to };
  const query = useTargetProgress(input, initial);
  const target = query.data;
  const used = target?.budgetUsed ?? 0;

  return (
    <Panel
      title="Progress against target"
      note={target ? `CO2e, 1 January ${target.year} to the end of the period` : undefined}
      state={stateOf(query)}
      empty={target === null}
      emptyText="No organisation-wide target is set."
    >
      {target && (
        <>
          <p style={{ marginTop: 0 }}>
            <strong>{target.name}</strong>: from {formatEmissions(target.baselineEmissionsG)} in{' '}
            {target.baselineYear} to {formatEmissions(target.targetEmissionsG)} in{' '}
            {target.targetYear} ({formatPercent(target.requiredReduction)} less).
          </p>
          <div
            className={`progress${used > 1 ? ' over' : ''}`}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(used * 100)}
            aria-label={`${formatPercent(used)} of the ${target.year} budget used`}
          >
            <span style={{ width: `${Math.min(100, used * 100)}%` }} />
          </div>
          <p className="kpi-meta">
            {formatEmissions(target.yearToDateG)} emitted in {target.year} so far:{' '}
            {formatPercent(target.budgetUsed)} of the year&apos;s budget of{' '}
            {formatEmissions(target.yearBudgetG)} on the straight line to the target.
          </p>
        </>
      )}
    </Panel>
  );
}
