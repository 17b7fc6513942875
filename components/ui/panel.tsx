// The one loading / empty / error treatment every panel uses: a titled box
// that says its unit and period, keeps stale figures dimmed while new ones
// load, and never goes blank.
import type { ReactNode } from 'react';

export interface PanelState {
  isPending?: boolean;
  isFetching?: boolean;
  isPlaceholderData?: boolean;
  error?: Error | null;
}

export interface PanelProps {
  title: string;
  /** Unit and period, e.g. "kgCO2e · 2026-Q3". */
  note?: ReactNode;
  actions?: ReactNode;
  state?: PanelState;
  empty?: boolean;
  emptyText?: string;
  id?: string;
  children?: ReactNode;
}

export function PanelMessage({
  kind,
  children,
}: {
  kind: 'loading' | 'empty' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`panel-state ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Panel({
  title,
  note,
  actions,
  state = {},
  empty,
  emptyText,
  id,
  children,
}: PanelProps) {
  const headingId = id ? `${id}-title` : undefined;
  let body: ReactNode = children;
  if (state.error && state.isPending !== false) {
    body = <PanelMessage kind="error">Could not load this: {state.error.message}</PanelMessage>;
  } else if (state.isPending) {
    body = <PanelMessage kind="loading">Loading…</PanelMessage>;
  } else if (empty) {
    body = (
      <PanelMessage kind="empty">{emptyText ?? 'No data for this period and filter.'}</PanelMessage>
    );
  }
  const busy = Boolean(state.isFetching && !state.isPending);

  return (
    <section className="panel" id={id} aria-labelledby={headingId} aria-busy={busy}>
      <div className="panel-head">
        <div>
          <h2 id={headingId}>{title}</h2>
          {note && <div className="panel-note">{note}</div>}
        </div>
        {actions}
      </div>
      {state.error && !state.isPending && (
        <PanelMessage kind="error">
          Could not refresh: {state.error.message}. Showing the last figures.
        </PanelMessage>
      )}
      <div className={busy ? 'panel-busy' : undefined}>{body}</div>
    </section>
  );
}

/** Panel state from a React Query result. */
export function stateOf(query: {
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
}): PanelState {
  return {
    isPending: query.isPending,
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    error: query.error,
  };
}
