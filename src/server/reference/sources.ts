import type { Citation } from '../../core/citation.js';
import type { SourceCitation } from '../../core/countries.js';

/**
 * The bundled reference files and how to cite them. Provenance in full (repository, commit,
 * derivation) is in data/reference/SOURCES.md.
 */
export const REFERENCE_SOURCES = {
  countryCodes: {
    id: 'datahub-country-codes',
    title: 'Country codes: ISO 3166, UN M49 and names in the six UN languages',
    publisher: 'ISO and UN Statistics Division, compiled by the datahub.io "country-codes" package',
    licence: 'ODC-PDDL 1.0',
    url: 'https://github.com/datasets/country-codes',
    file: 'country-codes.csv.gz',
  },
  m49: {
    id: 'unsd-m49',
    title: 'Standard country or area codes for statistical use (M49), overview',
    publisher: 'United Nations Statistics Division',
    licence: 'UN terms of use (public, free to use with attribution)',
    url: 'https://unstats.un.org/unsd/methodology/m49/overview/',
    file: 'UNSD-M49-en.csv.gz',
  },
  incomeHistory: {
    id: 'wb-oghist-fy25',
    title: 'World Bank historical classification by income, FY89–FY25 (OGHIST)',
    publisher: 'World Bank',
    licence: 'CC BY 4.0',
    url: 'https://datahelpdesk.worldbank.org/knowledgebase/articles/906519',
    file: 'OGHIST.xlsx',
  },
  cldrNames: {
    id: 'unicode-cldr-48.2-territories',
    title: 'Unicode CLDR 48.2: territory names in Arabic, Chinese, English, French, Russian and Spanish',
    publisher: 'Unicode Consortium, Common Locale Data Repository (CLDR)',
    licence: 'Unicode License v3',
    url: 'https://cldr.unicode.org/',
    file: 'cldr-territory-names.csv.gz',
  },
  wdiRegions: {
    id: 'wdi-country-metadata-2023-10',
    title: 'World Development Indicators, country metadata (regions and names), October 2023',
    publisher: 'World Bank',
    licence: 'CC BY 4.0',
    url: 'https://datacatalog.worldbank.org/search/dataset/0037712',
    file: 'wdi_country_metadata_region_incomegroup_2023-10.csv.gz',
  },
  nonIsoAreas: {
    id: 'bridges-non-iso-areas',
    title: 'Non-ISO areas used by the data sources (Kosovo, Channel Islands, former states, unknown origin, stateless)',
    publisher: 'Bridges, from the codes of UN DESA, the World Bank, UNHCR and IOM',
    licence: 'CC BY 4.0',
    url: null,
    file: 'non-iso-areas.csv',
  },
} as const satisfies Record<string, SourceCitation>;

export const ALL_REFERENCE_SOURCES: SourceCitation[] = Object.values(REFERENCE_SOURCES);

/**
 * The income history cited the way the statistics cite their datasets, for the chart of a
 * country's income groups (its source line, its CSV and the caveats under it).
 */
export const INCOME_HISTORY_CITATION: Citation = {
  dataset: REFERENCE_SOURCES.incomeHistory.id,
  family: 'wb-oghist',
  title: REFERENCE_SOURCES.incomeHistory.title,
  publisher: REFERENCE_SOURCES.incomeHistory.publisher,
  edition: 'FY25',
  releaseDate: null,
  licence: REFERENCE_SOURCES.incomeHistory.licence,
  sourceUrl: REFERENCE_SOURCES.incomeHistory.url,
  citation: `${REFERENCE_SOURCES.incomeHistory.publisher}. ${REFERENCE_SOURCES.incomeHistory.title}. ${REFERENCE_SOURCES.incomeHistory.url}`,
  caveats:
    "Each fiscal year's group rests on the GNI per capita (Atlas method) of an earlier calendar year, the GNI data year; the thresholds between groups change every year. " +
    'OGHIST\'s "LM*" (Yemen, FY89–FY90, footnoted in the workbook) is shown as lower-middle income with the printed value kept; "Specific" (Serbia and Montenegro, FY00) and ".." as not classified.',
};

/** The M49 overview cited the way the statistics cite their datasets (Bridges' groups by region). */
export const M49_CITATION: Citation = {
  dataset: REFERENCE_SOURCES.m49.id,
  family: 'unsd-m49',
  title: REFERENCE_SOURCES.m49.title,
  publisher: REFERENCE_SOURCES.m49.publisher,
  edition: 'Overview as mirrored by datasets/country-codes on 2024-09-25',
  releaseDate: null,
  licence: REFERENCE_SOURCES.m49.licence,
  sourceUrl: REFERENCE_SOURCES.m49.url,
  citation: `${REFERENCE_SOURCES.m49.publisher}. ${REFERENCE_SOURCES.m49.title}. ${REFERENCE_SOURCES.m49.url}`,
  caveats: null,
};
