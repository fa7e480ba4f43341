import type { ReactNode } from 'react';
import { TableScroll } from './TableScroll.js';

/**
 * A table with its caption and column headings, in a box that scrolls sideways and is named by
 * the caption. The rows are the caller's (`<tr>`s, each starting with its row header).
 */
export function CaptionedTable({
  id,
  caption,
  columns,
  className = 'data-table',
  busy,
  children,
}: {
  /** Makes the caption's id: "revisions" → "revisions-caption". */
  id: string;
  caption: ReactNode;
  /** The column headings, in order. */
  columns: readonly string[];
  className?: string;
  /** Set while the rows are being fetched again. */
  busy?: boolean;
  children: ReactNode;
}) {
  const captionId = `${id}-caption`;
  return (
    <TableScroll captionId={captionId}>
      <table className={className} aria-busy={busy}>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}
