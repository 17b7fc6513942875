// A headline figure: what it is, its unit and period, the value, and how it
// moved against the previous period. Lower emissions read as good (green).
import Link from 'next/link';
import type { ReactNode } from 'react';

import { formatChange } from '@/lib/format';

export interface KpiCardProps {
  label: string;
  /** Unit and period, e.g. "kgCO2e, 2026-Q3". */
  unitAndPeriod: string;
  value: string;
  /** The exact value in its base unit, for tests and screen readers. */
  rawValue?: number | null;
  href?: string;
  change?: number | null;
  previous?: string;
  extra?: ReactNode;
  testId?: string;
}

export function ChangeText({ change }: { change: number | null | undefined }) {
  if (change === null || change === undefined) return <span>n/a</span>;
  const className = change > 0 ? 'change-up' : change < 0 ? 'change-down' : undefined;

  return <span className={className}>{formatChange(change)}</span>;
}

export function KpiCard(props: KpiCardProps) {
  return (
    <div className="kpi-card" data-testid={props.testId}>
      <div className="kpi-label">
        {props.label} <span className="muted">({props.unitAndPeriod})</span>
      </div>
      <div className="kpi-value" data-value={props.rawValue ?? ''}>
        {props.href ? <Link href={props.href}>{props.value}</Link> : props.value}
      </div>
      {props.previous !== undefined && (
        <div className="kpi-meta">
          <ChangeText change={props.change} /> vs previous period ({props.previous})
        </div>
      )}
      {props.extra && <div className="kpi-meta">{props.extra}</div>}
    </div>
  );
}
