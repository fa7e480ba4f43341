import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { parseCsv, type SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { columnLetter } from '../reference/parse-reference.js';
import type { AreaResolver } from '../stats/area-resolver.js';
import type { AggregateArea, Importer, ImportContext, ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const PUBLISHER = 'World Bank/KNOMAD';
const LICENCE = 'CC BY 4.0';
const SOURCE_URL = 'https://www.knomad.org/data/remittances';

export const KNOMAD_WORLD: AggregateArea = {
  code: 'KNOMAD_WORLD',
  name: 'World (KNOMAD)',
  publisher: PUBLISHER,
  names: { fr: 'Monde (KNOMAD)', es: 'Mundo (KNOMAD)' },
};
export const KNOMAD_LMIC: AggregateArea = {
  code: 'KNOMAD_LMIC',
  name: 'Low- and middle-income countries (KNOMAD)',
  publisher: PUBLISHER,
  names: {
    fr: 'Pays à revenu faible et intermédiaire (KNOMAD)',
    es: 'Países de ingreso bajo y mediano (KNOMAD)',
  },
};

/**
 * KNOMAD and World Bank spellings that no name Bridges holds matches, by exact label (trimmed).
 * Some labels carry KNOMAD's own notes on the source of a row ("using CB data"); they still
 * name the country.
 */
export const KNOMAD_NAMES: Record<string, string> = {
  'Congo, Dem. Rep.': 'COD',
  'Congo, Rep.': 'COG',
  'Czech Republic': 'CZE',
  'Egypt, Arab Rep.': 'EGY',
  'Faeroe Islands': 'FRO',
  'Hong Kong SAR, China': 'HKG',
  'Iran, Islamic Rep.': 'IRN',
  'Iran, Islamic Rep. (Brief 36 data)': 'IRN',
  'Israel (using CB data)': 'ISR',
  "Korea, Dem. People's Rep.": 'PRK',
  'Korea, Dem. Rep.': 'PRK',
  'Korea, Rep.': 'KOR',
  'Kyrgyz Republic': 'KGZ',
  'Lao PDR': 'LAO',
  'Macao SAR, China': 'MAC',
  'Micronesia, Fed. Sts.': 'FSM',
  'Portugal (revising old numbers with BOP estimates)': 'PRT',
  'Slovak Republic': 'SVK',
  'Spain (adjsuting for BOP ratio estimates)': 'ESP',
  'St. Kitts and Nevis': 'KNA',
  'St. Martin (French part)': 'MAF',
  'St. Vincent and the Grenadines': 'VCT',
  Turkey: 'TUR',
  'Türkiye, Rep. of': 'TUR',
  'United Kingdom': 'GBR',
  'United States': 'USA',
  'Venezuela, RB': 'VEN',
  'Virgin Islands (U.S.)': 'VIR',
  'West Bank and Gaza': 'PSE',
  'Yemen, Rep.': 'YEM',
  'Zimbabwe (using CB data for 2021 & 2022)': 'ZWE',
};

const BILATERAL_CAVEATS =
  'An analytical estimate, not a measurement: KNOMAD allocates each country’s recorded remittance inflows to sending countries in proportion to migrant stocks, host-country incomes and origin-country incomes (Ratha and Shaw 2007). ' +
  'Migrant stocks are updated infrequently; incomes are proxied by per-capita income in PPP; remittances of second-generation migrants, flows through informal channels and misrecorded trade or tourism receipts are not captured. ' +
  'Recorded remittances are themselves underestimated, so corridor figures are lower bounds of true flows.';

/** Where an importer reads a label, for the message that lists every unmatched name at once. */
interface Label {
  name: string;
  where: string;
}

/**
 * Resolves publisher labels to area codes, group by group (a matrix's columns, then its rows):
 * declared aggregates first, then the names Bridges holds and KNOMAD_NAMES. Every unmatched
 * label of every group is listed in one error; two labels of a group naming the same area
 * (which would give one cell two values) are an error too.
 */
function resolveLabels(
  file: SourceFile,
  areas: AreaResolver,
  groups: Label[][],
  aggregates: Record<string, AggregateArea> = {},
): string[][] {
  const unmatched: string[] = [];
  const codes = groups.map((labels) => {
    const seen = new Map<string, Label>();
    return labels.map((label) => {
      const aggregate = aggregates[label.name.trim()];
      const code = aggregate ? areas.aggregate(aggregate) : areas.name(label.name, KNOMAD_NAMES);
      if (!code) {
        unmatched.push(`"${label.name.trim()}" (${label.where})`);
        return '';
      }
      const first = seen.get(code);
      if (first) {
        throw new SourceFormatError(
          file.name,
          `"${first.name.trim()}" (${first.where}) and "${label.name.trim()}" (${label.where}) both name area ${code}`,
        );
      }
      seen.set(code, label);
      return code;
    });
  });
  if (unmatched.length > 0) {
    throw new SourceFormatError(
      file.name,
      `${String(unmatched.length)} name(s) match no area (add them to KNOMAD_NAMES in src/server/importers/knomad.ts): ${unmatched.join(', ')}`,
    );
  }
  return codes;
}

type Cell = { kind: 'blank' } | { kind: 'number'; value: number } | { kind: 'text'; text: string };

/** One spreadsheet cell as a reader needs it: formulas give their computed result, rich text its text. */
function readCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'blank' } : { kind: 'text', text: value.trim() };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? { kind: 'text', text: 'a formula without a computed value' } : readCell(result);
  }
  if ('richText' in value) return readCell(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return { kind: 'text', text: String(value.error) };
  if ('text' in value) return readCell(value.text as ExcelJS.CellValue);
  return { kind: 'text', text: JSON.stringify(value) };
}

async function firstSheet(file: SourceFile): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new SourceFormatError(file.name, `not a readable xlsx workbook (${(err as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SourceFormatError(file.name, 'has no worksheet');
  return sheet;
}

function sheetReader(sheet: ExcelJS.Worksheet) {
  return {
    cell: (row: number, col: number) => readCell(sheet.getRow(row).getCell(col).value),
    text(row: number, col: number): string {
      const c = readCell(sheet.getRow(row).getCell(col).value);
      return c.kind === 'blank' ? '' : c.kind === 'number' ? String(c.value) : c.text;
    },
  };
}

/** A cell of a table of US$ millions: blank → undefined (no estimate), a number, or an error naming the cell. */
function millions(cell: Cell, file: SourceFile, line: number, column: string): number | undefined {
  if (cell.kind === 'blank') return undefined;
  const value = cell.kind === 'number' ? cell.value : Number(cell.text);
  if (!Number.isFinite(value))
    throw new SourceFormatError(file.name, `"${cell.kind === 'text' ? cell.text : ''}" is not a number`, {
      line,
      column,
    });
  if (value < 0)
    throw new SourceFormatError(file.name, `remittances cannot be negative (${String(value)})`, { line, column });
  return value;
}

/**
 * One corridor cell of a sending × receiving matrix. A country's cell with itself is not a
 * corridor: KNOMAD leaves it blank or 0, and anything else means the rows and columns have
 * slipped out of line.
 */
function corridor(
  sending: string,
  receiving: string,
  period: string,
  value: number,
  file: SourceFile,
  where: { line: number; column: string },
): ObservationInput | null {
  if (sending === receiving && sending !== KNOMAD_WORLD.code) {
    if (value === 0) return null;
    throw new SourceFormatError(
      file.name,
      `${sending} sends ${String(value)} to itself: rows and columns are out of line`,
      where,
    );
  }
  return {
    indicator: INDICATORS.remittanceBilateral.id,
    refArea: receiving,
    counterpartArea: sending,
    sex: '_T',
    freq: 'A',
    period,
    value,
  };
}

// --- Bilateral Remittance Matrix 2021 (December 2022 version), the original KNOMAD workbook ---

const MATRIX_2021_FILE = 'knomad/bilateral_remittance_matrix_2021_0.xlsx';
const WORLD_LABEL = 'WORLD';

/**
 * Reads the KNOMAD workbook as published: A1 the title (in millions of US$), A2 the corner that
 * says receiving countries run across and sending countries down, row 2 the receiving
 * countries ending with WORLD, column A the sending countries ending with WORLD; notes below.
 */
async function readMatrix2021(ctx: ImportContext) {
  const file = ctx.file(MATRIX_2021_FILE);
  const sheet = await firstSheet(file);
  const { cell, text } = sheetReader(sheet);
  const title = text(1, 1);
  if (!/bilateral remittance estimates for 2021/i.test(title) || !/millions of US\$/i.test(title))
    throw new SourceFormatError(
      file.name,
      `expected the title "Bilateral Remittance Estimates for 2021 … (millions of US$)" in A1, found "${title}"`,
      { line: 1, column: 'A' },
    );
  const corner = text(2, 1);
  if (!/receiving country \(across\)/i.test(corner) || !/sending country \(down\)/i.test(corner))
    throw new SourceFormatError(
      file.name,
      `expected "Remittance-receiving country (across) - Remittance-sending country (down)" in A2, found "${corner}"`,
      { line: 2, column: 'A' },
    );

  const columns: Label[] = [];
  for (let col = 2; text(2, col) !== ''; col++)
    columns.push({ name: text(2, col), where: `column ${columnLetter(col)}` });
  if (columns.at(-1)?.name !== WORLD_LABEL)
    throw new SourceFormatError(file.name, `row 2 must end with the ${WORLD_LABEL} total column`, { line: 2 });
  const rows: Label[] = [];
  for (let row = 3; rows.at(-1)?.name !== WORLD_LABEL; row++) {
    const name = text(row, 1);
    if (!name)
      throw new SourceFormatError(file.name, `column A must end with the ${WORLD_LABEL} total row`, {
        line: row,
        column: 'A',
      });
    rows.push({ name, where: `row ${String(row)}` });
  }
  const aggregates = { [WORLD_LABEL]: KNOMAD_WORLD };
  const [receiving = [], sending = []] = resolveLabels(file, ctx.areas, [columns, rows], aggregates);

  const observations: ObservationInput[] = [];
  sending.forEach((from, i) => {
    const line = i + 3;
    receiving.forEach((to, j) => {
      const col = j + 2;
      const column = `${columnLetter(col)} (${columns[j]?.name ?? ''})`;
      const value = millions(cell(line, col), file, line, column);
      if (value === undefined) return;
      const o = corridor(from, to, '2021', value, file, { line, column });
      if (o) observations.push(o);
    });
  });
  return { observations };
}

export const knomadBilateral2021: Importer = {
  meta: {
    id: 'knomad-bilateral-2021',
    family: 'knomad-bilateral',
    title: 'Bilateral Remittance Matrix 2021: estimated remittances by sending and receiving country',
    publisher: PUBLISHER,
    edition: '2021 (December 2022 version)',
    releaseDate: null,
    licence: LICENCE,
    sourceUrl: SOURCE_URL,
    citation: 'KNOMAD/World Bank Bilateral Remittance Matrix 2021, December 2022.',
    methodNotes:
      'Bilateral remittance estimates for 2021 in millions of current US$, using migrant stocks, host-country incomes and origin-country incomes (methodology of Ratha and Shaw 2007, “South-South Migration and Remittances”, World Bank). ' +
      'Read from the original workbook: rows are sending countries, columns receiving countries. Reference area = receiving country, counterpart area = sending country. ' +
      'The WORLD total row and column are kept with the aggregate KNOMAD_WORLD: counterpart KNOMAD_WORLD = all that a country receives, reference KNOMAD_WORLD = all that it sends, both KNOMAD_WORLD = the world total (US$ 781.08 bn, equal to the sum of the 10,229 country-pair cells).',
    caveats:
      BILATERAL_CAVEATS +
      ' Blank cells are not stored: a blank is no estimate, not a zero. Flows between India and Pakistan, Israel and Lebanon, and Azerbaijan and Armenia (both ways) are blank by design, “assumed to be zero given the political economy situations in these corridors”. ' +
      'Venezuela is unclassified for lack of data and left out of the aggregate sums. ' +
      'Totals (KNOMAD_WORLD) are stored beside the corridors: exclude aggregate areas when summing corridors.',
    provenance:
      'KNOMAD workbook bilateral_remittance_matrix_2021_0.xlsx, bundled byte for byte as found in repository raulincadet/Macro @ 65b2aa9bf463f9797fdd6c228a9def86488b7968, path Remittance/bilateral_remittance_matrix_2021_0.xlsx, file commit cd0d632abb757e6068ac3b79ed7caa20b859f7d3 (2024-05-15); the repository has no licence file, the workbook is the World Bank’s own publication.',
  },
  indicators: [INDICATORS.remittanceBilateral],
  files: [MATRIX_2021_FILE],
  // v2: KNOMAD's World is named in French and Spanish too.
  version: 2,
  read: readMatrix2021,
};

// --- Bilateral Remittance Matrix 2018 (October 2019), country block as CSV ---

const MATRIX_2018_FILE = 'knomad/Bilateralremittancematrix2018Oct2019.csv.gz';
/** Printed where KNOMAD gives no estimate by design (India↔Pakistan, Israel↔Lebanon). */
const NOT_AVAILABLE = 'N/A';

function readMatrix2018(ctx: ImportContext) {
  const file = ctx.file(MATRIX_2018_FILE);
  // parseCsv checks UTF-8 and the shape of every record; the header is read again in order.
  const records = parseCsv(file, ['']);
  const header = (parse(file.bytes, { bom: true, to_line: 1 }) as string[][])[0] ?? [];
  const columns: Label[] = header.slice(1).map((name, j) => ({ name, where: `column ${columnLetter(j + 2)}` }));
  const rows: Label[] = records.map((r) => ({ name: r.get(''), where: `line ${String(r.line)}` }));
  const [receiving = [], sending = []] = resolveLabels(file, ctx.areas, [columns, rows]);

  const observations: ObservationInput[] = [];
  records.forEach((record, i) => {
    const from = sending[i] ?? '';
    receiving.forEach((to, j) => {
      const name = columns[j]?.name ?? '';
      const raw = record.get(name).trim();
      if (raw === NOT_AVAILABLE) return;
      const column = `${columnLetter(j + 2)} (${name})`;
      const value = millions(raw === '' ? { kind: 'blank' } : { kind: 'text', text: raw }, file, record.line, column);
      if (value === undefined) return;
      const o = corridor(from, to, '2018', value, file, { line: record.line, column });
      if (o) observations.push(o);
    });
  });
  return { observations };
}

export const knomadBilateral2018: Importer = {
  meta: {
    id: 'knomad-bilateral-2018',
    family: 'knomad-bilateral',
    title: 'Bilateral Remittance Matrix 2018: estimated remittances by sending and receiving country',
    publisher: PUBLISHER,
    edition: '2018 (October 2019 version)',
    releaseDate: null,
    licence: LICENCE,
    sourceUrl: SOURCE_URL,
    citation: 'World Bank/KNOMAD, Bilateral Remittance Matrix 2018, October 2019.',
    methodNotes:
      'Bilateral remittance estimates for 2018 in millions of current US$, by the same method as later editions (migrant stocks, host- and origin-country incomes; Ratha and Shaw 2007). ' +
      'Rows are sending countries, columns receiving countries (214 × 214). Reference area = receiving country, counterpart area = sending country. ' +
      'Values are whole millions. Cells printed 0 are kept as 0 (an estimate below US$ 0.5 million, or none); a country’s cell with itself is not a corridor and is not stored; cells printed N/A (India↔Pakistan, Israel↔Lebanon) are not stored.',
    caveats:
      BILATERAL_CAVEATS +
      ' Unlike the 2021 edition, this file prints 0 rather than leaving cells blank, so a 0 here may mean “no estimate”: compare corridor counts between editions with care. ' +
      'Totals are not in this file (the repository author trimmed it to the country block): sum the corridors, which give US$ 682.2 bn.',
    provenance:
      'World Bank Bilateral Remittance Matrix 2018 (October 2019), as trimmed to the country block (totals removed) by the author of repository hannahkates/global-remittances @ ea902e1633e15c56c4d9b6947859d15cc3194f5d, path data/Bilateralremittancematrix2018Oct2019.csv, file commit d2db81c2c33e941f36ef6413075e9d7e0a9a9880 (2020-09-02); the repository has no licence file. Bundled gzip-compressed, no value changed.',
  },
  indicators: [INDICATORS.remittanceBilateral],
  files: [MATRIX_2018_FILE],
  // v2: KNOMAD's World is named in French and Spanish too.
  version: 2,
  read: readMatrix2018,
};

// --- Inward remittance flows, December 2023 ---

const INFLOWS_FILE = 'knomad/inward_remittance_flows_december_2023_1.xlsx';
const INFLOW_AGGREGATES = { 'Low-and Middle-Income Countries': KNOMAD_LMIC, World: KNOMAD_WORLD };

/**
 * Reads "Remittance inflows (US$ million)" as published: A1 the title, row 1 the years 2000…2022,
 * "2023e" (an estimate: status E) and "% of GDP in 2023" (KNOMAD's own share of GDP, GDP from the
 * IMF's World Economic Outlook: an estimate too where the year's inflows are), then one country a
 * row, then the two aggregates; a blank row ends the table.
 */
async function readInflows(ctx: ImportContext) {
  const file = ctx.file(INFLOWS_FILE);
  const sheet = await firstSheet(file);
  const { cell, text } = sheetReader(sheet);
  const title = text(1, 1);
  if (!/^Remittance inflows \(US\$ million\)$/i.test(title))
    throw new SourceFormatError(file.name, `expected "Remittance inflows (US$ million)" in A1, found "${title}"`, {
      line: 1,
      column: 'A',
    });
  const years: { col: number; year: string; estimate: boolean }[] = [];
  const shares: { col: number; year: string }[] = [];
  for (let col = 2; text(1, col) !== ''; col++) {
    const label = text(1, col);
    const m = /^(\d{4})(e?)$/.exec(label);
    const share = /^% of GDP in (\d{4})$/i.exec(label);
    if (m?.[1]) years.push({ col, year: m[1], estimate: m[2] === 'e' });
    else if (share?.[1]) shares.push({ col, year: share[1] });
    else
      throw new SourceFormatError(file.name, `"${label}" is not a year column nor "% of GDP in" a year`, {
        line: 1,
        column: columnLetter(col),
      });
  }
  for (const { col, year } of shares)
    if (!years.some((y) => y.year === year))
      throw new SourceFormatError(file.name, `"${text(1, col)}" has no column of inflows for ${year}`, {
        line: 1,
        column: columnLetter(col),
      });
  if (years.length === 0) throw new SourceFormatError(file.name, 'row 1 has no year columns', { line: 1 });

  const labels: Label[] = [];
  for (let row = 2; text(row, 1) !== ''; row++) labels.push({ name: text(row, 1), where: `row ${String(row)}` });
  const [codes = []] = resolveLabels(file, ctx.areas, [labels], INFLOW_AGGREGATES);

  // The inflows' columns, then the shares of GDP: an estimate where the year's inflows are.
  const columns = [
    ...years.map((y) => ({ ...y, indicator: INDICATORS.remittanceInflowsKnomad.id })),
    ...shares.map(({ col, year }) => ({
      col,
      year,
      estimate: years.find((y) => y.year === year)?.estimate ?? false,
      indicator: INDICATORS.remittanceInflowsPctGdpKnomad.id,
    })),
  ];
  const observations: ObservationInput[] = [];
  codes.forEach((refArea, i) => {
    const line = i + 2;
    for (const { col, year, estimate, indicator } of columns) {
      const column = `${columnLetter(col)} (${text(1, col)})`;
      const value = millions(cell(line, col), file, line, column);
      // NOTE: KNOMAD prints 0 where a country reported nothing (Afghanistan before 2008, Bahrain
      // and Singapore throughout): such a 0 is a gap, not a measurement, and is not stored; nor
      // is a share of GDP printed 0.
      if (value === undefined || value === 0) continue;
      observations.push({
        indicator,
        refArea,
        counterpartArea: null,
        sex: '_T',
        freq: 'A',
        period: year,
        value,
        status: estimate ? 'E' : 'A',
        flags: estimate ? 'e' : null,
      });
    }
  });
  return { observations };
}

export const knomadInflows2023: Importer = {
  meta: {
    id: 'knomad-inflows-2023-12',
    family: 'knomad-inflows',
    title: 'Remittance inflows, 2000–2023 (KNOMAD, December 2023)',
    publisher: PUBLISHER,
    edition: 'December 2023',
    releaseDate: null,
    licence: LICENCE,
    sourceUrl: SOURCE_URL,
    // The workbook's own "please cite" line, then what it is and where to find it.
    citation: `World Bank-KNOMAD, December 2023. Remittance inflows (US$ million), 2000–2023 (workbook inward_remittance_flows_december_2023_1.xlsx). ${SOURCE_URL}`,
    methodNotes:
      'Remittance inflows in millions of current US$, 2000–2022, and KNOMAD’s estimate for 2023 (column “2023e”, status E). Data since 2005 follow IMF balance-of-payments statistics (BPM6). ' +
      'Countries by KNOMAD’s names; some rows carry KNOMAD’s note on their source: Iran (Brief 36 data), Israel (central bank data), Portugal (revised with balance-of-payments estimates), Spain (adjusted for balance-of-payments ratio estimates), Zimbabwe (central bank data for 2021 and 2022). ' +
      'The aggregates “Low-and Middle-Income Countries” and “World” are kept as KNOMAD_LMIC and KNOMAD_WORLD. The column “% of GDP in 2023” is read as KNOMAD’s own share of GDP (indicator remittance_inflows_pct_gdp, status E as the 2023 inflows it divides): its GDP is the IMF World Economic Outlook’s, so it differs from the share Bridges computes with the World Bank’s GDP (the Philippines 2023: 9.17 % printed here, 9.15 % with WDI GDP).',
    caveats:
      'KNOMAD prints 0 where a country reported no figure (e.g. Afghanistan 2000–2007, Bahrain and Singapore in every year): the 532 cells printed 0 are not stored, and blank cells neither; a missing value is unknown, not zero. ' +
      'KNOMAD’s figures include its own estimates for countries that do not report, so they exceed the World Development Indicators’ aggregates (WDI low- and middle-income 2013: US$ 379.2 bn; KNOMAD: 420.9 bn). Recorded remittances are underestimated: informal channels are not captured. ' +
      'Venezuela is unclassified for lack of data and not included in the aggregate sums.',
    provenance:
      'KNOMAD workbook inward_remittance_flows_december_2023_1.xlsx, bundled byte for byte as found in repository raulincadet/Macro @ 65b2aa9bf463f9797fdd6c228a9def86488b7968, path Remittance/inward_remittance_flows_december_2023_1.xlsx; the repository has no licence file, the workbook is the World Bank’s own publication.',
  },
  indicators: [INDICATORS.remittanceInflowsKnomad, INDICATORS.remittanceInflowsPctGdpKnomad],
  files: [INFLOWS_FILE],
  // v2: the citation names the table and its address after the workbook's own line; the aggregates
  // are named in French and Spanish too.
  // v3: the column "% of GDP in 2023" is read (remittance_inflows_pct_gdp).
  version: 3,
  read: readInflows,
};

/** Every KNOMAD edition this module reads. */
export const knomadImporters: Importer[] = [knomadBilateral2021, knomadBilateral2018, knomadInflows2023];
