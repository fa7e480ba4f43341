import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that lets a wide table scroll sideways on small screens. When the table is wider than the
 * box, the box takes focus (and is a region named by the table's caption) so keyboard users can
 * scroll it with the arrow keys too; when it fits, it is no tab stop and no landmark.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Until measured (and where nothing measures, as in tests without layout), it scrolls.
  const [scrolls, setScrolls] = useState(true);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="table-scroll"
      role={scrolls ? 'region' : undefined}
      aria-labelledby={scrolls ? captionId : undefined}
      tabIndex={scrolls ? 0 : undefined}
    >
      {children}
    </div>
  );
}
