import {
  fiscalYearLabel,
  INCOME_GROUP_NAMES,
  type CountryDetail,
  type CountryListResponse,
  type CountrySummary,
  type IncomeClassification,
  type RegionsResponse,
} from '../../core/countries.js';
import type { CsvCell, CsvRow, CsvTable } from '../../core/csv.js';
import { NAME_LANGUAGES } from '../../core/languages.js';
import { REFERENCE_CITATIONS } from './countries.citations.js';

/**
 * The countries' answers as CSV tables (core/csv.ts writes them, each row ending with its
 * sources): a row per country or area, a row per fiscal year of one area's income history, a row
 * per entry of the classifications.
 */

const AREA_COLUMNS = [
  'code',
  'kind',
  'iso2',
  'iso_numeric',
  'm49',
  'name',
  ...NAME_LANGUAGES.map((lang) => `name_${lang}`),
  'region_code',
  'region',
  'subregion_code',
  'subregion',
  'intermediate_region_code',
  'intermediate_region',
  'wb_region',
  'fiscal_year',
  'fiscal_year_label',
  'gni_year',
  'income_group',
  'income_group_name',
  'income_source_value',
  'ldc',
  'lldc',
  'sids',
  'has_data',
] as const;

/**
 * The sources a row of an area draws on, by what it holds: a publisher's aggregate, the datasets
 * that carry it; an ISO country, the datahub codes and names and the M49 overview; another area,
 * Bridges' list of them (and the M49 overview for its region's names); the WDI metadata for a World
 * Bank region; OGHIST for an income group (".." too: not classified is what it says).
 */
function areaSources(
  area: CountrySummary,
  income: IncomeClassification | null,
  datasetsOf: ReadonlyMap<string, string[]>,
): string[] {
  // NOTE: an aggregate that no loaded dataset has series of any more (its edition was replaced)
  // cites nothing rather than a guess.
  if (area.kind === 'aggregate') return datasetsOf.get(area.code) ?? [];
  const sources =
    area.kind === 'country'
      ? [REFERENCE_CITATIONS.countryCodes, REFERENCE_CITATIONS.m49]
      : [REFERENCE_CITATIONS.nonIsoAreas, ...(area.region ? [REFERENCE_CITATIONS.m49] : [])];
  if (area.wbRegion) sources.push(REFERENCE_CITATIONS.wdiRegions);
  if (income) sources.push(REFERENCE_CITATIONS.incomeHistory);
  return sources.map((s) => s.dataset);
}

function areaRow(
  area: CountrySummary,
  income: IncomeClassification | null,
  datasetsOf: ReadonlyMap<string, string[]>,
): CsvRow {
  const cells: Record<string, CsvCell> = {
    code: area.code,
    kind: area.kind,
    iso2: area.iso2,
    iso_numeric: area.isoNumeric,
    m49: area.m49,
    name: area.name,
    region_code: area.region?.code,
    region: area.region?.name,
    subregion_code: area.subregion?.code,
    subregion: area.subregion?.name,
    intermediate_region_code: area.intermediateRegion?.code,
    intermediate_region: area.intermediateRegion?.name,
    wb_region: area.wbRegion,
    fiscal_year: income?.fiscalYear,
    fiscal_year_label: income?.fiscalYearLabel,
    gni_year: income?.gniYear,
    income_group: income?.group,
    income_group_name: income?.group ? INCOME_GROUP_NAMES[income.group] : null,
    income_source_value: income?.sourceValue,
    ldc: area.ldc,
    lldc: area.lldc,
    sids: area.sids,
    has_data: area.hasData,
  };
  for (const lang of NAME_LANGUAGES) cells[`name_${lang}`] = area.names[lang];
  return { cells, sources: areaSources(area, income, datasetsOf) };
}

function datasetsByArea(datasets: CountryListResponse['datasets']): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of datasets) for (const code of d.aggregates) map.set(code, [...(map.get(code) ?? []), d.dataset]);
  return map;
}

/** A row per country or area of the list, with its income group in the fiscal year asked. */
export function countriesCsv(list: CountryListResponse): CsvTable {
  const datasetsOf = datasetsByArea(list.datasets);
  return { columns: AREA_COLUMNS, rows: list.items.map((area) => areaRow(area, area.incomeGroup, datasetsOf)) };
}

/**
 * One area: a row per fiscal year of its income history, FY89 first, the same columns as the
 * list's; one row with no income group for an area the World Bank never classified.
 */
export function countryCsv(detail: CountryDetail): CsvTable {
  const datasetsOf = datasetsByArea(detail.datasets);
  const years = detail.incomeHistory.length ? detail.incomeHistory : [null];
  return { columns: AREA_COLUMNS, rows: years.map((income) => areaRow(detail, income, datasetsOf)) };
}

/**
 * The classifications: a row per M49 region, then each of its sub-regions (with the region as
 * parent), a row per World Bank income group and per fiscal year a classification is loaded for.
 */
export function regionsCsv(regions: RegionsResponse): CsvTable {
  const m49 = [REFERENCE_CITATIONS.m49.dataset];
  const income = [REFERENCE_CITATIONS.incomeHistory.dataset];
  const row = (cells: Record<string, CsvCell>, sources: string[]): CsvRow => ({ cells, sources });
  return {
    columns: ['classification', 'level', 'code', 'name', 'parent_code', 'parent_name'],
    rows: [
      ...regions.regions.flatMap((r) => [
        row({ classification: 'm49', level: 'region', code: r.code, name: r.name }, m49),
        ...r.subregions.map((s) =>
          row(
            {
              classification: 'm49',
              level: 'subregion',
              code: s.code,
              name: s.name,
              parent_code: r.code,
              parent_name: r.name,
            },
            m49,
          ),
        ),
      ]),
      ...regions.incomeGroups.map((g) =>
        row({ classification: 'wb_income', level: 'income_group', code: g.code, name: g.name }, income),
      ),
      ...regions.fiscalYears.map((year) =>
        row({ classification: 'wb_income', level: 'fiscal_year', code: year, name: fiscalYearLabel(year) }, income),
      ),
    ],
  };
}
