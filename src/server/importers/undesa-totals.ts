import ExcelJS from 'exceljs';
import { undesaAggregateEnglishName, undesaAggregateNames } from '../../core/un-region-names.js';
import type { SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { columnLetter } from '../reference/parse-reference.js';
import type { Importer, ObservationInput, Sex } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const WORKBOOK = 'undesa_ims/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx';
export const UNDESA_AGGREGATE_PUBLISHER = 'UN DESA';

/**
 * Tables 1–3 of the workbook: the title each must carry in E3, the indicator it holds, and whether
 * the row's type of data (how the migrant stock was estimated) describes its figures: not for the
 * total population, which comes from the UN's population estimates.
 */
const TABLES = [
  {
    sheet: 'Table 1',
    title: 'Table 1: International migrant stock at mid-year',
    indicator: INDICATORS.migrantStockTotal,
    typed: true,
  },
  {
    sheet: 'Table 2',
    title: 'Table 2: Total population at mid-year',
    indicator: INDICATORS.populationThousands,
    typed: false,
  },
  {
    sheet: 'Table 3',
    title: 'Table 3: International migrant stock as a percentage',
    indicator: INDICATORS.migrantShare,
    typed: true,
  },
] as const;

// Layout shared by the three tables: header rows 10 (sex) and 11 (labels and years), data from row 12;
// B name (indented; "*" refers to the Notes sheet), C note number, D location code, E type of data.
const SEX_ROW = 10;
const HEADER_ROW = 11;
const FIRST_ROW = 12;
const NAME_COL = 2;
const CODE_COL = 4;
const TYPE_COL = 5;
const FIRST_VALUE_COL = 6;
const SEX_LABELS: Record<string, Sex> = { 'both sexes combined': '_T', males: 'M', females: 'F' };
const HEADER_LABELS = ['Region, development group, country or area', 'Notes', 'Location code', 'Type of data'];

/** One location row of a table: the UN's code and name, and its values by column. */
export interface UndesaLocationRow {
  line: number;
  code: number;
  /** As printed, without the indentation and the footnote asterisk. */
  name: string;
  typeOfData: string;
  values: { column: string; year: string; sex: Sex; value: number }[];
}

export interface UndesaTable {
  sheet: string;
  rows: UndesaLocationRow[];
}

/**
 * Reads Tables 1–3 of the UN's "International Migrant Stock 2020: Destination" workbook as
 * published: checks each table's title and header, then reads every location row; ".." (not
 * available) cells are left out, any other non-number is an error naming sheet, row and column.
 */
export async function readUndesaTotalsWorkbook(file: SourceFile): Promise<UndesaTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new SourceFormatError(file.name, `not a readable xlsx workbook (${(err as Error).message})`);
  }
  const tables: UndesaTable[] = [];
  for (const table of TABLES) {
    const sheet = workbook.getWorksheet(table.sheet);
    if (!sheet) throw new SourceFormatError(file.name, `has no sheet "${table.sheet}"`);
    const fail = (problem: string, line: number, col?: number): never => {
      throw new SourceFormatError(file.name, `sheet "${table.sheet}": ${problem}`, {
        line,
        column: col === undefined ? undefined : columnLetter(col),
      });
    };
    const text = (row: number, col: number) => cellText(sheet.getRow(row).getCell(col).value);
    if (!text(3, 5).startsWith(table.title)) fail(`expected the title "${table.title}…" in E3`, 3, 5);
    HEADER_LABELS.forEach((label, i) => {
      if (text(HEADER_ROW, NAME_COL + i) !== label) fail(`expected "${label}" in the header`, HEADER_ROW, NAME_COL + i);
    });
    const columns: { col: number; year: string; sex: Sex }[] = [];
    for (let col = FIRST_VALUE_COL; text(HEADER_ROW, col) !== ''; col++) {
      const year = text(HEADER_ROW, col);
      if (!/^(19|20)\d{2}$/.test(year)) fail(`"${year}" is not a year`, HEADER_ROW, col);
      const label = text(SEX_ROW, col);
      const sex = SEX_LABELS[/, (both sexes combined|males|females)( \(thousands\))?$/.exec(label)?.[1] ?? ''];
      if (!sex) fail(`"${label}" names no sex (both sexes combined, males, females)`, SEX_ROW, col);
      columns.push({ col, year, sex: sex as Sex });
    }
    if (columns.length === 0) fail('no year columns in the header', HEADER_ROW, FIRST_VALUE_COL);

    const rows: UndesaLocationRow[] = [];
    for (let r = FIRST_ROW; r <= sheet.rowCount; r++) {
      const rawName = text(r, NAME_COL);
      const rawCode = text(r, CODE_COL);
      if (rawName === '' && rawCode === '') continue;
      if (!/^\d{1,4}$/.test(rawCode)) fail(`"${rawCode}" is not a UN location code`, r, CODE_COL);
      const name = rawName.replace(/\*$/, '').trim();
      if (name === '') fail('the location has no name', r, NAME_COL);
      const values: UndesaLocationRow['values'] = [];
      for (const { col, year, sex } of columns) {
        const v = cellValue(sheet.getRow(r).getCell(col).value);
        if (v === '..') continue;
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          fail(`"${String(v ?? '')}" is not a number (".." marks a figure not available)`, r, col);
        }
        values.push({ column: columnLetter(col), year, sex, value: v as number });
      }
      rows.push({ line: r, code: Number(rawCode), name, typeOfData: text(r, TYPE_COL), values });
    }
    if (rows.length === 0) fail('has no locations', FIRST_ROW);
    tables.push({ sheet: table.sheet, rows });
  }
  // The three tables list the same locations in the same rows.
  const [first, ...others] = tables;
  for (const other of others) {
    other.rows.forEach((row, i) => {
      const expected = first?.rows[i];
      if (expected?.code !== row.code || expected.line !== row.line) {
        throw new SourceFormatError(
          file.name,
          `sheet "${other.sheet}": location ${String(row.code)} is not in the same row as in "${first?.sheet ?? ''}"`,
          { line: row.line, column: columnLetter(CODE_COL) },
        );
      }
    });
    if (other.rows.length !== first?.rows.length) {
      throw new SourceFormatError(file.name, `sheet "${other.sheet}" does not list the same locations as Table 1`);
    }
  }
  return tables;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v !== null && typeof v === 'object') {
    if ('result' in v) return v.result;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return v;
}

function cellText(v: ExcelJS.CellValue): string {
  const value = cellValue(v);
  return value === null || value === undefined ? '' : String(value as string | number).trim();
}

/**
 * UN DESA International Migrant Stock 2020 by destination (the UN's own workbook): migrant stock,
 * total population (thousands) and migrants' share of it, by sex, for 235 countries and areas and
 * 47 of the UN's aggregates (World, SDG regions, development and income groups, M49 regions).
 * Location codes from 900 up are aggregates, kept as `UNDESA_<code>`; countries by their M49 code.
 */
export const undesaImsDestination2020: Importer = {
  meta: {
    id: 'undesa-ims-2020-destination',
    family: 'undesa-ims-destination',
    title: 'International Migrant Stock 2020: Destination (migrant stock, total population and migrant share, by sex)',
    publisher: 'United Nations, Department of Economic and Social Affairs, Population Division',
    edition: 'Revision 2020 (POP/DB/MIG/Stock/Rev.2020), Tables 1–3',
    releaseDate: null,
    licence: 'CC BY 3.0 IGO',
    sourceUrl: 'https://www.un.org/development/desa/pd/content/international-migrant-stock',
    citation:
      'United Nations Department of Economic and Social Affairs, Population Division (2020). International Migrant Stock 2020.',
    methodNotes:
      'Tables 1–3 of the workbook: international migrant stock at mid-year (persons), total population at mid-year (thousands) and migrant stock as a percentage of the population, 1990, 1995, …, 2020, for both sexes (_T), males and females, by region, country or area of destination. ' +
      'Countries are matched on their M49 location code; codes 900 and above are the UN’s aggregates — World (900), SDG regions, development groups, LLDC/SIDS, income groups, and M49 continents and regions — stored as areas UNDESA_<code> with the UN’s names. Australia and New Zealand (927) is listed twice in the workbook (SDG region and M49 region) with the same figures and is stored once. ' +
      'The type-of-data codes (B foreign-born, C foreign citizens, R refugees added, I imputed) are kept as flags without spaces, e.g. "BR", on the migrant stock and the migrant share (not on the total population); an imputed figure gets status I. Cells marked ".." (not available) are not stored. Country notes (which territories count as foreign) are in the workbook’s Notes sheet.',
    caveats:
      'Revision 2020 revises the past: do not splice these figures with another revision. The migrant shares are the UN’s own figures, not recomputed; population is in thousands as published. China, Taiwan Province of China, Saint Barthélemy and Saint Martin (French part) have no type of data.',
    provenance:
      'The UN’s workbook as published, byte-identical: repository guyabel/stepladderChapter @ 4a81585e8ca3566aed8fd48c2870d316fe06f53f, path data_raw/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx, file commit be0164e34f8f71634249d204c12b81e198d897f1 (2021-02-22); no licence file in that repository (the workbook is the UN’s, CC BY 3.0 IGO).',
  },
  indicators: TABLES.map((t) => t.indicator),
  files: [WORKBOOK],
  version: 3,
  async read(ctx) {
    const source = ctx.file(WORKBOOK);
    const tables = await readUndesaTotalsWorkbook(source);
    const areaOf = new Map<number, string>();
    for (const row of tables[0]?.rows ?? []) {
      if (areaOf.has(row.code)) continue;
      const code = String(row.code);
      areaOf.set(
        row.code,
        row.code >= 900
          ? ctx.areas.aggregate({
              code: `UNDESA_${code}`,
              name: undesaAggregateEnglishName(row.code, row.name),
              names: undesaAggregateNames(row.code),
              publisher: UNDESA_AGGREGATE_PUBLISHER,
            })
          : ctx.areas.m49(code, { file: source.name, line: row.line, column: columnLetter(CODE_COL) }),
      );
    }
    const byArea = new Map<string, number>();
    for (const [code, area] of areaOf) {
      const other = byArea.get(area);
      if (other !== undefined) {
        throw new SourceFormatError(
          source.name,
          `sheet "Table 1": locations ${String(other)} and ${String(code)} both are the area ${area}`,
        );
      }
      byArea.set(area, code);
    }

    const observations: ObservationInput[] = [];
    TABLES.forEach((table, t) => {
      const seen = new Map<string, number>();
      for (const row of tables[t]?.rows ?? []) {
        const refArea = areaOf.get(row.code) ?? '';
        const flags = table.typed ? row.typeOfData.replace(/\s+/g, '') || null : null;
        for (const { column, year, sex, value } of row.values) {
          const key = `${refArea} ${sex} ${year}`;
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            // NOTE: a location listed twice (927) must repeat the same figures; it is stored once.
            if (earlier === value) continue;
            throw new SourceFormatError(
              source.name,
              `sheet "${table.sheet}": location ${String(row.code)} is listed twice with different figures (${String(earlier)} and ${String(value)})`,
              { line: row.line, column },
            );
          }
          seen.set(key, value);
          observations.push({
            indicator: table.indicator.id,
            refArea,
            counterpartArea: null,
            sex,
            freq: 'A',
            period: year,
            value,
            status: flags?.includes('I') ? 'I' : 'A',
            flags,
          });
        }
      }
    });
    return { observations };
  },
};

/** Bundled UN DESA by-destination editions, for the registry. */
export const undesaTotalsImporters: Importer[] = [undesaImsDestination2020];
