import type { SourceFile } from '../ingest/read-source.js';
import type { AreaResolver } from './area-resolver.js';

/** What a dataset says about itself: one publisher edition, cited the way the publisher asks. */
export interface DatasetMeta {
  /** Stable id, family + edition: `undesa-ims-2024`. */
  id: string;
  /** Editions of the same publication share a family: `undesa-ims`. */
  family: string;
  title: string;
  publisher: string;
  edition: string;
  /** ISO date, or null when the publisher gives none. */
  releaseDate: string | null;
  licence: string;
  sourceUrl: string | null;
  citation: string;
  methodNotes: string | null;
  caveats: string | null;
  /** Where the bundled file comes from (repository, commit, derivation). */
  provenance: string;
  /**
   * A user's file: where it was read from (its data file's and mapping's absolute paths), which
   * tells a corrected file from another under the same id. Absent for bundled datasets.
   */
  loadedFrom?: string;
}

export interface IndicatorDef {
  id: string;
  name: string;
  unit: string;
  description: string;
  measureType: 'stock' | 'flow' | 'rate';
  topic: string;
  /**
   * For a rate that is a share of something the same edition also publishes (migrants as a share
   * of the population): that indicator, whose values weight the rate's means over several areas,
   * so that a region's share is its migrants over its population, as the publisher computes it.
   */
  weightedBy?: string;
}

export type Sex = '_T' | 'M' | 'F';
export type Frequency = 'A' | 'S' | 'Q';
export type ObservationStatus = 'A' | 'E' | 'P' | 'I' | 'F';

/** One value with its dimensions and attributes, as an importer reads it. */
export interface ObservationInput {
  indicator: string;
  refArea: string;
  counterpartArea: string | null;
  sex: Sex;
  freq: Frequency;
  /** Extra dimensions, e.g. `{ group: 'refugee' }`; empty for most sources. */
  dims?: Record<string, string>;
  /** `2020`, `2011-Q1` or `2011-S1`. */
  period: string;
  value: number;
  status?: ObservationStatus;
  /** The source's own type-of-data codes, as printed. */
  flags?: string | null;
}

/** An aggregate a publisher computed (World, a region, an income group), kept apart from countries. */
export interface AggregateArea {
  code: string;
  name: string;
  publisher: string;
  /** Its name in French and Spanish: where Bridges named it, or Bridges' translation of a publisher's English name. */
  names?: { fr?: string; es?: string };
}

export interface ParsedDataset {
  observations: ObservationInput[];
  aggregates?: AggregateArea[];
}

export interface ImportContext {
  /** Reads one of the importer's files (bundled, or the path a user gave). */
  file(name: string): SourceFile;
  areas: AreaResolver;
}

/** A publisher's layout: which files it reads and how they become observations. */
export interface Importer {
  meta: DatasetMeta;
  indicators: IndicatorDef[];
  /** File names, relative to the data folder (bundled under data/stats/). */
  files: string[];
  /** Bump when the reading changes, so a loaded edition is read again. */
  version: number;
  read(ctx: ImportContext): Promise<ParsedDataset> | ParsedDataset;
}

/**
 * The key of a series' own dimensions (`dims_key`): `name=value` pairs by name, joined by `;`,
 * each name and value's `%`, `;` and `=` percent-encoded, so that a value holding "x;b=y" cannot
 * make the key of another combination. Empty without dimensions. (No bundled value holds them.)
 */
export function dimsKeyOf(dims: Readonly<Record<string, string>> | undefined): string {
  if (!dims) return '';
  const part = (text: string) => text.replace(/[%;=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.keys(dims)
    .sort()
    .map((k) => `${part(k)}=${part(dims[k] ?? '')}`)
    .join(';');
}

/** `2011Q1` / `2011-Q1` / `2011` → the SDMX period and the date it starts. */
export function normalisePeriod(text: string): { period: string; start: string; freq: Frequency } | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m?.[1]) return { period: m[1], start: `${m[1]}-01-01`, freq: 'A' };
  m = /^(\d{4})[-_ ]?Q([1-4])$/i.exec(t) ?? /^(\d{4})_([1-4])Q$/i.exec(t);
  if (m?.[1] && m[2]) {
    const month = String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0');
    return { period: `${m[1]}-Q${m[2]}`, start: `${m[1]}-${month}-01`, freq: 'Q' };
  }
  m = /^(\d{4})[-_ ]?S([12])$/i.exec(t);
  if (m?.[1] && m[2])
    return { period: `${m[1]}-S${m[2]}`, start: `${m[1]}-${m[2] === '1' ? '01' : '07'}-01`, freq: 'S' };
  return null;
}
