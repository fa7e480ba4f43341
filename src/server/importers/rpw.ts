import { parse } from 'csv-parse/sync';
import { parseCsv, type CsvRow, type SourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import { normalisePeriod, type ImportContext, type Importer, type ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const RPW_PUBLISHER = 'World Bank, Remittance Prices Worldwide';
const RPW_LICENCE = 'CC BY 4.0';
const RPW_URL = 'https://remittanceprices.worldbank.org';

/**
 * RPW prints the World Bank's old code for Kosovo; Bridges uses XKX. Every other code in both
 * files is ISO alpha-3, or (in the DataBank export) ANT, the former Netherlands Antilles.
 */
const RPW_CODES: Record<string, string> = { KSV: 'XKX' };

function corridorArea(ctx: ImportContext, row: CsvRow, file: string, column: string): string {
  const printed = row.get(column).trim();
  return RPW_CODES[printed] ?? ctx.areas.code(printed, { file, line: row.line, column });
}

const DATABANK_FILE = 'rpw/rpw_databank_corridors_2011Q1_2020Q3_wide.csv.gz';
const DATABANK_SERIES = 'ATCR.CORR';
/** The date the export's footer states, "Last Updated: 12/07/2020" (DataBank writes month/day/year). */
const DATABANK_LAST_UPDATED = '12/07/2020';
const DATABANK_COLUMNS = [
  'Sending Countries Name',
  'Sending Countries Code',
  'Series Name',
  'Series Code',
  'Receiving Countries  Name', // sic: two spaces, as DataBank prints it
  'Receiving Countries  Code',
] as const;

/** The header row of a CSV file, as printed (without a byte-order mark). */
function headerOf(file: SourceFile): string[] {
  const first =
    file.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  return ((parse(first, { relax_column_count: true }) as string[][])[0] ?? []).map((h) => h.trim());
}

/**
 * World Bank DataBank export "Remittance Prices Worldwide (Corridors)", series ATCR.CORR, one row
 * per sending × receiving country and one column per survey round (`2011Q1 [YR2011Q1]`), `..` for
 * no data, and a footer naming the database and its last update. The footer must say the update
 * this importer describes: another export is another edition.
 */
export const rpwDatabankCorridors: Importer = {
  meta: {
    id: 'rpw-corridors-2020q3',
    family: 'rpw-corridors',
    title: 'Remittance Prices Worldwide: average total cost of sending US$200, by corridor, 2011Q1–2020Q3',
    publisher: RPW_PUBLISHER,
    edition: 'DataBank "Remittance Prices Worldwide (Corridors)", last updated 7 December 2020',
    releaseDate: '2020-12-07',
    licence: RPW_LICENCE,
    sourceUrl: 'https://databank.worldbank.org/source/remittance-prices-worldwide-(corridors)',
    citation:
      'World Bank, Remittance Prices Worldwide (Corridors), series ATCR.CORR "Average Total Cost to remit in corridor", DataBank, last updated 7 December 2020. https://remittanceprices.worldbank.org. Licence: CC BY 4.0.',
    methodNotes:
      'Average total cost (fee plus exchange-rate margin) across the providers surveyed in a corridor, as a percentage of a US$200 transfer (dimension amount = 200). Reference area: receiving country; counterpart: sending country. ' +
      'Periods are the survey rounds as the publisher labels them: until 2012 prices were collected twice a year and DataBank labels those rounds 2011Q1, 2011Q3, 2012Q1 and 2012Q3 (kept as quarters, so 2011–2012 have no Q2 and Q4); quarterly from 2013Q1. ' +
      'The footer "Last Updated: 12/07/2020" is read as month/day/year (7 December 2020): DataBank writes US dates, and the export holds the 2020Q3 round, which could not have been published by 12 July 2020. ' +
      'Cells marked ".." (no data) are not stored.',
    caveats:
      'A corridor average is an unweighted mean across providers, not weighted by volumes. Corridors and providers surveyed change between rounds, so a mean over corridors moves with the sample. ' +
      'A few corridor averages are zero or negative (e.g. Saudi Arabia→Sudan 2017Q4 −11.36 %, United States→Honduras 2014Q2 −4.55 %): an exchange-rate margin in the sender’s favour can exceed the fee; they are kept as published. ' +
      'Four exceed 30 % of the amount sent (Nigeria→Benin 2017Q1 34.42 %, South Africa→Malawi 2013Q2 33.31 %, Nigeria→Mali and Nigeria→Togo 2017Q1 31.90 %), also kept as published. Bridges marks costs below 0 % or above 30 % wherever it ranks or averages them.',
    provenance:
      'DataBank export (file 36d1ed87-9a2d-41da-8eac-c1c25d45fa65_Data.csv) kept in repository natesheehan/sdg_10C @ 3365194021a149cc7971af2fb1b3a0ac63fabf1d, path data/, file commit 06f1c1123e11fc8d701ae554c127c9be5dd0edef (2021-10-02); original file, renamed and gzipped, no value changed.',
  },
  indicators: [INDICATORS.remittanceCost],
  files: [DATABANK_FILE],
  version: 2,
  read(ctx) {
    const source = ctx.file(DATABANK_FILE);
    const rows = parseCsv(source, DATABANK_COLUMNS);
    const periods: { column: string; period: string }[] = [];
    for (const column of headerOf(source)) {
      if ((DATABANK_COLUMNS as readonly string[]).includes(column)) continue;
      const m = /^(\d{4}Q[1-4]) \[YR\1\]$/.exec(column);
      const p = m?.[1] ? normalisePeriod(m[1]) : null;
      if (!p) {
        throw new SourceFormatError(source.name, `"${column}" is not a survey round like "2011Q1 [YR2011Q1]"`, {
          line: 1,
          column,
        });
      }
      periods.push({ column, period: p.period });
    }
    if (periods.length === 0) throw new SourceFormatError(source.name, 'has no period columns', { line: 1 });

    const observations: ObservationInput[] = [];
    let lastUpdated: { date: string; line: number } | null = null;
    let footer = false;
    const seen = new Set<string>();
    for (const row of rows) {
      const first = row.get('Sending Countries Name').trim();
      const rest = DATABANK_COLUMNS.slice(1).map((c) => row.get(c).trim());
      // DataBank ends the table with blank rows, then "Data from database: …" and "Last Updated: …".
      if (rest.every((v) => v === '') && periods.every((p) => row.get(p.column).trim() === '')) {
        if (first === '') {
          footer = true;
          continue;
        }
        if (first.startsWith('Data from database:')) {
          footer = true;
          continue;
        }
        const updated = /^Last Updated: (.+)$/.exec(first);
        if (updated?.[1]) {
          lastUpdated = { date: updated[1].trim(), line: row.line };
          footer = true;
          continue;
        }
      }
      const where = (column: string) => ({ line: row.line, column });
      if (footer) {
        throw new SourceFormatError(
          source.name,
          'a corridor after the end of the table (a blank row or the footer comes before it)',
          where('Sending Countries Name'),
        );
      }
      const series = row.get('Series Code').trim();
      if (series !== DATABANK_SERIES) {
        throw new SourceFormatError(
          source.name,
          `series "${series}" is not ${DATABANK_SERIES} (average total cost in the corridor)`,
          where('Series Code'),
        );
      }
      const sending = corridorArea(ctx, row, source.name, 'Sending Countries Code');
      const receiving = corridorArea(ctx, row, source.name, 'Receiving Countries  Code');
      const corridor = `${sending}→${receiving}`;
      if (seen.has(corridor)) {
        throw new SourceFormatError(
          source.name,
          `corridor ${corridor} appears twice`,
          where('Receiving Countries  Code'),
        );
      }
      seen.add(corridor);
      for (const { column, period } of periods) {
        const text = row.get(column).trim();
        if (text === '..') continue;
        observations.push({
          indicator: INDICATORS.remittanceCost.id,
          refArea: receiving,
          counterpartArea: sending,
          sex: '_T',
          freq: 'Q',
          dims: { amount: '200' },
          period,
          value: parseNumber(text, source.name, row.line, column),
        });
      }
    }
    if (lastUpdated === null) {
      throw new SourceFormatError(
        source.name,
        'has no "Last Updated:" footer: the export is cut short, or is not a DataBank export',
      );
    }
    if (lastUpdated.date !== DATABANK_LAST_UPDATED) {
      throw new SourceFormatError(
        source.name,
        `says "Last Updated: ${lastUpdated.date}"; this importer reads the export last updated ${DATABANK_LAST_UPDATED}`,
        { line: lastUpdated.line, column: 'Sending Countries Name' },
      );
    }
    return { observations };
  },
};

const MEANS_FILE = 'rpw/rpw_corridor_quarter_means_2016Q2_2025Q1_subset.csv.gz';
const MEANS_COLUMNS = [
  'period',
  'source_code',
  'destination_code',
  'avg_cost_pct_200usd',
  'avg_cost_pct_500usd',
  'avg_fx_margin_200usd',
  'avg_fx_margin_500usd',
  'num_providers',
] as const;

/**
 * A third party's corridor × quarter means of the RPW complete (provider-level) dataset, for the
 * 299 corridors of one thesis: `period` (`2016_2Q`), sending `source_code`, receiving
 * `destination_code`, mean total cost and FX margin for US$200 and US$500, number of providers.
 */
export const rpwCorridorMeans: Importer = {
  meta: {
    id: 'rpw-corridor-means-2025q1',
    family: 'rpw-corridor-means',
    title:
      'Remittance Prices Worldwide: corridor means of cost and exchange-rate margin, 299 corridors, 2016Q2–2025Q1 (third-party aggregate)',
    publisher: `${RPW_PUBLISHER} (aggregated by a third party, J. Smirl)`,
    edition: 'RPW complete dataset to 2025Q1, corridor × quarter means (repository jonsmirl/thesis)',
    releaseDate: null,
    licence: `${RPW_LICENCE} (World Bank RPW data)`,
    sourceUrl: RPW_URL,
    citation:
      'World Bank, Remittance Prices Worldwide, complete dataset, 2016Q2–2025Q1, https://remittanceprices.worldbank.org (CC BY 4.0); corridor means computed by J. Smirl, repository jonsmirl/thesis, thesis_data/rpw_filtered.csv.',
    methodNotes:
      'For each corridor (sending → receiving) and quarter, simple means across the providers surveyed of the total cost (fee plus exchange-rate margin) as a percentage of the amount sent, for US$200 and US$500 (dimension amount), of the exchange-rate margin for the same amounts, and the number of providers surveyed. ' +
      'Reference area: receiving country (destination_code); counterpart: sending country (source_code). Periods "2016_2Q" are read as 2016-Q2. The file’s `corridor` label is not used: it reads DEUXKX in two quarters and DEUKSV in the others for the same corridor, so its 300 labels are 299 corridors.',
    caveats:
      'Not the World Bank’s published corridor averages: the means were computed by a third party (repository jonsmirl/thesis) from the provider-level RPW dataset, and cover only 299 corridors (those touching about 47 countries studied in that thesis), not the 367 corridors RPW surveyed in 2020Q3. ' +
      'A mean over these corridors is not the World Bank’s global average. Some means are negative (exchange-rate margins in the sender’s favour); they are kept as computed. ' +
      '64 corridor-quarter means (of both amounts) exceed 30 % of the amount sent: Türkiye→Bulgaria in quarters from 2022Q2 (US$200: 104.33 % in 2025Q1, the cost more than the amount), Tanzania→Kenya, →Uganda and →Rwanda in quarters from 2021Q2, Saudi Arabia→Syria in 2022, Saudi Arabia→Myanmar 2024Q3, South Africa→Malawi 2025Q1 (43.35 %, after −9.36 % in 2024Q4); they are kept as computed. Bridges marks costs below 0 % or above 30 % wherever it ranks or averages them.',
    provenance:
      'Repository jonsmirl/thesis @ 2279b0b96f14449a9c67d88d76c83fec596dad9c, path thesis_data/rpw_filtered.csv, file commit 72e30fb9cd9a8716043fb01e62bec0762deb6538 (2026-02-17); no licence file in the repository; original file, renamed and gzipped, no value changed.',
  },
  indicators: [INDICATORS.remittanceCost, INDICATORS.remittanceFxMargin, INDICATORS.remittanceProviders],
  files: [MEANS_FILE],
  version: 2,
  read(ctx) {
    const source = ctx.file(MEANS_FILE);
    const rows = parseCsv(source, MEANS_COLUMNS);
    const observations: ObservationInput[] = [];
    const seen = new Set<string>();
    for (const row of rows) {
      const printed = row.get('period').trim();
      const p = normalisePeriod(printed);
      if (p?.freq !== 'Q') {
        throw new SourceFormatError(source.name, `"${printed}" is not a quarter like 2016_2Q`, {
          line: row.line,
          column: 'period',
        });
      }
      const refArea = corridorArea(ctx, row, source.name, 'destination_code');
      const counterpartArea = corridorArea(ctx, row, source.name, 'source_code');
      const key = `${counterpartArea}→${refArea} ${p.period}`;
      if (seen.has(key)) {
        throw new SourceFormatError(source.name, `corridor ${key} appears twice`, {
          line: row.line,
          column: 'destination_code',
        });
      }
      seen.add(key);
      const value = (column: string) => parseNumber(row.get(column), source.name, row.line, column);
      const base = { refArea, counterpartArea, sex: '_T', freq: 'Q', period: p.period } as const;
      observations.push(
        {
          ...base,
          indicator: INDICATORS.remittanceCost.id,
          dims: { amount: '200' },
          value: value('avg_cost_pct_200usd'),
        },
        {
          ...base,
          indicator: INDICATORS.remittanceCost.id,
          dims: { amount: '500' },
          value: value('avg_cost_pct_500usd'),
        },
        {
          ...base,
          indicator: INDICATORS.remittanceFxMargin.id,
          dims: { amount: '200' },
          value: value('avg_fx_margin_200usd'),
        },
        {
          ...base,
          indicator: INDICATORS.remittanceFxMargin.id,
          dims: { amount: '500' },
          value: value('avg_fx_margin_500usd'),
        },
      );
      const providers = value('num_providers');
      if (!Number.isInteger(providers) || providers < 1) {
        throw new SourceFormatError(source.name, `"${row.get('num_providers')}" is not a number of providers`, {
          line: row.line,
          column: 'num_providers',
        });
      }
      observations.push({ ...base, indicator: INDICATORS.remittanceProviders.id, value: providers });
    }
    return { observations };
  },
};

/** Bundled RPW editions, for the registry. */
export const rpwImporters: Importer[] = [rpwDatabankCorridors, rpwCorridorMeans];
