import { parseCsv } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import type { AggregateArea, Importer, ObservationStatus, ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const PUBLISHER = 'OECD Development Assistance Committee';
const FILE = 'oda/oecd_dac2a_net_oda_received_alldonors_current_usd_millions.csv.gz';

/** The one slice of DAC2A this importer reads: every row must carry these dimension values. */
const FIXED_DIMENSIONS = {
  DONOR: 'ALLD', // all donors
  FLOW_TYPE: 'D',
  MEASURE: '206', // ODA total, net disbursements
  PRICE_BASE: 'V', // current prices
  UNIT_MEASURE: 'USD',
  UNIT_MULT: '6', // millions: the catalogue's unit, so values are stored as printed
} as const;

/** OECD recipient codes that are not ISO codes of an area Bridges knows. */
const OECD_CODES: Record<string, string> = { XKV: 'XKX' };

/**
 * DAC recipients that are not countries. NOTE: F4_X is named by its code only: the file does not
 * label it, and its values (ODA peaking in 2011) suggest "North of Sahara, regional" but nothing
 * in the extract says so.
 */
export const ODA_AGGREGATES: Readonly<Record<string, AggregateArea>> = {
  F4_X: {
    code: 'OECD_F4_X',
    name: 'OECD DAC recipient F4_X (regional or unspecified, not a country)',
    publisher: PUBLISHER,
    names: {
      fr: 'Bénéficiaire F4_X du CAD de l’OCDE (régional ou non spécifié, pas un pays)',
      es: 'Receptor F4_X del CAD de la OCDE (regional o no especificado, no un país)',
    },
  },
};

/** SDMX observation status → Bridges status; the OECD's code is kept as a flag when not A. */
const STATUS: Record<string, ObservationStatus> = { A: 'A', E: 'E', P: 'P', F: 'F', I: 'I' };

export const odaDac2a: Importer = {
  meta: {
    id: 'oecd-dac2a-2025',
    family: 'oecd-dac2a',
    title: 'Net ODA received from all donors (OECD DAC2A), 1994–2023',
    publisher: PUBLISHER,
    edition: 'OECD Data Explorer extract, DAC2A dataflow version 1.2 (before March 2025)',
    releaseDate: null,
    licence: 'OECD Terms and Conditions (OECD data are CC BY 4.0 since July 2024)',
    sourceUrl: 'https://data-explorer.oecd.org/',
    citation: 'OECD (2025), Aid (ODA) disbursements to countries and regions [DAC2A], OECD Data Explorer.',
    methodNotes:
      'Official development assistance from all donors (DONOR ALLD: DAC members, multilateral agencies and other reporting donors), total net disbursements (MEASURE 206), current prices (PRICE_BASE V), in millions of US$ (UNIT_MULT 6), by recipient, 1994–2023. Reference area = recipient. ' +
      'Every row is checked to carry exactly these dimension values; OECD observation status A is normal, any other code is kept as status and flag.',
    caveats:
      'Net disbursements: repayments of earlier loans are subtracted, so a recipient’s value can be negative (87 values here). ' +
      'Recipient F4_X is a regional or unspecified allocation, not a country: it is kept as the aggregate OECD_F4_X and must be left out of sums over countries (2022: all recipients US$ 151.43 bn, countries only 151.34 bn). ' +
      'Only the 180 recipients the extraction asked for are present (no DAC regional totals). Kosovo appears as XKV (Bridges XKX).',
    provenance:
      'OECD DAC2A extract (SDMX query of dataflow DSD_DAC2@DF_DAC2A, version 1.2, as recorded in the repository’s data.R) saved as data/oda.csv in repository Henning-Aasheim/Authoritarian-Diffusion-MA-Thesis @ 3405e20277f921e8337f1ed4f1428020812e19f5, file commit cc80a53ee038af298f31d146cb2bc43ee8c28385 (2025-03-15); no licence file in the repository, the data are the OECD’s. Bundled gzip-compressed, no value changed.',
  },
  indicators: [INDICATORS.odaReceived],
  files: [FILE],
  version: 2,
  read(ctx) {
    const file = ctx.file(FILE);
    const rows = parseCsv(file, [
      ...Object.keys(FIXED_DIMENSIONS),
      'OBS_STATUS',
      'ObsValue',
      'RECIPIENT',
      'TIME_PERIOD',
    ]);
    const observations = rows.map((row): ObservationInput => {
      const where = (column: string) => ({ file: file.name, line: row.line, column });
      for (const [column, expected] of Object.entries(FIXED_DIMENSIONS)) {
        const value = row.get(column).trim();
        if (value !== expected)
          throw new SourceFormatError(
            file.name,
            `${column} is "${value}"; this importer reads only ${expected}`,
            where(column),
          );
      }
      const year = row.get('TIME_PERIOD').trim();
      if (!/^\d{4}$/.test(year))
        throw new SourceFormatError(file.name, `"${year}" is not a year`, where('TIME_PERIOD'));
      const code = row.get('RECIPIENT').trim();
      const aggregate = ODA_AGGREGATES[code];
      const refArea = aggregate
        ? ctx.areas.aggregate(aggregate)
        : ctx.areas.code(OECD_CODES[code] ?? code, where('RECIPIENT'));
      const obsStatus = row.get('OBS_STATUS').trim();
      const status = STATUS[obsStatus];
      if (!status)
        throw new SourceFormatError(file.name, `unknown observation status "${obsStatus}"`, where('OBS_STATUS'));
      return {
        indicator: INDICATORS.odaReceived.id,
        refArea,
        counterpartArea: null,
        sex: '_T',
        freq: 'A',
        period: year,
        value: parseNumber(row.get('ObsValue'), file.name, row.line, 'ObsValue'),
        status,
        flags: obsStatus === 'A' ? null : obsStatus,
      };
    });
    return { observations };
  },
};

/** Every OECD ODA edition this module reads. */
export const odaImporters: Importer[] = [odaDac2a];
