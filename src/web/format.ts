import type { UiLanguage } from '../core/languages.js';
import { isPercentUnit, USD_FACTORS } from '../core/statistics-terms.js';

/**
 * Numbers as each UI language writes them. Everything goes through Intl.NumberFormat (group and
 * decimal separators, the space before % in French and Spanish); only the money scale words are
 * ours, because Intl's compact forms ("1.2B", "1200 M") are not how analysts write dollars.
 */

interface NumberFormatter {
  format(value: number): string;
}

const formatters = new Map<string, NumberFormatter>();

function numberFormat(lang: UiLanguage, options: Intl.NumberFormatOptions): NumberFormatter {
  const key = `${lang}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // NOTE: grouping "always", so Spanish writes 1.200 like 12.000 and a column of figures lines up.
    // signDisplay "negative": a value that rounds to zero is 0, not −0 (ODA of −0.004 % of GDP).
    const intl = new Intl.NumberFormat(lang, { useGrouping: 'always', signDisplay: 'negative', ...options });
    // One minus sign everywhere, the typographic one (−2 points, −10 %), whatever the language's
    // Intl data writes (English: a hyphen).
    formatter = { format: (value) => intl.format(value).replace('-', '\u2212') };
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Decimals that keep about three significant figures, never more than `max`. */
function decimalsFor(value: number, max = 2): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 100) return 0;
  if (abs >= 10) return Math.min(1, max);
  return max;
}

/** A whole count or measure with the language's separators: 2,263,697 / 2 263 697 / 2.263.697. */
export function formatNumber(value: number, lang: UiLanguage, maximumFractionDigits?: number): string {
  return numberFormat(lang, { maximumFractionDigits: maximumFractionDigits ?? decimalsFor(value) }).format(value);
}

/** Short numbers for axis ticks: 2.3M / 2,3 M / 2,3 M. */
export function formatCompact(value: number, lang: UiLanguage): string {
  return numberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A value already in percent (5.3 means 5.3 %): 5.3% / 5,3 % / 5,3 %. */
export function formatPercent(
  value: number,
  lang: UiLanguage,
  maximumFractionDigits = 1,
  minimumFractionDigits = 0,
): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits, minimumFractionDigits }).format(value / 100);
}

/**
 * US dollars at a readable scale: "US$ 1.2 bn", "US$ 350 m" in English; "1,2 Md US$", "350 M US$"
 * in French; "1.200 M US$" in Spanish, which counts in millions (a Spanish "billón" is 10¹²).
 * Without the currency ("1.2 bn", "1,2 Md") where a heading already says US$.
 */
export function formatUsd(value: number, lang: UiLanguage, currency = true): string {
  const abs = Math.abs(value);
  const scaled = (divisor: number) => {
    const v = value / divisor;
    return numberFormat(lang, { maximumFractionDigits: decimalsFor(v, 1) }).format(v);
  };
  if (lang === 'en') {
    const usd = currency ? 'US$ ' : '';
    if (abs >= 1e9) return `${usd}${scaled(1e9)} bn`;
    if (abs >= 1e6) return `${usd}${scaled(1e6)} m`;
    return `${usd}${formatNumber(value, lang, 0)}`;
  }
  const usd = currency ? '\u00a0US$' : '';
  if (lang === 'fr') {
    if (abs >= 1e9) return `${scaled(1e9)}\u00a0Md${usd}`;
    if (abs >= 1e6) return `${scaled(1e6)}\u00a0M${usd}`;
    return `${formatNumber(value, lang, 0)}${usd}`;
  }
  if (abs >= 1e6) return `${scaled(1e6)}\u00a0M${usd}`;
  return `${formatNumber(value, lang, 0)}${usd}`;
}

/** How a unit printed by a publisher is read: money (with its factor to US$), percent, or a count. */
export type UnitKind = { kind: 'usd'; toUsd: number } | { kind: 'percent' } | { kind: 'count' };

export function unitKind(unit: string): UnitKind {
  const toUsd = USD_FACTORS[unit];
  if (toUsd !== undefined) return { kind: 'usd', toUsd };
  if (isPercentUnit(unit)) return { kind: 'percent' };
  return { kind: 'count' };
}

/**
 * A value in the unit the API gave, formatted for reading (US$ scaled, percent with its sign);
 * US$ without the currency where a heading names it (`currency` false).
 */
export function formatValue(value: number, unit: string, lang: UiLanguage, currency = true): string {
  const kind = unitKind(unit);
  if (kind.kind === 'usd') return formatUsd(value * kind.toUsd, lang, currency);
  // Two decimals always, so that a column or a chart of rates reads alike: 12.20% beside 12.27%.
  if (kind.kind === 'percent') return formatPercent(value, lang, 2, 2);
  return formatNumber(value, lang);
}

/** A short form of the same, for chart axes. */
export function formatTick(value: number, unit: string, lang: UiLanguage): string {
  const kind = unitKind(unit);
  if (kind.kind === 'usd') return formatUsd(value * kind.toUsd, lang);
  if (kind.kind === 'percent') return formatPercent(value, lang, 1);
  return Math.abs(value) >= 10_000 ? formatCompact(value, lang) : formatNumber(value, lang);
}

/**
 * A date (an ISO date or timestamp) as the catalogue and a dataset's page both say it, in full
 * ("24 November 2026"), read in UTC so that a load at 23:30 is not dated the next day east of it;
 * null when none, the text as it is when it is no date.
 */
export function formatDate(iso: string | null, lang: UiLanguage): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * A period as a reader of the language writes it: years as they are; SDMX's quarters and half-years
 * ("2025-Q1", "2025-S2") as "Q1 2025" and "H2 2025" in English, "T1 2025" and "S2 2025" in French
 * and Spanish (trimestre, semestre). Files and addresses keep the SDMX form.
 */
export function formatPeriod(period: string, lang: UiLanguage): string {
  const m = /^(\d{4})-([QS])([1-4])$/.exec(period);
  if (!m) return period;
  const [, year, kind, n] = m;
  const letter = kind === 'Q' ? (lang === 'en' ? 'Q' : 'T') : lang === 'en' ? 'H' : 'S';
  return `${letter}${n ?? ''}\u00a0${year ?? ''}`;
}

/** The periods from `first` to `last` as the language writes them: "T2 2016–T1 2025", or one period; "—" for none. */
export function formatPeriodRange(first: string | null, last: string | null, lang: UiLanguage): string {
  if (!first && !last) return '—';
  const [a, b] = [first ?? last ?? '', last ?? first ?? ''];
  return a === b ? formatPeriod(a, lang) : `${formatPeriod(a, lang)}–${formatPeriod(b, lang)}`;
}

/** "2011-Q1" → 2011.0, "2011-Q3" → 2011.5, "2011-S2" → 2011.5, "2020" → 2020: a position on a time axis. */
export function periodPosition(period: string): number {
  const m = /^(\d{4})(?:-(Q|S)(\d))?$/.exec(period);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  if (m[2] === 'Q') return year + (Number(m[3]) - 1) / 4;
  if (m[2] === 'S') return year + (Number(m[3]) - 1) / 2;
  return year;
}

/** Sorts periods in time order ("2011-Q2" before "2011-Q10" can't happen, but 2011-Q4 before 2012). */
export function comparePeriods(a: string, b: string): number {
  return periodPosition(a) - periodPosition(b) || a.localeCompare(b);
}

/**
 * Every year from the first to the last of annual periods ("2016", "2019" → 2016, 2017, 2018, 2019),
 * for a chart of a yearly source to leave a gap where a year is missing; other periods as given.
 */
export function everyYear(periods: readonly string[]): string[] {
  if (periods.length === 0 || !periods.every((p) => /^\d{4}$/.test(p))) return [...periods];
  const years = periods.map(Number);
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, i) => String(first + i));
}
