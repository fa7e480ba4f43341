import { useId, type ReactNode } from 'react';
import { TableScroll } from './TableScroll.js';

export interface Column {
  key: string;
  label: string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

/**
 * A plain data table with a caption: the first column is the row header. Used as the table
 * fallback of charts and for lists of figures.
 */
export function DataTable({
  caption,
  columns,
  rows,
  captionHidden = false,
}: {
  caption: string;
  columns: readonly Column[];
  rows: readonly { key: string; cells: Readonly<Record<string, ReactNode>> }[];
  captionHidden?: boolean;
}) {
  const id = useId();
  const [first, ...rest] = columns;
  if (!first) return null;
  return (
    <TableScroll captionId={`${id}-caption`}>
      <table className="data-table data-table--compact">
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
              <th scope="row">{row.cells[first.key]}</th>
              {rest.map((column) => (
                <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                  {row.cells[column.key] ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
