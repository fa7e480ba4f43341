import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Citation } from '../../core/statistics.js';
import { downloadPng, downloadSvg, type ImageFrame } from '../chartExport.js';
import { ChartWidthContext, DEFAULT_CHART_WIDTH, useElementWidth } from '../charts/chartWidth.js';
import { citedCsv, type CsvTable } from '../../core/csv.js';
import { downloadCsv, slug } from '../csv.js';
import { useLang, useT } from '../i18n.js';
import { sdmxUrlIn, type SdmxLink } from '../sdmx.js';
import { sourceLineText } from '../sources.js';
import { SourceLine } from './SourceLine.js';

export interface ChartFrameProps {
  title: string;
  /** What is measured and in what unit, the period: shown under the title and in the image. */
  subtitle?: string;
  citations: readonly Citation[];
  /** The data behind the chart, for "Download CSV" (source columns are added on every row). */
  csv: CsvTable;
  /** Base of the downloaded files' names; the title's slug when absent. */
  filename?: string;
  /** The same data as a table, for readers who cannot see the chart. */
  table: ReactNode;
  /**
   * The same numbers from the SDMX API, for SDMX clients: one query, or one per dataflow when the
   * chart draws on several (editions, indicators), each labelled.
   */
  sdmxUrl?: string | readonly SdmxLink[];
  /** Controls above the chart (a switch of measure, of sex…). */
  controls?: ReactNode;
  /** Notes under the source line: method of a figure Bridges computed, caveats. */
  note?: ReactNode;
  /** False for reference data (the income classification), which has no catalogue page to link to. */
  catalogued?: boolean;
  /** The chart draws figures Bridges computed (shares, group means): the image says so, not "as published". */
  computed?: boolean;
  /**
   * An id for what follows the chart (its source line, notes, caveats, then its table), focusable:
   * where a link that skips a chart of many links (the map's countries) lands.
   */
  afterChartId?: string;
  /** The chart: one <svg>. */
  children: ReactNode;
}

/**
 * The frame every chart sits in: title, toolbar (CSV, PNG and SVG downloads, SDMX link), the
 * chart, its source line, notes, and its data as a table in a <details>. Downloads carry the
 * source: a citation on every CSV row, the title and source line drawn into the images.
 */
/** How long an image download waits for the off-screen copy of a chart to draw. */
const EXPORT_WAIT_MS = 5000;

export function ChartFrame({
  title,
  subtitle,
  citations,
  csv,
  filename,
  table,
  sdmxUrl,
  controls,
  note,
  catalogued = true,
  computed = false,
  afterChartId,
  children,
}: ChartFrameProps) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const notesRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const width = useElementWidth(bodyRef);
  const base = `bridges-${filename ?? slug(title)}`;
  // The SDMX answers name areas, units and sexes in the page's language, as the chart does.
  const sdmxLinks: readonly SdmxLink[] = (
    typeof sdmxUrl === 'string' ? [{ label: '', href: sdmxUrl }] : (sdmxUrl ?? [])
  ).map((link) => ({ ...link, href: sdmxUrlIn(link.href, lang) }));
  const frame: ImageFrame = {
    title,
    subtitle,
    footer: [
      sourceLineText(citations, { one: t.sourcePrefix, many: t.sourcesPrefix, separator: t.semicolon }),
      computed ? t.imageCreditComputed : t.imageCredit,
    ],
  };

  // The notes under the chart (editions that disagree, unusual values) go into the image too.
  const imageFrame = (): ImageFrame => ({ ...frame, footer: [...noteLines(notesRef.current), ...frame.footer] });

  // On a narrow screen (a phone) the chart is drawn for the page, with shortened names; its image
  // is drawn again at the width of a report's page, off screen, so the download loses nothing.
  const [exporting, setExporting] = useState<'png' | 'svg' | null>(null);
  const exportRef = useRef<HTMLDivElement>(null);

  function exportImage(kind: 'png' | 'svg', svg: SVGSVGElement | null | undefined) {
    if (!svg) return;
    setError(null);
    if (kind === 'svg') downloadSvg(svg, imageFrame(), `${base}.svg`);
    else
      downloadPng(svg, imageFrame(), `${base}.png`).catch((err: unknown) =>
        setError(err instanceof Error ? err.message : String(err)),
      );
  }

  function handleDownloadImage(kind: 'png' | 'svg') {
    if (width >= DEFAULT_CHART_WIDTH) exportImage(kind, bodyRef.current?.querySelector('svg'));
    else setExporting(kind);
  }

  useEffect(() => {
    if (!exporting) return;
    // A chart may draw its SVG a moment after it mounts (the map, once its shapes are read): the
    // copy is waited for, frame by frame, for a few seconds; then the reader is told, not left waiting.
    let cancelled = false;
    const started = performance.now();
    const attempt = () => {
      if (cancelled) return;
      const svg = exportRef.current?.querySelector('svg');
      if (svg) exportImage(exporting, svg);
      else if (performance.now() - started > EXPORT_WAIT_MS) setError(t.imageNotDrawn);
      else {
        requestAnimationFrame(attempt);
        return;
      }
      setExporting(null);
    };
    attempt();
    return () => {
      cancelled = true;
    };
    // exportImage reads the notes and the frame as they are now; only a request starts it.
  }, [exporting]);

  function handleDownloadCsv() {
    downloadCsv(`${base}.csv`, citedCsv(csv, citations, lang));
  }

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <div className="chart__head">
        <div>
          <h3 id={`${id}-title`} className="chart__title">
            {title}
          </h3>
          {subtitle && <p className="chart__subtitle">{subtitle}</p>}
        </div>
        <div className="chart__toolbar" role="group" aria-label={t.chartDownloads(title)}>
          <button type="button" className="button-small" onClick={handleDownloadCsv}>
            {t.downloadCsv}
          </button>
          <button type="button" className="button-small" onClick={() => handleDownloadImage('png')}>
            {t.downloadPng}
          </button>
          {/* Its name says what it does, as its neighbours' do; the short text it shows is in it (WCAG 2.5.3). */}
          <button
            type="button"
            className="button-small"
            aria-label={t.downloadSvgLabel}
            onClick={() => handleDownloadImage('svg')}
          >
            {t.downloadSvg}
          </button>
          {sdmxLinks.length === 1 && (
            <a
              className="button-small"
              href={sdmxLinks[0]?.href}
              title={[t.sdmxLinkTitle, sdmxLinks[0]?.label].filter(Boolean).join(': ')}
            >
              SDMX
            </a>
          )}
          {sdmxLinks.length > 1 && (
            <details className="chart__sdmx">
              <summary className="button-small" title={t.sdmxLinkTitle}>
                SDMX
              </summary>
              <ul>
                {sdmxLinks.map((link) => (
                  <li key={link.href}>
                    <a href={link.href}>{link.label}</a>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
      {controls && <div className="chart__controls">{controls}</div>}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="chart__body" ref={bodyRef}>
        <ChartWidthContext.Provider value={width}>{children}</ChartWidthContext.Provider>
      </div>
      {exporting && (
        <div className="chart__export" ref={exportRef} aria-hidden="true" inert>
          <ChartWidthContext.Provider value={DEFAULT_CHART_WIDTH}>{children}</ChartWidthContext.Provider>
        </div>
      )}
      <figcaption className="chart__caption" id={afterChartId} tabIndex={afterChartId ? -1 : undefined}>
        <SourceLine citations={citations} catalogued={catalogued} />
        <div className="chart__notes" ref={notesRef}>
          {note}
        </div>
        <Caveats citations={citations} />
      </figcaption>
      <details className="chart__data">
        <summary>{t.showTable}</summary>
        {table}
      </details>
    </figure>
  );
}

/**
 * The publishers' and Bridges' caveats on the datasets a chart draws on (an incomplete latest
 * year, a break, how editions differ): one visible line that opens onto them, in English as written.
 */
function Caveats({ citations }: { citations: readonly Citation[] }) {
  const t = useT();
  const withCaveats = citations.filter((c) => c.caveats);
  if (withCaveats.length === 0) return null;
  return (
    <details className="chart__caveats">
      <summary>{t.caveatsSummary(withCaveats.length)}</summary>
      <dl>
        {withCaveats.map((c) => (
          <div key={c.dataset}>
            <dt lang="en">
              {c.title} <span className="muted">({c.edition})</span>
            </dt>
            <dd lang="en">{c.caveats}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * The text of a chart's notes, one line per note, as drawn into its image: what only the page
 * needs (how to use the keyboard) is marked `data-page-only` and left out.
 */
function noteLines(notes: HTMLElement | null): string[] {
  if (!notes) return [];
  const copy = notes.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll('[data-page-only]')) element.remove();
  return [...copy.querySelectorAll('.chart__note')]
    .filter((element) => !element.parentElement?.closest('.chart__note'))
    .map(noteText)
    .filter(Boolean);
}

/** The parts of a DOM node that `noteText` reads (a structural type, so tests need no DOM). */
export interface NoteNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<NoteNode>;
  classList?: { contains(token: string): boolean };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements set on lines of their own on the page: in a note's text, a space keeps their words apart. */
const BLOCK_ELEMENTS = new Set(['P', 'DIV', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BR']);

/**
 * One note as a line of text. Its `textContent` would run the note's paragraphs together
 * ("… / members.Income groups …") and read a badge into the sentence beside it ("computed by
 * Bridges Income group: …"): here blocks are kept apart by a space, and a badge (`.tag`), which
 * the page sets apart by its box, is set in brackets.
 */
export function noteText(note: NoteNode): string {
  const words = (node: NoteNode): string => {
    if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
    if (node.nodeType !== ELEMENT_NODE) return '';
    const inner = Array.from(node.childNodes, words).join('');
    if (node.classList?.contains('tag')) return ` [${inner.trim()}] `;
    return BLOCK_ELEMENTS.has(node.nodeName.toUpperCase()) ? ` ${inner} ` : inner;
  };
  return words(note).replace(/\s+/g, ' ').trim();
}
