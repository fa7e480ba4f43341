import type { ReactNode } from 'react';

/**
 * A box that lets a wide table scroll sideways on small screens. It can take focus (and is named
 * by the table's caption) so keyboard users can scroll it with the arrow keys too.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {children}
    </div>
  );
}
