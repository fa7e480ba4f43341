import { termLabel, type ItemType, type VocabularyName } from '../core/library-vocab.js';
import type { UiLanguage } from '../core/languages.js';

/**
 * Small pure helpers the library pages share: text in the reader's language with the language
 * it is really in, vocabulary labels, periods and dates.
 */

/** Text in the UI languages as the API holds it (English always, French and Spanish when translated). */
export type MultilingualText = { en: string; fr?: string; es?: string };

/**
 * The text in `lang`, else English, with the language it is in: the page marks English
 * fallbacks `lang="en"` so screen readers pronounce them right.
 */
export function pickText(text: MultilingualText, lang: UiLanguage): { text: string; lang: UiLanguage } {
  const translated = text[lang];
  return translated ? { text: translated, lang } : { text: text.en, lang: 'en' };
}

/** Labels of a list of codes, in the vocabulary's order of the codes given. */
export function labelsOf(vocabulary: VocabularyName, codes: readonly string[], lang: UiLanguage): string[] {
  return codes.map((code) => termLabel(vocabulary, code, lang));
}

/** "2008–2012", "since 2008", "until 2012", or null when neither end is known. */
export function periodText(
  period: { start?: number; end?: number } | undefined,
  words: { since: (year: string) => string; until: (year: string) => string },
): string | null {
  if (!period) return null;
  const { start, end } = period;
  if (start !== undefined && end !== undefined) return start === end ? String(start) : `${start}–${end}`;
  if (start !== undefined) return words.since(String(start));
  if (end !== undefined) return words.until(String(end));
  return null;
}

/** A date and time of the API (ISO) as the reader's language writes it. */
export function formatDateTime(iso: string, lang: UiLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The UI path of a library item. */
export function itemPath(id: string): string {
  return `/library/${encodeURIComponent(id)}`;
}

/** The three library item types, in the order the UI offers them. */
export const LIBRARY_TYPES: readonly ItemType[] = ['record', 'organisation', 'study'];

export function isItemType(value: string | null): value is ItemType {
  return value === 'record' || value === 'organisation' || value === 'study';
}

/** A comma-separated URL list as an array, empty entries dropped. */
export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A path to come back to after logging in: only a path of this site (no `//host`, no scheme),
 * so a crafted link cannot send the reader elsewhere.
 */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/**
 * Data flattened to dotted paths and text, for comparing two versions field by field:
 * `{title: {en: "A"}, themes: ["x", "y"]}` → `{"title.en": "A", "themes": "x, y"}`.
 */
export function flattenData(value: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (v: unknown, path: string) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) {
      if (v.every((x) => typeof x !== 'object' || x === null)) {
        if (v.length > 0) out[path] = v.map(String).join(', ');
      } else v.forEach((x, i) => visit(x, path ? `${path}.${String(i)}` : String(i)));
    } else if (typeof v === 'object') {
      for (const [key, x] of Object.entries(v as Record<string, unknown>)) visit(x, path ? `${path}.${key}` : key);
    } else out[path] = String(v);
  };
  visit(value, prefix);
  return out;
}
