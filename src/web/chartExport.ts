import { wrapWords } from './charts/layout.js';
import { downloadBlob } from './csv.js';

/**
 * Chart images for download: the chart's own SVG framed by its title above and its source line
 * below, drawn into the image itself, so a chart pasted into a report still says where its
 * numbers come from. The charts draw with SVG presentation attributes (not CSS classes), so the
 * serialised SVG looks the same outside the page.
 */

const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';
const PADDING = 16;
const TITLE_SIZE = 17;
const SUBTITLE_SIZE = 13;
const SOURCE_SIZE = 11;
const MIN_WIDTH = 560;
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ImageFrame {
  title: string;
  subtitle?: string;
  /** Source lines ("Source: …"), each wrapped to the image's width. */
  footer: readonly string[];
}

let measureContext: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, size: number, weight = 400): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.55;
  measureContext.font = `${String(weight)} ${String(size)}px ${FONT_FAMILY}`;
  return measureContext.measureText(text).width;
}

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The view box a chart is exported with: its own, or a larger one it asks for (`data-export-viewbox`). */
function exportViewBox(svg: SVGSVGElement): string | null {
  return svg.getAttribute('data-export-viewbox');
}

function chartSize(svg: SVGSVGElement): { width: number; height: number } {
  const exported = exportViewBox(svg)?.split(/\s+/).map(Number);
  if (exported && exported.length === 4 && (exported[2] ?? 0) > 0)
    return { width: exported[2] ?? 0, height: exported[3] ?? 0 };
  const box = svg.viewBox.baseVal;
  if (box && box.width > 0 && box.height > 0) return { width: box.width, height: box.height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/** A standalone SVG document: title, subtitle, the chart, the source lines; and its size. */
export function framedSvg(svg: SVGSVGElement, frame: ImageFrame): { markup: string; width: number; height: number } {
  const chart = chartSize(svg);
  const width = Math.max(MIN_WIDTH, Math.ceil(chart.width) + 2 * PADDING);
  const inner = width - 2 * PADDING;
  const titleLines = wrapWords(frame.title, inner, (l) => textWidth(l, TITLE_SIZE, 700));
  const subtitleLines = frame.subtitle ? wrapWords(frame.subtitle, inner, (l) => textWidth(l, SUBTITLE_SIZE)) : [];
  const footerLines = frame.footer.flatMap((line) => wrapWords(line, inner, (l) => textWidth(l, SOURCE_SIZE)));

  const parts: string[] = [];
  let y = PADDING;
  for (const line of titleLines) {
    y += TITLE_SIZE * 1.25;
    parts.push(
      `<text x="${String(PADDING)}" y="${String(y)}" font-size="${String(TITLE_SIZE)}" font-weight="700" fill="#0b3c5d">${escapeXml(line)}</text>`,
    );
  }
  for (const line of subtitleLines) {
    y += SUBTITLE_SIZE * 1.35;
    parts.push(
      `<text x="${String(PADDING)}" y="${String(y)}" font-size="${String(SUBTITLE_SIZE)}" fill="#4b5563">${escapeXml(line)}</text>`,
    );
  }
  y += 10;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('x', String(PADDING + (inner - chart.width) / 2));
  clone.setAttribute('y', String(y));
  clone.setAttribute('width', String(chart.width));
  clone.setAttribute('height', String(chart.height));
  clone.removeAttribute('class');
  clone.removeAttribute('style');
  // Focus rings and hover states are page furniture, not part of the figure.
  for (const element of clone.querySelectorAll('[tabindex]')) element.removeAttribute('tabindex');
  // Parts drawn only in the image (a map's legend, which the page shows in HTML).
  const viewBox = exportViewBox(svg);
  if (viewBox) clone.setAttribute('viewBox', viewBox);
  for (const element of clone.querySelectorAll('[data-export-only]')) element.removeAttribute('display');
  parts.push(new XMLSerializer().serializeToString(clone));
  y += chart.height + 12;
  parts.push(
    `<line x1="${String(PADDING)}" x2="${String(width - PADDING)}" y1="${String(y)}" y2="${String(y)}" stroke="#d1d5db"/>`,
  );
  y += 4;
  for (const line of footerLines) {
    y += SOURCE_SIZE * 1.4;
    parts.push(
      `<text x="${String(PADDING)}" y="${String(y)}" font-size="${String(SOURCE_SIZE)}" fill="#374151">${escapeXml(line)}</text>`,
    );
  }
  const height = Math.ceil(y + PADDING);
  const markup =
    `<svg xmlns="${SVG_NS}" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" font-family='${FONT_FAMILY}'>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { markup, width, height };
}

/** Downloads the chart as an SVG file, with its title and source line. */
export function downloadSvg(svg: SVGSVGElement, frame: ImageFrame, filename: string): void {
  const { markup } = framedSvg(svg, frame);
  downloadBlob(filename, new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${markup}`], { type: 'image/svg+xml' }));
}

/** Draws the framed chart on a canvas at twice its size and downloads it as a PNG. */
export async function downloadPng(svg: SVGSVGElement, frame: ImageFrame, filename: string): Promise<void> {
  const { markup, width, height } = framedSvg(svg, frame);
  const image = new Image();
  image.decoding = 'async';
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The image could not be made');
  downloadBlob(filename, blob);
}
