import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A box that lets a wide table scroll sideways on small screens. When the table is wider than the
 * box, the box takes focus (and is a region named by the table's caption) so keyboard users can
 * scroll it with the arrow keys too; when it fits, it is no tab stop and no landmark. A shadow on
 * the side where more columns are hidden tells a phone user that the table goes on.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Until measured (and where nothing measures, as in tests without layout), it scrolls.
  const [scrolls, setScrolls] = useState(true);
  const [hidden, setHidden] = useState({ start: false, end: false });
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const overflow = box.scrollWidth - box.clientWidth;
      setScrolls(overflow > 1);
      const start = box.scrollLeft > 1;
      const end = box.scrollLeft < overflow - 1;
      setHidden((h) => (h.start === start && h.end === end ? h : { start, end }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    box.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      observer.disconnect();
      box.removeEventListener('scroll', measure);
    };
  }, []);
  return (
    <div
      className="table-scroll-frame"
      data-hidden-start={hidden.start || undefined}
      data-hidden-end={hidden.end || undefined}
    >
      <div
        ref={ref}
        className="table-scroll"
        role={scrolls ? 'region' : undefined}
        aria-labelledby={scrolls ? captionId : undefined}
        tabIndex={scrolls ? 0 : undefined}
      >
        {children}
      </div>
    </div>
  );
}
