'use client';

// The one table of the dashboards: sortable by any column, paginated, and
// exportable to CSV with full-precision values in base units.
import { useMemo, useState, type ReactNode } from 'react';

import { downloadCsv, toCsv } from '@/components/ui/csv';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value to sort on and to export (base unit, full precision). */
  value: (row: Row) => string | number | null;
  /** What people see; defaults to the value. */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** Header of the exported column, e.g. "emissions_g". */
  csvLabel?: string;
}

export interface DataTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  caption: string;
  csvName: string;
  initialSort?: { key: string; descending: boolean };
  pageSize?: number;
  testId?: string;
  /** Smaller type and cells, for tables of many columns (events). */
  dense?: boolean;
}

export function DataTable<Row>(props: DataTableProps<Row>) {
  const { columns, rows, pageSize = 25 } = props;
  const [sort, setSort] = useState(props.initialSort ?? null);
  const [page, setPage] = useState(0);

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!column || !sort) return rows;
    const direction = sort.descending ? -1 : 1;

    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;

      return (
        (typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y))) * direction
      );
    });
  }, [rows, columns, sort]);

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = sorted.slice(current * pageSize, (current + 1) * pageSize);

  const toggle = (key: string, numeric?: boolean) => {
    setSort((old) =>
      old?.key === key
        ? { key, descending: !old.descending }
        : { key, descending: Boolean(numeric) },
    );
    setPage(0);
  };
  const exportCsv = () =>
    downloadCsv(
      `${props.csvName}.csv`,
      toCsv(
        columns.map((c) => c.csvLabel ?? c.label),
        sorted.map((row) => columns.map((c) => c.value(row))),
      ),
    );

  return (
    <div data-testid={props.testId}>
      <div className={props.dense ? 'table-scroll table-dense' : 'table-scroll'}>
        <table>
          <caption className="skip-link">{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : 'none';

                return (
                  <th
                    key={column.key}
                    className={column.numeric ? 'num' : undefined}
                    aria-sort={ariaSort}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => toggle(column.key, column.numeric)}
                    >
                      {column.label}
                      <span aria-hidden="true">
                        {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={props.rowKey(row)}>
                {columns.map((column) => (
                  <td
                    key={column.key}
                    className={column.numeric ? 'num' : undefined}
                    data-column={column.key}
                    data-value={column.value(row) ?? ''}
                  >
                    {column.render ? column.render(row) : (column.value(row) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-tools">
        <span className="muted">
          {sorted.length} row{sorted.length === 1 ? '' : 's'}
          {pages > 1 && ` · page ${current + 1} of ${pages}`}
        </span>
        <span style={{ display: 'flex', gap: '0.5rem' }}>
          {pages > 1 && (
            <>
              <button
                type="button"
                className="secondary"
                disabled={current === 0}
                onClick={() => setPage(current - 1)}
              >
                Previous
              </button>
              <button
                type="button"
                className="secondary"
                disabled={current >= pages - 1}
                onClick={() => setPage(current + 1)}
              >
                Next
              </button>
            </>
          )}
          <button type="button" className="secondary" onClick={exportCsv}>
            Export CSV
          </button>
        </span>
      </div>
    </div>
  );
}
