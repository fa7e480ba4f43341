import { parseCsv, type CsvRow } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import type { Importer, IndicatorDef, ObservationInput } from '../stats/model.js';

export const MIGRANT_STOCK: IndicatorDef = {
  id: 'migrant_stock',
  name: 'International migrant stock',
  unit: 'persons',
  description:
    'Number of people living in a country other than their country of birth (or, where birthplace is not recorded, of citizenship), at mid-year. Reference area: country of destination; counterpart area: country of origin.',
  measureType: 'stock',
  topic: 'migration',
};

const UN_DESA_LICENCE = 'CC BY 3.0 IGO';

/** Revision 2024's destinations whose every 2024 figure is their 2020 figure (undesa-ims.test.ts checks the file). */
export const REPEATS_2020 = ['NIU', 'PHL'];
const REPEATED_2020_CAVEAT =
  ' In two destinations of 233, the Philippines (87,212 migrants in all) and Niue (588), every 2024 figure repeats the 2020 figure exactly, origin by origin and sex by sex: read their change from 2020 to 2024 as not estimated, not as none. (The UN’s own 2024 workbook, which would show whether it printed them so, is not among the files Bridges could obtain.)';
const TYPE_FLAGS = ['type_b', 'type_c', 'type_r', 'type_i'] as const;

/**
 * UN DESA International Migrant Stock, bilateral by sex (destination × origin × sex × year), in
 * the IOM gdidata conversion of the UN's workbooks (`year, dest_iso3, origin_iso3, sex,
 * migrant_stock, type_b, type_c, type_r, type_i`). Both sexes are not stored: they are male +
 * female, summed on query. The UN's type-of-data codes are kept as flags (B foreign-born,
 * C citizens, R refugees added, I imputed); an imputed value gets status I.
 */
function undesaBilateral(revision: 2020 | 2024, file: string, releaseDate: string | null, commit: string): Importer {
  return {
    meta: {
      id: `undesa-ims-${String(revision)}`,
      family: 'undesa-ims',
      title: `International Migrant Stock ${String(revision)}: destination and origin, by sex`,
      publisher: 'United Nations, Department of Economic and Social Affairs, Population Division',
      edition: `Revision ${String(revision)}`,
      releaseDate,
      licence: UN_DESA_LICENCE,
      sourceUrl: 'https://www.un.org/development/desa/pd/content/international-migrant-stock',
      citation: `United Nations Department of Economic and Social Affairs, Population Division (${String(revision)}). International Migrant Stock ${String(revision)} (POP/DB/MIG/Stock/Rev.${String(revision)}).`,
      methodNotes:
        'Estimates at mid-year for 1990, 1995, …, 2020' +
        (revision === 2024 ? ' and 2024' : '') +
        ', based on population censuses, registers and surveys. Migrants are foreign-born where the source allows (type B), else foreign citizens (type C); refugees are added where needed (R); missing figures were imputed (I).',
      caveats:
        'Only origin–destination pairs with a figure are present: a missing pair is unknown, not zero. Origin OOO ("Other") gathers migrants whose origin the source does not give. The two revisions revise the past too: compare editions side by side, do not splice them.' +
        (revision === 2024 ? REPEATED_2020_CAVEAT : ''),
      provenance: `IOM Global Data Institute, repository iom/gdidata (MIT), data/undesa_stocks${revision === 2020 ? '_2020' : ''}.rda, file commit ${commit}; converted to CSV with python rdata, columns renamed, no value changed.`,
    },
    indicators: [MIGRANT_STOCK],
    files: [`undesa_ims/${file}`],
    // v2: Revision 2024's caveats name the destinations whose 2024 figures repeat 2020's.
    version: revision === 2024 ? 2 : 1,
    read(ctx) {
      const source = ctx.file(`undesa_ims/${file}`);
      const rows = parseCsv(source, ['year', 'dest_iso3', 'origin_iso3', 'sex', 'migrant_stock', ...TYPE_FLAGS]);
      const observations: ObservationInput[] = new Array<ObservationInput>(rows.length);
      const where = (row: CsvRow, column: string) => ({ file: source.name, line: row.line, column });
      // Codes repeat (some 230 areas over 150,000 rows): each is resolved, and checked, once.
      const dest = new Map<string, string>();
      const origin = new Map<string, string>();
      const code = (cache: Map<string, string>, row: CsvRow, column: string) => {
        const value = row.get(column);
        let resolved = cache.get(value);
        if (resolved === undefined) cache.set(value, (resolved = ctx.areas.code(value, where(row, column))));
        return resolved;
      };
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as CsvRow;
        const year = row.get('year').trim();
        if (!/^\d{4}$/.test(year))
          throw new SourceFormatError(source.name, `"${year}" is not a year`, where(row, 'year'));
        const sex = row.get('sex').trim();
        if (sex !== 'male' && sex !== 'female')
          throw new SourceFormatError(source.name, `sex "${sex}" must be male or female`, where(row, 'sex'));
        const value = parseNumber(row.get('migrant_stock'), source.name, row.line, 'migrant_stock');
        if (value < 0)
          throw new SourceFormatError(
            source.name,
            `a migrant stock cannot be negative (${String(value)})`,
            where(row, 'migrant_stock'),
          );
        let flags = '';
        for (const f of TYPE_FLAGS) if (row.get(f).trim() === '1') flags += f.slice(5).toUpperCase();
        observations[i] = {
          indicator: MIGRANT_STOCK.id,
          refArea: code(dest, row, 'dest_iso3'),
          counterpartArea: code(origin, row, 'origin_iso3'),
          sex: sex === 'male' ? 'M' : 'F',
          freq: 'A',
          period: year,
          value,
          status: flags.includes('I') ? 'I' : 'A',
          flags: flags || null,
        };
      }
      return { observations };
    },
  };
}

export const undesaIms2024 = undesaBilateral(
  2024,
  'undesa_ims2024_bilateral_by_sex.csv.gz',
  null,
  'd6262efc4052c0720eb8bfc866eece9dc705641b',
);
export const undesaIms2020 = undesaBilateral(
  2020,
  'undesa_ims2020_bilateral_by_sex.csv.gz',
  null,
  '1c27ae4b5275a6672fc056d9d35ec3cacb4edb62',
);
