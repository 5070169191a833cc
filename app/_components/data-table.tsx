import { Link } from '~/app/_components/link';
import type { ReactNode } from 'react';

/**
 * The one table of the app: a caption, column headers with scope, an optional row header, a message when
 * there are no rows, and optional sorting by the address (`?sort=…&dir=…`), so it renders on the server.
 *
 *   <DataTable
 *     caption="Schools in this workspace" hideCaption
 *     rows={schools} rowKey={(s) => s.id}
 *     columns={[
 *       { header: 'Name', cell: (s) => <Link href={…}>{s.name}</Link>, rowHeader: true },
 *       { header: 'Pupils', cell: (s) => s.numberOfPupils, align: 'right' },
 *     ]}
 *     empty="No schools yet."
 *   />
 */

export type Column<Row> = {
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  align?: 'left' | 'right';
  /** This column names the row: its cells are `<th scope="row">`. */
  rowHeader?: boolean;
  /** Classes added to this column's header and cells. */
  className?: string;
  /** With the table's `sort`: the key this column sorts by. */
  sortKey?: string;
};

export type TableSort = {
  key: string;
  direction: 'asc' | 'desc';
  /** The address that sorts the table by `key` in `direction`. */
  href: (key: string, direction: 'asc' | 'desc') => string;
};

/**
 * A cell's own classes, as props to spread: none at all when it has none, since React's payload spells out even
 * `className={undefined}`. Padding and rules come from `.data-table` (globals.css), once for the whole table.
 */
const classProps = (className: string | undefined) => (className ? { className } : {});
const cellClass = (column: { align?: 'left' | 'right'; className?: string }) =>
  classProps(
    [column.align === 'right' ? 'text-right' : '', column.className ?? ''].filter(Boolean).join(' '),
  );

export function DataTable<Row>({
  caption,
  hideCaption,
  rows,
  rowKey,
  columns,
  empty,
  emptyClassName = 'mt-2 text-slate-700',
  foot,
  sort,
  className,
  alignTop,
  rowTestId,
}: {
  caption: ReactNode;
  /** Keep the caption for screen readers only, when a heading above already says it. */
  hideCaption?: boolean;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  columns: readonly (Column<Row> | false | null | undefined)[];
  /** Shown instead of the table when there are no rows (null: nothing); without it an empty table is shown. */
  empty?: ReactNode;
  emptyClassName?: string;
  /** Rows of the `<tfoot>`, e.g. totals. */
  foot?: ReactNode;
  sort?: TableSort;
  /** Classes of the scrolling wrapper (e.g. margins). */
  className?: string;
  /** Top-align every row's cells (rows whose cells run to several lines), set once on the table. */
  alignTop?: boolean;
  /** A `data-testid` on every body row, for journeys that count rows. */
  rowTestId?: string;
}) {
  if (rows.length === 0 && empty !== undefined)
    return empty === null ? null : <p className={emptyClassName}>{empty}</p>;
  const shown = columns.filter((c): c is Column<Row> => Boolean(c));
  // Each column's cell props once, not once per cell: a 500-row register has 3,000 cells.
  const cellProps = shown.map(cellClass);
  return (
    <div className={['overflow-x-auto', className ?? ''].filter(Boolean).join(' ')}>
      <table
        className={`data-table w-full border-collapse bg-white text-left text-sm${alignTop ? ' [&>tbody>tr]:align-top' : ''}`}
      >
        <caption className={hideCaption ? 'sr-only' : 'pb-1 text-left font-semibold'}>{caption}</caption>
        <thead>
          <tr>
            {shown.map((column, i) => {
              const sorted = sort && column.sortKey === sort.key ? sort.direction : undefined;
              return (
                <th
                  key={i}
                  scope="col"
                  {...cellClass(column)}
                  aria-sort={sort && column.sortKey ? (sorted ? `${sorted}ending` : 'none') : undefined}
                >
                  {sort && column.sortKey ? (
                    <Link
                      href={sort.href(column.sortKey, sorted === 'asc' ? 'desc' : 'asc')}
                      className="text-brand-dark underline"
                    >
                      {column.header}
                      {sorted && <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} {...(rowTestId ? { 'data-testid': rowTestId } : {})}>
              {shown.map((column, i) =>
                column.rowHeader ? (
                  <th key={i} scope="row" {...cellProps[i]}>
                    {column.cell(row, r)}
                  </th>
                ) : (
                  <td key={i} {...cellProps[i]}>
                    {column.cell(row, r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </div>
  );
}
