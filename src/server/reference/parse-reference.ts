import ExcelJS from 'exceljs';
import type { AreaKind, IncomeGroup } from '../../core/countries.js';
import { AREA_KINDS, INCOME_GROUPS } from '../../core/countries.js';
import { NAME_LANGUAGES, type NameLanguage } from '../../core/languages.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseCsv, type SourceFile } from '../ingest/read-source.js';

export interface RegionRow {
  code: string;
  name_en: string;
  level: 'region' | 'subregion' | 'intermediate';
  parent_code: string | null;
}

export interface AreaRow {
  code: string;
  kind: AreaKind;
  iso2: string | null;
  iso_numeric: string | null;
  m49: string | null;
  name_en: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_code: string | null;
  wb_region: string | null;
  is_ldc: boolean;
  is_lldc: boolean;
  is_sids: boolean;
  note: string | null;
}

export interface NameRow {
  area_code: string;
  lang: NameLanguage;
  name_type: 'short' | 'formal' | 'other';
  name: string;
}

export interface AliasRow {
  source: string;
  alias: string;
  area_code: string;
}

export interface IncomeRow {
  area_code: string;
  fiscal_year: number;
  gni_year: number | null;
  income_group: IncomeGroup | null;
  source_value: string | null;
}

/** UN M49 classification of every ISO country, and the regions themselves. */
export function parseM49(file: SourceFile) {
  const rows = parseCsv(file, [
    'Region Code',
    'Region Name',
    'Sub-region Code',
    'Sub-region Name',
    'Intermediate Region Code',
    'Intermediate Region Name',
    'Country or Area',
    'M49 Code',
    'ISO-alpha3 Code',
    'Least Developed Countries (LDC)',
    'Land Locked Developing Countries (LLDC)',
    'Small Island Developing States (SIDS)',
  ]);
  const regions = new Map<string, RegionRow>();
  const countries = new Map<string, Omit<AreaRow, 'kind' | 'iso2' | 'iso_numeric' | 'wb_region' | 'note'>>();
  for (const row of rows) {
    const code = (column: string) => {
      const v = row.get(column).trim();
      if (v && !/^\d{3}$/.test(v))
        throw new SourceFormatError(file.name, `"${v}" is not a three-digit M49 code`, { line: row.line, column });
      return v || null;
    };
    const region = code('Region Code');
    const subregion = code('Sub-region Code');
    const intermediate = code('Intermediate Region Code');
    const m49 = code('M49 Code');
    if (region)
      regions.set(region, { code: region, name_en: row.get('Region Name'), level: 'region', parent_code: null });
    if (subregion)
      regions.set(subregion, {
        code: subregion,
        name_en: row.get('Sub-region Name'),
        level: 'subregion',
        parent_code: region,
      });
    if (intermediate)
      regions.set(intermediate, {
        code: intermediate,
        name_en: row.get('Intermediate Region Name'),
        level: 'intermediate',
        parent_code: subregion,
      });
    const iso3 = requireIso3(file, row.get('ISO-alpha3 Code'), row.line, 'ISO-alpha3 Code');
    countries.set(iso3, {
      code: iso3,
      m49,
      name_en: unName(iso3, requireText(file, row.get('Country or Area'), row.line, 'Country or Area')),
      region_code: region,
      subregion_code: subregion,
      intermediate_code: intermediate,
      is_ldc: row.get('Least Developed Countries (LDC)').trim() === 'x',
      is_lldc: row.get('Land Locked Developing Countries (LLDC)').trim() === 'x',
      is_sids: row.get('Small Island Developing States (SIDS)').trim() === 'x',
    });
  }
  return { regions, countries };
}

/**
 * Where the bundled copy of UNSD's M49 table departs from the UN's own English name: the
 * datasets/country-codes mirror writes "Ivory Coast" for CIV, which UNSD's M49 page, ISO 3166 and
 * UNTERM call Côte d’Ivoire. Applied only to the mirror's exact text; its name stays searchable (the
 * country-codes file has it as official_name_en, loaded as another name).
 */
const UN_NAMES: Readonly<Record<string, { mirror: string; un: string }>> = {
  CIV: { mirror: 'Ivory Coast', un: 'Côte d’Ivoire' },
};

function unName(iso3: string, name: string): string {
  const fix = UN_NAMES[iso3];
  return fix && fix.mirror === name ? fix.un : name;
}

const LANGUAGE_COLUMNS: Record<NameLanguage, { official: string; termShort: string; termFormal: string }> = {
  en: { official: 'official_name_en', termShort: 'UNTERM English Short', termFormal: 'UNTERM English Formal' },
  fr: { official: 'official_name_fr', termShort: 'UNTERM French Short', termFormal: 'UNTERM French Formal' },
  es: { official: 'official_name_es', termShort: 'UNTERM Spanish Short', termFormal: 'UNTERM Spanish Formal' },
  ar: { official: 'official_name_ar', termShort: 'UNTERM Arabic Short', termFormal: 'UNTERM Arabic Formal' },
  zh: { official: 'official_name_cn', termShort: 'UNTERM Chinese Short', termFormal: 'UNTERM Chinese Formal' },
  ru: { official: 'official_name_ru', termShort: 'UNTERM Russian Short', termFormal: 'UNTERM Russian Formal' },
};

/** ISO codes and the names in the six UN languages (official short names, UNTERM short and formal). */
export function parseCountryCodes(file: SourceFile) {
  const columns = Object.values(LANGUAGE_COLUMNS).flatMap((c) => [c.official, c.termShort, c.termFormal]);
  const rows = parseCsv(file, [
    'ISO3166-1-Alpha-3',
    'ISO3166-1-Alpha-2',
    'ISO3166-1-numeric',
    'CLDR display name',
    ...columns,
  ]);
  const codes = new Map<string, { iso2: string | null; iso_numeric: string | null; line: number }>();
  const names: NameRow[] = [];
  for (const row of rows) {
    const iso3 = requireIso3(file, row.get('ISO3166-1-Alpha-3'), row.line, 'ISO3166-1-Alpha-3');
    const iso2 = row.get('ISO3166-1-Alpha-2').trim();
    if (iso2 && !/^[A-Z]{2}$/.test(iso2))
      throw new SourceFormatError(file.name, `"${iso2}" is not an ISO alpha-2 code`, {
        line: row.line,
        column: 'ISO3166-1-Alpha-2',
      });
    const numeric = row.get('ISO3166-1-numeric').trim();
    if (numeric && !/^\d{1,3}$/.test(numeric))
      throw new SourceFormatError(file.name, `"${numeric}" is not an ISO numeric code`, {
        line: row.line,
        column: 'ISO3166-1-numeric',
      });
    codes.set(iso3, { iso2: iso2 || null, iso_numeric: numeric ? numeric.padStart(3, '0') : null, line: row.line });
    for (const [lang, c] of Object.entries(LANGUAGE_COLUMNS) as [NameLanguage, (typeof LANGUAGE_COLUMNS)['en']][]) {
      const add = (name_type: NameRow['name_type'], value: string) => {
        const name = value.trim();
        if (name) names.push({ area_code: iso3, lang, name_type, name });
      };
      // NOTE: English short names come from UNSD's M49 file (see UN_NAMES); the datahub English
      // name is kept as another name.
      if (lang === 'en') add('other', row.get(c.official));
      else add('short', row.get(c.official));
      add('formal', row.get(c.termFormal));
      add('other', row.get(c.termShort));
    }
    const cldr = row.get('CLDR display name').trim();
    if (cldr) names.push({ area_code: iso3, lang: 'en', name_type: 'other', name: cldr });
  }
  return { codes, names };
}

/**
 * The Unicode CLDR's names of ISO countries in the six name languages (Turquie, Corea del Sur,
 * Moldavie: the names people type, where the UN's are Türkiye, República de Corea…), kept as
 * other names so that a search finds them. The file's codes are ISO alpha-2; one the country-codes
 * file does not have is an error naming its line.
 */
export function parseCldrNames(file: SourceFile, iso3Of: ReadonlyMap<string, string>): NameRow[] {
  const rows = parseCsv(file, ['iso2', 'lang', 'variant', 'name']);
  return rows.map((row) => {
    const iso3 = iso3Of.get(row.get('iso2').trim());
    if (!iso3)
      throw new SourceFormatError(file.name, `"${row.get('iso2')}" is not the ISO alpha-2 code of a country`, {
        line: row.line,
        column: 'iso2',
      });
    const lang = row.get('lang').trim();
    if (!(NAME_LANGUAGES as readonly string[]).includes(lang))
      throw new SourceFormatError(file.name, `"${lang}" is not one of the languages ${NAME_LANGUAGES.join(', ')}`, {
        line: row.line,
        column: 'lang',
      });
    const name = row.get('name').trim();
    if (!name) throw new SourceFormatError(file.name, 'the name is empty', { line: row.line, column: 'name' });
    return { area_code: iso3, lang: lang as NameLanguage, name_type: 'other', name };
  });
}

/**
 * World Bank region of each economy, and its name as the World Bank writes it ("Korea, Rep.",
 * "Congo, Dem. Rep.", "Lao PDR": the names of every WDI download, which users' files carry);
 * aggregates have no region and are skipped.
 */
export function parseWdiRegions(file: SourceFile): {
  regions: Map<string, string>;
  names: Map<string, { name: string; line: number }>;
} {
  const rows = parseCsv(file, ['Country Code', 'Region', 'TableName']);
  const regions = new Map<string, string>();
  const names = new Map<string, { name: string; line: number }>();
  for (const row of rows) {
    const region = row.get('Region').trim();
    if (!region) continue;
    const code = row.get('Country Code').trim();
    regions.set(code, region);
    const name = row.get('TableName').trim();
    if (!name) throw new SourceFormatError(file.name, 'the name is empty', { line: row.line, column: 'TableName' });
    names.set(code, { name, line: row.line });
  }
  return { regions, names };
}

/** The hand-kept list of areas that are not ISO countries, with their codes in each source. */
export function parseNonIsoAreas(file: SourceFile) {
  const rows = parseCsv(file, [
    'code',
    'kind',
    'name_en',
    'name_fr',
    'name_es',
    'm49',
    'region_code',
    'subregion_code',
    'intermediate_code',
    'source_aliases',
    'note',
  ]);
  const areas: AreaRow[] = [];
  const names: NameRow[] = [];
  const aliases: AliasRow[] = [];
  for (const row of rows) {
    const code = row.get('code').trim();
    if (!/^[A-Z][A-Z0-9]{2}$/.test(code))
      throw new SourceFormatError(file.name, `"${code}" is not a three-character area code`, {
        line: row.line,
        column: 'code',
      });
    const kind = row.get('kind').trim();
    if (!(AREA_KINDS as readonly string[]).includes(kind) || kind === 'country') {
      throw new SourceFormatError(file.name, `kind "${kind}" must be one of non_iso, former, residual`, {
        line: row.line,
        column: 'kind',
      });
    }
    const optional = (column: string) => row.get(column).trim() || null;
    areas.push({
      code,
      kind: kind as AreaKind,
      iso2: null,
      iso_numeric: null,
      m49: optional('m49'),
      name_en: requireText(file, row.get('name_en'), row.line, 'name_en'),
      region_code: optional('region_code'),
      subregion_code: optional('subregion_code'),
      intermediate_code: optional('intermediate_code'),
      wb_region: null,
      is_ldc: false,
      is_lldc: false,
      is_sids: false,
      note: optional('note'),
    });
    for (const lang of ['en', 'fr', 'es'] as const) {
      names.push({
        area_code: code,
        lang,
        name_type: 'short',
        name: requireText(file, row.get(`name_${lang}`), row.line, `name_${lang}`),
      });
    }
    for (const alias of row
      .get('source_aliases')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean)) {
      const m = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(alias);
      if (!m?.[1] || !m[2])
        throw new SourceFormatError(file.name, `alias "${alias}" must look like source:CODE`, {
          line: row.line,
          column: 'source_aliases',
        });
      aliases.push({ source: m[1], alias: m[2], area_code: code });
    }
  }
  return { areas, names, aliases };
}

export interface OghistTable {
  fiscalYears: { fiscalYear: number; gniYear: number | null }[];
  rows: { code: string; name: string; line: number; values: (string | null)[] }[];
}

// The classification table (one economy a row, former states included) and the sheet that gives
// each fiscal year's GNI data year. Columns in both: A code, B name, C onwards one fiscal year each.
const OGHIST_TABLE_SHEET = 'Country_cat';
const OGHIST_HISTORY_SHEET = 'Country Analytical History';
const CODE_COL = 1;
const LABEL_COL = 2;
export const OGHIST_FIRST_YEAR_COL = 3;
const FIRST_YEAR_COL = OGHIST_FIRST_YEAR_COL;

/**
 * Reads the World Bank's OGHIST workbook as published: sheet "Country_cat" (header "ISO3,
 * COUNTRY, FY89…", one economy a row) for the groups, and the "Bank's fiscal year:" / "Data for
 * calendar year:" rows of "Country Analytical History" for the GNI year behind each fiscal year.
 */
export async function parseOghist(file: SourceFile): Promise<OghistTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new SourceFormatError(file.name, `not a readable xlsx workbook (${(err as Error).message})`);
  }
  const sheetNamed = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new SourceFormatError(file.name, `has no sheet "${name}"`);
    return (row: number, col: number): string => {
      const v = sheet.getRow(row).getCell(col).value;
      const value = v !== null && typeof v === 'object' && 'result' in v ? v.result : v;
      return value === null || value === undefined ? '' : String(value as string | number).trim();
    };
  };
  const table = sheetNamed(OGHIST_TABLE_SHEET);
  const history = sheetNamed(OGHIST_HISTORY_SHEET);
  const tableSheet = workbook.getWorksheet(OGHIST_TABLE_SHEET);

  if (table(1, CODE_COL) !== 'ISO3') {
    throw new SourceFormatError(
      file.name,
      `sheet "${OGHIST_TABLE_SHEET}": expected "ISO3" in cell A1, found "${table(1, CODE_COL)}"`,
      { line: 1, column: 'A' },
    );
  }
  let historyHeader = 0;
  for (let r = 1; r <= 20 && !historyHeader; r++)
    if (history(r, LABEL_COL).startsWith("Bank's fiscal year")) historyHeader = r;
  if (!historyHeader)
    throw new SourceFormatError(
      file.name,
      `sheet "${OGHIST_HISTORY_SHEET}": no "Bank's fiscal year:" row in the first 20 rows`,
    );
  const gniYearOf = new Map<string, number>();
  for (let col = FIRST_YEAR_COL; history(historyHeader, col); col++) {
    const gni = Number(history(historyHeader + 1, col));
    if (Number.isInteger(gni) && gni > 1900) gniYearOf.set(history(historyHeader, col), gni);
  }

  const fiscalYears: OghistTable['fiscalYears'] = [];
  for (let col = FIRST_YEAR_COL; ; col++) {
    const label = table(1, col);
    if (!label) break;
    const m = /^FY(\d{2})$/.exec(label);
    if (!m?.[1])
      throw new SourceFormatError(file.name, `sheet "${OGHIST_TABLE_SHEET}": "${label}" is not a fiscal year label`, {
        line: 1,
        column: columnLetter(col),
      });
    const yy = Number(m[1]);
    fiscalYears.push({ fiscalYear: yy >= 50 ? 1900 + yy : 2000 + yy, gniYear: gniYearOf.get(label) ?? null });
  }
  const rows: OghistTable['rows'] = [];
  for (let r = 2; r <= (tableSheet?.rowCount ?? 0); r++) {
    // Former economies follow the footnotes beneath the main table: read every row with a code.
    const code = table(r, CODE_COL);
    if (!code) continue;
    if (!/^[A-Z]{3}[a-z]?$/.test(code)) {
      throw new SourceFormatError(file.name, `sheet "${OGHIST_TABLE_SHEET}": "${code}" is not an economy code`, {
        line: r,
        column: 'A',
      });
    }
    rows.push({
      code,
      name: table(r, LABEL_COL),
      line: r,
      values: fiscalYears.map((_, i) => table(r, FIRST_YEAR_COL + i) || null),
    });
  }
  if (rows.length === 0) throw new SourceFormatError(file.name, `sheet "${OGHIST_TABLE_SHEET}" has no economies`);
  return { fiscalYears, rows };
}

/**
 * "LM*" → LM: the World Bank marks some classifications with a footnote asterisk. Not classified
 * → null: ".." or blank, and "Specific" (Serbia and Montenegro, FY00). Anything else → undefined.
 */
export function parseIncomeGroup(value: string | null): IncomeGroup | null | undefined {
  if (value === null || value === '..' || value === '' || value === 'Specific') return null;
  const group = value.replace(/\*+$/, '');
  return (INCOME_GROUPS as readonly string[]).includes(group) ? (group as IncomeGroup) : undefined;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function requireIso3(file: SourceFile, value: string, line: number, column: string): string {
  const v = value.trim();
  if (!/^[A-Z]{3}$/.test(v))
    throw new SourceFormatError(file.name, `"${v}" is not an ISO alpha-3 code`, { line, column });
  return v;
}

function requireText(file: SourceFile, value: string, line: number, column: string): string {
  const v = value.trim();
  if (!v) throw new SourceFormatError(file.name, 'is empty', { line, column });
  return v;
}
