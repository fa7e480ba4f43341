import type { Citation } from '../core/statistics.js';

export type CsvCell = string | number | null | undefined;

/** The data behind one chart, flat: its own columns, and for each row the datasets it comes from. */
export interface CsvTable {
  columns: readonly string[];
  rows: readonly { cells: Readonly<Record<string, CsvCell>>; sources: readonly string[] }[];
}

/** The columns every CSV row ends with, as in the API's own CSV, so a row cut out still names its source. */
export const SOURCE_COLUMNS = ['dataset', 'publisher', 'edition', 'licence', 'citation'] as const;

const JOIN = ' | ';

function quote(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV of a chart's data, written like the API's CSV: the chart's columns, then dataset,
 * publisher, edition, licence and citation on every row (joined with " | " when a figure comes
 * from several datasets, a share of GDP say). Numbers are written in full, unrounded.
 */
export function toCsv(table: CsvTable, citations: readonly Citation[]): string {
  const byId = new Map(citations.map((c) => [c.dataset, c]));
  const lines = [[...table.columns, ...SOURCE_COLUMNS].map(quote).join(',')];
  for (const row of table.rows) {
    const cited = row.sources.map((id) => byId.get(id)).filter((c): c is Citation => c !== undefined);
    const join = (pick: (c: Citation) => string) => cited.map(pick).join(JOIN);
    lines.push(
      [
        ...table.columns.map((column) => row.cells[column]),
        join((c) => c.dataset),
        join((c) => c.publisher),
        join((c) => c.edition),
        join((c) => c.licence),
        join((c) => c.citation),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "Top destinations — Philippines" → "top-destinations-philippines": a file name from a title. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'chart'
  );
}

/** Offers `content` to the reader as a file download. */
export function downloadBlob(filename: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers CSV text as a download. */
export function downloadCsv(filename: string, csv: string): void {
  downloadBlob(filename, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
}
