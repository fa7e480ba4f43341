import type { UiLanguage } from '../core/languages.js';
import type { Citation } from '../core/statistics.js';
import { formatPeriod } from './format.js';

/**
 * How the UI names the datasets behind a figure: the full citation line under every chart (and
 * drawn into every image), and a short label to tell editions apart in a legend.
 */

/** "United Nations, DESA…, International Migrant Stock 2024: …, Revision 2024 (CC BY 3.0 IGO)". */
export function citationText(citation: Citation): string {
  return `${citation.publisher}, ${citation.title}, ${citation.edition} (${citation.licence})`;
}

/** The source line of a chart as plain text: "Source: …" or "Sources: …; …" (the separator as the language writes it). */
export function sourceLineText(
  citations: readonly Citation[],
  labels: { one: string; many: string; separator?: string },
): string {
  const label = citations.length > 1 ? labels.many : labels.one;
  return `${label} ${citations.map(citationText).join(labels.separator ?? '; ')}.`;
}

/** Short names of the publishers, by the start of a dataset family id, as each language writes them. */
const SHORT_PUBLISHERS: readonly [prefix: string, names: Readonly<Record<UiLanguage, string>>][] = [
  ['undesa', { en: 'UN DESA', fr: 'DAES (UN DESA)', es: 'DAES (UN DESA)' }],
  ['knomad', { en: 'KNOMAD', fr: 'KNOMAD', es: 'KNOMAD' }],
  ['wdi', { en: 'World Bank WDI', fr: 'WDI (Banque mondiale)', es: 'WDI (Banco Mundial)' }],
  // The corridor means are a third party's aggregate of the World Bank's file, not the Bank's own.
  ['rpw-corridor-means', { en: 'RPW (J. Smirl)', fr: 'RPW (J. Smirl)', es: 'RPW (J. Smirl)' }],
  ['rpw', { en: 'World Bank RPW', fr: 'RPW (Banque mondiale)', es: 'RPW (Banco Mundial)' }],
  ['oecd-dac', { en: 'OECD DAC', fr: 'CAD de l’OCDE', es: 'CAD de la OCDE' }],
  ['oecd-dioc', { en: 'OECD DIOC', fr: 'DIOC de l’OCDE', es: 'DIOC de la OCDE' }],
  ['unhcr', { en: 'UNHCR', fr: 'HCR', es: 'ACNUR' }],
];

/** What the bundled editions' ids say after their year, in words. */
const EDITION_WORDS: Readonly<Record<string, Readonly<Record<UiLanguage, string>>>> = {
  destination: { en: 'by destination', fr: 'par destination', es: 'por destino' },
  'age-education': { en: 'age and education', fr: 'âge et niveau d’études', es: 'edad y nivel educativo' },
  'labour-force': { en: 'labour force', fr: 'population active', es: 'población activa' },
};

/** The word for an edition, where a label must say that what follows is one. */
const EDITION_WORD: Readonly<Record<UiLanguage, string>> = { en: 'edition', fr: 'édition', es: 'edición' };

/**
 * A short label for one edition, for legends, in the reader's language: "UN DESA 2024", "World
 * Bank RPW, edition Q1 2025" ("RPW (Banque mondiale), édition T1 2025"), "KNOMAD 2023-12", "OECD
 * DIOC 2015, labour force". NOTE: the API gives no short title, so it is made from the family and
 * the dataset id; the full citation is always in the source line next to it. An edition named
 * after a quarter says it is an edition: "RPW Q1 2025" beside a cost read as that quarter's
 * cost, where it is the release of a series over many quarters (a year reads as a publication's).
 */
export function shortDatasetLabel(datasetId: string, citations: readonly Citation[], lang: UiLanguage): string {
  const citation = citations.find((c) => c.dataset === datasetId);
  const family = citation?.family ?? '';
  const known = SHORT_PUBLISHERS.find(([prefix]) => family.startsWith(prefix) || datasetId.startsWith(prefix));
  const publisher = known?.[1][lang] ?? citation?.publisher ?? datasetId;
  // What the id adds to what it shares with its family ("undesa-ims-2024" → "2024",
  // "oecd-dioc-2015-labour-force" of oecd-dioc-labour-force → "2015-labour-force"), never the whole id again.
  const idParts = datasetId.split('-');
  const familyParts = (family || (known?.[0] ?? '')).split('-');
  let shared = 0;
  while (shared < idParts.length && idParts[shared] === familyParts[shared]) shared++;
  // The channel an edition came through is not part of its name: "wdi-gdp-datahub-2023" (WDI's
  // GDP as datahub.io republished it) is WDI 2023 to a reader; the source line says the rest.
  const rest = (idParts.slice(shared).join('-') || datasetId).replace(/^datahub-(?=\d{4})/, '');
  const m = /^(\d{4})(?:q([1-4]))?(-\d{2})?(?:-(.+))?$/i.exec(rest);
  if (!m) return `${publisher} ${rest}`;
  const [, year = '', quarter, month = '', words] = m;
  const what = words ? `, ${EDITION_WORDS[words]?.[lang] ?? words}` : '';
  if (quarter) return `${publisher}, ${EDITION_WORD[lang]} ${formatPeriod(`${year}-Q${quarter}`, lang)}${what}`;
  return `${publisher} ${year}${month}${what}`;
}

/** The citations of the given dataset ids, in the order given, each once. */
export function citationsOf(ids: readonly (string | null | undefined)[], all: readonly Citation[]): Citation[] {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  return wanted.map((id) => all.find((c) => c.dataset === id)).filter((c): c is Citation => c !== undefined);
}
