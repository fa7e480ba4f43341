import { useId, type ReactNode } from 'react';
import { TableScroll } from './TableScroll.js';

export interface Column {
  key: string;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/**
 * A plain data table with a caption: the first column is the row header, or, in a ranking, the
 * second (the name), which stays in view on a phone while the rank scrolls away. Used as the
 * table fallback of charts and for lists of figures.
 */
export function DataTable({
  caption,
  columns,
  rows,
  captionHidden = false,
  ranked = false,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly { key: string; cells: Readonly<Record<string, ReactNode>> }[];
  captionHidden?: boolean;
  /** The first column is a rank, the second the row header. */
  ranked?: boolean;
}) {
  const id = useId();
  const header = columns[ranked ? 1 : 0];
  if (!header) return null;
  return (
    <TableScroll captionId={`${id}-caption`}>
      <table className={`data-table data-table--compact${ranked ? ' data-table--ranked' : ''}`}>
        <caption id={`${id}-caption`} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {columns.map((column) =>
                column === header ? (
                  <th key={column.key} scope="row">
                    {row.cells[column.key]}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {row.cells[column.key] ?? '—'}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
