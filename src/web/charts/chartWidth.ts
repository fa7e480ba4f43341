import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

/** Width a chart is drawn at before its frame has been measured (and in tests without layout). */
export const DEFAULT_CHART_WIDTH = 720;
const MIN_CHART_WIDTH = 300;

/**
 * The pixel width of the frame a chart sits in. Charts draw at that width (rather than scaling a
 * fixed drawing), so their text keeps its size on a phone and on a wide screen alike.
 */
export const ChartWidthContext = createContext(DEFAULT_CHART_WIDTH);

export function useChartWidth(): number {
  return Math.max(MIN_CHART_WIDTH, useContext(ChartWidthContext));
}

/** Follows the width of an element with a ResizeObserver. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(DEFAULT_CHART_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
