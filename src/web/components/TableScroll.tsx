import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/**
 * A box that lets a wide table scroll sideways on small screens, and a long one down. When the
 * table is wider or longer than the box, the box takes focus (and is a region named by the table's
 * caption) so keyboard users can scroll it with the arrow keys too; when it fits, it is no tab stop
 * and no landmark. A shadow on
 * the side where more columns are hidden tells a phone user that the table goes on; on the left it
 * falls at the right edge of the column that stays in view (the names), where columns go under.
 */
export function TableScroll({ captionId, children }: { captionId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  // Until measured (and where nothing measures, as in tests without layout), it scrolls.
  const [scrolls, setScrolls] = useState(true);
  // Columns hidden at the start or the end; where the sticky names end (under), the caption's
  // height (top) and the box's width, in pixels: what the shadows and the caption are placed by.
  const [layout, setLayout] = useState({ start: false, end: false, under: 0, width: 0, top: 0 });
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const overflow = box.scrollWidth - box.clientWidth;
      // A long table scrolls down inside its box (styles.css caps its height) as a wide one sideways.
      setScrolls(overflow > 1 || box.scrollHeight - box.clientHeight > 1);
      const start = box.scrollLeft > 1;
      const end = box.scrollLeft < overflow - 1;
      // The row's cell that stays in view while the others scroll (styles.css: position sticky).
      const row = box.querySelector('tbody tr');
      const sticky = [...(row?.children ?? [])].find((c) => getComputedStyle(c).position === 'sticky');
      const under = sticky ? Math.round(sticky.getBoundingClientRect().right - box.getBoundingClientRect().left) : 0;
      const width = box.clientWidth;
      // The shadows start under the caption, which stays in view.
      const top = Math.round(box.querySelector('caption')?.getBoundingClientRect().height ?? 0);
      setLayout((h) =>
        h.start === start && h.end === end && h.under === under && h.width === width && h.top === top
          ? h
          : { start, end, under, width, top },
      );
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
      data-hidden-start={layout.start || undefined}
      data-hidden-end={layout.end || undefined}
      style={
        // The caption is as wide as the box, so that it stays in view as the table scrolls (styles.css).
        {
          ...(layout.under ? { '--hidden-under': `${String(layout.under)}px` } : {}),
          ...(layout.top ? { '--hidden-top': `${String(layout.top)}px` } : {}),
          ...(layout.width ? { '--box-width': `${String(layout.width)}px` } : {}),
        } as CSSProperties
      }
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
