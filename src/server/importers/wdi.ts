import { parseCsv, type CsvRow, type SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import type { ImportContext, Importer, IndicatorDef, ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';
import { WB_AGGREGATE_NAMES } from '../../core/wb-aggregate-names.js';

const PUBLISHER = 'World Bank';
export const WDI_AGGREGATE_PUBLISHER = 'World Bank (WDI)';
const LICENCE = 'CC BY 4.0';
/** Sheet "Metadata - Countries" of the WDI download of October 2023: which codes are aggregates. */
const METADATA_FILE = 'wdi/wdi_country_metadata_region_incomegroup_2023-10.csv.gz';

const AGGREGATE_CAVEAT =
  'World Bank aggregates (regions, income groups, lending groups, World) are kept as areas WB_<code> named as the file names them. ' +
  'The World Bank computes them at each release with the classification current then, for every year alike: an income group’s aggregate sums the economies in the group at the release, not those so classified in the year of the data, as Bridges’ own income-group totals do. ' +
  'In the October 2023 remittances download, every year’s income aggregates are fiscal year 2024’s groups (2009: lower middle income US$ 167.8 bn, against 180.6 bn over fiscal year 2011’s groups, the year classified on 2009 data); Bridges’ rankings reproduce a release’s aggregates with incomeFiscalYear set to its fiscal year. ' +
  'So the same code may cover different economies in another edition: in July 2024 Afghanistan and Pakistan moved from South Asia (SAS) to “Middle East, North Africa, Afghanistan & Pakistan” (MEA).';

/**
 * The WDI economies-or-aggregates rule: a code the WDI metadata lists without a region is an
 * aggregate (WB_<code>); any other code must be an area Bridges knows (World Bank aliases such
 * as CHI → XCX first). Unknown codes fail with file, line and column.
 */
function wdiAreas(ctx: ImportContext) {
  const metadata = parseCsv(ctx.file(METADATA_FILE), ['Country Code', 'Region', 'TableName']);
  const aggregates = new Set(metadata.filter((r) => r.get('Region').trim() === '').map((r) => r.get('Country Code')));
  const resolved = new Map<string, string>();
  return (code: string, name: string, where: { file: string; line: number; column: string }): string => {
    const c = code.trim();
    const known = resolved.get(c);
    if (known) return known;
    const english = name.trim() || c;
    const area = aggregates.has(c)
      ? ctx.areas.aggregate({
          code: `WB_${c}`,
          name: english,
          names: WB_AGGREGATE_NAMES[english],
          publisher: WDI_AGGREGATE_PUBLISHER,
        })
      : ctx.areas.code(c, where, 'world-bank');
    resolved.set(c, area);
    return area;
  };
}

function requireYear(file: SourceFile, row: CsvRow, column: string): string {
  const year = row.get(column).trim();
  if (!/^\d{4}$/.test(year))
    throw new SourceFormatError(file.name, `"${year}" is not a year`, { line: row.line, column });
  return year;
}

function annual(indicator: IndicatorDef, refArea: string, period: string, value: number): ObservationInput {
  return { indicator: indicator.id, refArea, counterpartArea: null, sex: '_T', freq: 'A', period, value };
}

// --- Personal remittances, received (current US$), WDI download of 26 October 2023 ---

/**
 * The World Bank prints 0 for personal remittances where a country reports no figure (Singapore and
 * Turkmenistan year after year), as KNOMAD's workbook does: such a 0 is a gap, not a measurement, and
 * is not stored (each dataset's caveats give how many). Other series' zeros are kept.
 */
const NO_FIGURE_AS_ZERO = new Set<string>([INDICATORS.remittancesReceived.id, INDICATORS.remittancesPaid.id]);
const ZERO_NOT_STORED =
  ' The World Bank prints 0 for personal remittances where a country reports no figure, as KNOMAD’s workbook does; Bridges does not store those cells, so the country has no value that year rather than US$ 0, and is not ranked or counted as a country with data.';

const REMITTANCES_FILE = 'wdi/wdi_BX.TRF.PWKR.CD.DT_2023-10-26_long.csv.gz';
const REMITTANCES_CODE = 'BX.TRF.PWKR.CD.DT';

export const wdiRemittances2023: Importer = {
  meta: {
    id: 'wdi-remittances-2023-10',
    family: 'wdi-remittances',
    title: 'Personal remittances, received (current US$), World Development Indicators',
    publisher: PUBLISHER,
    edition: 'WDI download, last updated 26 October 2023',
    releaseDate: '2023-10-26',
    licence: LICENCE,
    sourceUrl: 'https://data.worldbank.org/indicator/BX.TRF.PWKR.CD.DT',
    citation:
      'World Bank, World Development Indicators: Personal remittances, received (current US$) (BX.TRF.PWKR.CD.DT), last updated 26 October 2023.',
    methodNotes:
      'Personal transfers and compensation of employees received, in current US$ (IMF balance-of-payments data, BPM6), 1970–2022, for economies and World Bank aggregates (LMY, WLD, regions, income groups). Values as published, not rescaled.',
    caveats:
      'WDI aggregates are lower than KNOMAD’s (2013: low & middle income US$ 379.2 bn, World 522.7 bn, against KNOMAD’s 420.9 bn and 580.6 bn) because KNOMAD estimates the economies that do not report; recorded remittances are underestimated in both. ' +
      'The latest year of this download (2022) is incomplete for some economies: the Philippines shows US$ 9.07 bn for 2022 here, against US$ 38.0 bn in the later WDI extraction (dataset wdi-gdidata-2025) and KNOMAD’s estimate; compare editions before using 2022. ' +
      'The 199 cells printed 0 (30 economies: Singapore and Turkmenistan in 18 years, Libya 16, Somalia and the Turks and Caicos Islands 13, …) are not stored.' +
      ZERO_NOT_STORED +
      ' ' +
      AGGREGATE_CAVEAT,
    provenance:
      'WDI download API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls (“Last Updated 2023-10-26”) from repository raulincadet/Trade @ d5c59ec455c19b87d65135085e0cf129218726c2, path Migration/API_BX.TRF.PWKR.CD.DT_DS2_en_excel_v2_6000901.xls, file commit d9ea7e0dd7883f9bc394d57585e7e55f43fa730d (2024-02-21); no licence file in the repository, the file is the World Bank’s own. ' +
      'The .xls (BIFF) is not read directly (no maintained npm reader we use reads it): the bundled file is its data sheet reshaped long with pandas (country_name, iso3, indicator_name, indicator_code, year, value), empty cells dropped, no value changed; the aggregate list is the same download’s sheet “Metadata - Countries”.',
  },
  indicators: [INDICATORS.remittancesReceived],
  files: [REMITTANCES_FILE, METADATA_FILE],
  // v3: family 'wdi' → 'wdi-remittances'; the new version re-imports installations holding the old family.
  // v5: the aggregates' caveat says which classification the World Bank's income aggregates use.
  // v6: cells printed 0 (no figure reported) are not stored.
  version: 6,
  read(ctx) {
    const area = wdiAreas(ctx);
    const file = ctx.file(REMITTANCES_FILE);
    const rows = parseCsv(file, ['country_name', 'iso3', 'indicator_code', 'year', 'value']);
    const observations = rows.flatMap((row) => {
      const code = row.get('indicator_code').trim();
      if (code !== REMITTANCES_CODE)
        throw new SourceFormatError(file.name, `indicator "${code}" is not ${REMITTANCES_CODE}`, {
          line: row.line,
          column: 'indicator_code',
        });
      const observation = annual(
        INDICATORS.remittancesReceived,
        area(row.get('iso3'), row.get('country_name'), { file: file.name, line: row.line, column: 'iso3' }),
        requireYear(file, row, 'year'),
        parseNumber(row.get('value'), file.name, row.line, 'value'),
      );
      return observation.value === 0 ? [] : [observation];
    });
    return { observations };
  },
};

// --- IOM gdidata extraction of WDI country indicators ---

const GDIDATA_FILE = 'wdi/gdidata_wdi_country_indicators_long.csv.gz';
/** gdidata's short names of the WDI series the catalogue holds. */
const GDIDATA_INDICATORS: Record<string, IndicatorDef> = {
  remin: INDICATORS.remittancesReceived,
  remout: INDICATORS.remittancesPaid,
  fdiin: INDICATORS.fdiInflows,
  fdiout: INDICATORS.fdiOutflows,
  gdp: INDICATORS.gdp,
};
/** In the file but not read, each for the reason given in the dataset's method notes. */
const GDIDATA_SKIPPED = ['pop', 'income', 'nmig', 'birth', 'depend', 'inf', 'unem', 'polstb'];

export const wdiGdidata2025: Importer = {
  meta: {
    id: 'wdi-gdidata-2025',
    family: 'wdi-gdidata',
    title: 'World Development Indicators for countries: remittances, FDI and GDP (IOM gdidata extraction)',
    publisher: PUBLISHER,
    edition: 'IOM gdidata extraction of February 2025',
    releaseDate: null,
    licence: LICENCE,
    sourceUrl: 'https://github.com/iom/gdidata',
    citation:
      'World Bank, World Development Indicators (BX.TRF.PWKR.CD.DT, BM.TRF.PWKR.CD.DT, BX.KLT.DINV.CD.WD, BM.KLT.DINV.CD.WD, NY.GDP.MKTP.CD), as extracted by the IOM Global Data Institute in the gdidata R package (2025).',
    methodNotes:
      'Country-level values (no aggregates), 1990–2023, current US$: personal remittances received (gdidata remin, BX.TRF.PWKR.CD.DT) and paid (remout, BM.TRF.PWKR.CD.DT), foreign direct investment net inflows (fdiin, BX.KLT.DINV.CD.WD) and net outflows (fdiout, BM.KLT.DINV.CD.WD), GDP (gdp, NY.GDP.MKTP.CD). ' +
      'Not read: pop (UN World Population Prospects 2024, not WDI SP.POP.TOTL; no catalogue indicator), income (GDP per capita, PPP, NY.GDP.PCAP.PP.KD), nmig (net migration, SM.POP.NETM), birth, depend, inf, unem and polstb, none of which the catalogue holds yet.',
    caveats:
      'A publication of its own (IOM’s extraction of five WDI series, countries only), not an edition of the October 2023 remittances download (dataset wdi-remittances-2023-10) nor of the datahub GDP copy (wdi-gdp-datahub-2023): it comes from a later WDI release, and the World Bank revises past years, so the same series gives different values for the same year (remittances received, Philippines 2022: US$ 38.0 bn here, 9.07 bn in October 2023; GDP, United States 2022: US$ 26.01 tn here, 25.74 tn in the datahub copy). Compare the series side by side; do not splice them. ' +
      'Country-level only: sums over countries are not World Bank aggregates (remittances received 2013 over all countries: US$ 527.9 bn, against WDI World 522.7 bn in October 2023). Negative FDI values are net disinvestment. Channel Islands appear as CHI (Bridges XCX). ' +
      'Remittances: the 362 cells of remittances received printed 0 (39 countries: Bahrain, the Central African Republic, Eritrea, Equatorial Guinea, Iran, Singapore, Chad and Turkmenistan in 19 years, …) and the 36 of remittances paid (9 countries, Lesotho in 12 years) are not stored.' +
      ZERO_NOT_STORED +
      ' Zeros of FDI are kept (172 cells: a net flow can be nil).',
    provenance:
      'Repository iom/gdidata (MIT) @ c9e4cc69cebd91d6cfca5f4107e2406e4de2c6ff, data/wdi.rda, file commit 1267fd377f3362f8108ba8ddd1455c49a7976369 (2025-02-07); converted from .rda to a long CSV (iso3, year, indicator, value), empty cells dropped, no value changed; bundled gzip-compressed.',
  },
  indicators: Object.values(GDIDATA_INDICATORS),
  files: [GDIDATA_FILE],
  // v2: family 'wdi' → 'wdi-gdidata', caveats; the new version re-imports installations holding the old ones.
  // v3: remittance cells printed 0 (no figure reported) are not stored.
  version: 3,
  read(ctx) {
    const file = ctx.file(GDIDATA_FILE);
    const rows = parseCsv(file, ['iso3', 'year', 'indicator', 'value']);
    const observations: ObservationInput[] = [];
    for (const row of rows) {
      const name = row.get('indicator').trim();
      const indicator = GDIDATA_INDICATORS[name];
      if (!indicator) {
        if (GDIDATA_SKIPPED.includes(name)) continue;
        throw new SourceFormatError(file.name, `unknown indicator "${name}"`, { line: row.line, column: 'indicator' });
      }
      const observation = annual(
        indicator,
        ctx.areas.code(row.get('iso3'), { file: file.name, line: row.line, column: 'iso3' }, 'world-bank'),
        requireYear(file, row, 'year'),
        parseNumber(row.get('value'), file.name, row.line, 'value'),
      );
      if (observation.value === 0 && NO_FIGURE_AS_ZERO.has(indicator.id)) continue;
      observations.push(observation);
    }
    return { observations };
  },
};

// --- datahub.io copies of WDI population and GDP (countries and aggregates) ---

/** The datahub layout `Country Name, Country Code, Year, Value` of one WDI series. */
function datahubSeries(indicator: IndicatorDef, fileName: string) {
  return (ctx: ImportContext) => {
    const area = wdiAreas(ctx);
    const file = ctx.file(fileName);
    const rows = parseCsv(file, ['Country Name', 'Country Code', 'Year', 'Value']);
    const observations = rows.map((row) =>
      annual(
        indicator,
        area(row.get('Country Code'), row.get('Country Name'), {
          file: file.name,
          line: row.line,
          column: 'Country Code',
        }),
        requireYear(file, row, 'Year'),
        parseNumber(row.get('Value'), file.name, row.line, 'Value'),
      ),
    );
    return { observations };
  };
}

const POPULATION_FILE = 'wdi/population.csv.gz';
const GDP_FILE = 'wdi/gdp.csv.gz';

export const wdiPopulationDatahub: Importer = {
  meta: {
    id: 'wdi-population-datahub-2024',
    family: 'wdi-population',
    title: 'Population, total (WDI SP.POP.TOTL), 1960–2024',
    publisher: PUBLISHER,
    edition: 'WDI values to 2024, as packaged by datahub.io (core/population)',
    releaseDate: null,
    licence: 'CC BY 4.0 (World Bank); datahub packaging ODC-PDDL 1.0',
    sourceUrl: 'https://data.worldbank.org/indicator/SP.POP.TOTL',
    citation: 'World Bank, World Development Indicators: Population, total (SP.POP.TOTL).',
    methodNotes:
      'Total population (de facto, all residents regardless of legal status or citizenship), mid-year estimates, 1960–2024, for economies and World Bank aggregates.',
    caveats:
      'This release follows the World Bank regions of July 2024: WB_SAS (South Asia) excludes Afghanistan and Pakistan, which are in WB_MEA (“Middle East, North Africa, Afghanistan & Pakistan”); the WDI remittance and GDP datasets use the earlier regions, so do not divide one by the other for these aggregates. ' +
      AGGREGATE_CAVEAT,
    provenance:
      'Repository datasets/population (datahub.io, ODC-PDDL) @ 425fc447a53a26c767a15a7de60c4cc2478a0595, data/population.csv (Country Name, Country Code, Year, Value), a copy of WDI SP.POP.TOTL; bundled gzip-compressed, no value changed. Aggregates are told apart with the WDI October 2023 country metadata.',
  },
  indicators: [INDICATORS.population],
  files: [POPULATION_FILE, METADATA_FILE],
  // v2: family 'wdi' → 'wdi-population'; the new version re-imports installations holding the old family.
  // v4: the aggregates' caveat says which classification the World Bank's income aggregates use.
  version: 4,
  read: datahubSeries(INDICATORS.population, POPULATION_FILE),
};

export const wdiGdpDatahub: Importer = {
  meta: {
    id: 'wdi-gdp-datahub-2023',
    family: 'wdi-gdp',
    title: 'GDP (current US$) (WDI NY.GDP.MKTP.CD), 1960–2023',
    publisher: PUBLISHER,
    edition: 'WDI values to 2023, as packaged by datahub.io (core/gdp)',
    releaseDate: null,
    licence: 'CC BY 4.0 (World Bank); datahub packaging ODC-PDDL 1.0',
    sourceUrl: 'https://data.worldbank.org/indicator/NY.GDP.MKTP.CD',
    citation: 'World Bank, World Development Indicators: GDP (current US$) (NY.GDP.MKTP.CD).',
    methodNotes:
      'Gross domestic product at purchaser prices in current US$ (converted at official exchange rates), 1960–2023, for economies and World Bank aggregates. Values as published, not rescaled.',
    caveats:
      'Regions as before July 2024 (WB_SAS includes Afghanistan and Pakistan), unlike the population dataset wdi-population-datahub-2024. ' +
      AGGREGATE_CAVEAT,
    provenance:
      'Repository datasets/gdp (datahub.io, ODC-PDDL) @ 822019c80142c162e4ca4eb1a63699ae36075078, data/gdp.csv, file commit 1cdcd2eb2364edd9da24bcbe134c1a9e0fb4c693, a copy of WDI NY.GDP.MKTP.CD; bundled gzip-compressed, no value changed. Aggregates are told apart with the WDI October 2023 country metadata.',
  },
  indicators: [INDICATORS.gdp],
  files: [GDP_FILE, METADATA_FILE],
  // v2: family 'wdi' → 'wdi-gdp'; the new version re-imports installations holding the old family.
  // v4: the aggregates' caveat says which classification the World Bank's income aggregates use.
  version: 4,
  read: datahubSeries(INDICATORS.gdp, GDP_FILE),
};

/** Every WDI edition this module reads. */
export const wdiImporters: Importer[] = [wdiRemittances2023, wdiGdidata2025, wdiPopulationDatahub, wdiGdpDatahub];
