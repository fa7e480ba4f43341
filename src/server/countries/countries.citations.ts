import type { AggregateDataset, CitedSource } from '../../core/countries.js';
import type { Citation } from '../../core/citation.js';
import { INCOME_HISTORY_CITATION, M49_CITATION, REFERENCE_SOURCES } from '../reference/sources.js';
import type * as repo from './countries.repository.js';

type ReferenceKey = keyof typeof REFERENCE_SOURCES;

/** Which version of each bundled reference file Bridges loads (data/reference/SOURCES.md). */
const EDITIONS: Record<ReferenceKey, string> = {
  countryCodes: 'datasets/country-codes at commit caa72d1e0e5af8876c170bb36a9e4d64a01bba88',
  m49: M49_CITATION.edition,
  incomeHistory: INCOME_HISTORY_CITATION.edition,
  cldrNames: 'CLDR 48.2',
  wdiRegions: 'October 2023',
  nonIsoAreas: 'As bundled with Bridges (data/reference/non-iso-areas.csv)',
};

function referenceCitation(key: ReferenceKey): Citation {
  // The two the data hub already cites (its groups by region and by income) are cited alike here.
  if (key === 'm49') return M49_CITATION;
  if (key === 'incomeHistory') return INCOME_HISTORY_CITATION;
  const source = REFERENCE_SOURCES[key];
  return {
    dataset: source.id,
    family: source.id,
    title: source.title,
    publisher: source.publisher,
    edition: EDITIONS[key],
    releaseDate: null,
    licence: source.licence,
    sourceUrl: source.url,
    citation: `${source.publisher}. ${source.title}. ${source.url ?? `data/reference/${source.file} in the Bridges repository`}`,
    caveats: null,
  };
}

/** Each bundled reference file cited the way the statistics cite their datasets: what a CSV row carries. */
export const REFERENCE_CITATIONS = Object.fromEntries(
  (Object.keys(REFERENCE_SOURCES) as ReferenceKey[]).map((key) => [key, referenceCitation(key)]),
) as Record<ReferenceKey, Citation>;

/** The bundled reference files as the countries' JSON lists them: the file, its edition and its citation. */
export const CITED_REFERENCE_SOURCES: CitedSource[] = (Object.keys(REFERENCE_SOURCES) as ReferenceKey[]).map((key) => ({
  ...REFERENCE_SOURCES[key],
  edition: REFERENCE_CITATIONS[key].edition,
  citation: REFERENCE_CITATIONS[key].citation,
}));

/** The sources of /api/regions: the M49 overview and the World Bank's income classification. */
export const CLASSIFICATION_SOURCES: CitedSource[] = CITED_REFERENCE_SOURCES.filter(
  (s) => s.id === REFERENCE_SOURCES.m49.id || s.id === REFERENCE_SOURCES.incomeHistory.id,
);

/** The datasets that carry an answer's aggregates, each cited with the aggregates it carries. */
export function aggregateDatasets(rows: Awaited<ReturnType<typeof repo.findDatasetsCarrying>>): AggregateDataset[] {
  const byId = new Map<string, AggregateDataset>();
  for (const row of rows) {
    let dataset = byId.get(row.id);
    if (!dataset) {
      dataset = {
        dataset: row.id,
        family: row.family,
        title: row.title,
        publisher: row.publisher,
        edition: row.edition,
        releaseDate: row.release_date,
        licence: row.licence,
        sourceUrl: row.source_url,
        citation: row.citation,
        caveats: row.caveats,
        aggregates: [],
      };
      byId.set(row.id, dataset);
    }
    dataset.aggregates.push(row.area_code);
  }
  return [...byId.values()].sort((a, b) => a.dataset.localeCompare(b.dataset));
}
