import type { Citation } from '../core/statistics.js';

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

/** Short names of the publishers, by the start of a dataset family id. */
const SHORT_PUBLISHERS: readonly [prefix: string, name: string][] = [
  ['undesa', 'UN DESA'],
  ['knomad', 'KNOMAD'],
  ['wdi', 'World Bank WDI'],
  // The corridor means are a third party's aggregate of the World Bank's file, not the Bank's own.
  ['rpw-corridor-means', 'RPW (J. Smirl)'],
  ['rpw', 'World Bank RPW'],
  ['oecd-dac', 'OECD DAC'],
  ['oecd-dioc', 'OECD DIOC'],
  ['unhcr', 'UNHCR'],
];

/**
 * A short label for one edition, for legends: "UN DESA 2024", "World Bank RPW 2025Q1", "KNOMAD
 * 2023-12". NOTE: the API gives no short title, so it is made from the family and the dataset id;
 * the full citation is always in the source line next to it.
 */
export function shortDatasetLabel(datasetId: string, citations: readonly Citation[]): string {
  const citation = citations.find((c) => c.dataset === datasetId);
  const family = citation?.family ?? '';
  const known = SHORT_PUBLISHERS.find(([prefix]) => family.startsWith(prefix) || datasetId.startsWith(prefix));
  const publisher = known?.[1] ?? citation?.publisher ?? datasetId;
  // After the family ("undesa-ims-2024" → "2024"), or else after the publisher's prefix
  // ("oecd-dioc-2015-age-education" → "2015-age-education"), never the whole id again.
  const rest =
    family && datasetId.startsWith(`${family}-`)
      ? datasetId.slice(family.length + 1)
      : known && datasetId.startsWith(`${known[0]}-`)
        ? datasetId.slice(known[0].length + 1)
        : datasetId;
  return `${publisher} ${rest.replace(/q([1-4])$/i, 'Q$1')}`;
}

/** The citations of the given dataset ids, in the order given, each once. */
export function citationsOf(ids: readonly (string | null | undefined)[], all: readonly Citation[]): Citation[] {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  return wanted.map((id) => all.find((c) => c.dataset === id)).filter((c): c is Citation => c !== undefined);
}
