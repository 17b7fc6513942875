// The plain table of the settings pages: a header row, a row per record, and
// a sentence instead of the table when there are no records.
import type { ReactNode } from 'react';

export interface RecordColumn {
  label: string;
  numeric?: boolean;
  /** Named for screen readers only, e.g. the column of a row's buttons. */
  hidden?: boolean;
}

/** The column of a row's buttons. */
export const ACTIONS: RecordColumn = { label: 'Actions', hidden: true };

function header(column: RecordColumn | string) {
  const { label, numeric, hidden } = typeof column === 'string' ? { label: column } : column;
  if (hidden) return <th key={label} aria-label={label} />;

  return (
    <th key={label} className={numeric ? 'num' : undefined}>
      {label}
    </th>
  );
}

export function RecordTable<Row>(props: {
  /** A column left out (e.g. `canEdit && ACTIONS`) is `false`. */
  columns: (RecordColumn | string | false)[];
  rows: Row[];
  /** Shown instead of the table when there are no rows; without it the table shows. */
  empty?: ReactNode;
  children: (row: Row) => ReactNode;
}) {
  if (props.empty !== undefined && props.rows.length === 0) {
    return <p className="muted">{props.empty}</p>;
  }

  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>{props.columns.map((column) => (column === false ? null : header(column)))}</tr>
        </thead>
        <tbody>{props.rows.map((row) => props.children(row))}</tbody>
      </table>
    </div>
  );
}
