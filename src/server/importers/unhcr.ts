import { parseCsv } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import type { Importer, ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const UNHCR_FILE = 'unhcr/unhcr_forcibly_displaced_by_origin_asylum_1990_2024.csv.gz';
const UNHCR_COLUMNS = ['year', 'asylum_iso3', 'origin_iso3', 'group', 'persons'] as const;

/**
 * The file's last year holds UNHCR's mid-year figures (end of June; returns from January to June),
 * provisional until the end-year release: its values are marked P. UNHCR's Mid-Year Trends 2024
 * reports 32 million refugees under its mandate at the end of June 2024; the file's 2024 refugees
 * add up to 31.96 million, against 31.64 million at the end of 2023.
 */
const MID_YEAR = '2024';

/** The population groups of the file, as printed; anything else is an error. */
export const UNHCR_GROUPS = ['refugee', 'asylum', 'refugee return', 'idp', 'idp return', 'stateless', 'other'] as const;

/**
 * UNHCR Refugee Data Finder, in the IOM gdidata cleaning: one row per year, country of asylum,
 * country of origin and population group (`year, asylum_iso3, origin_iso3, group, persons`).
 * Reference area: asylum; counterpart: origin; dimension `group` as printed.
 */
export const unhcrDisplacement: Importer = {
  meta: {
    id: 'unhcr-displacement-2024',
    family: 'unhcr-displacement',
    title: 'Forcibly displaced and stateless people by country of asylum and origin, 1990–2024',
    publisher: 'United Nations High Commissioner for Refugees (UNHCR)',
    edition: 'Refugee Data Finder, end-year 1990–2023 and mid-2024 (IOM gdidata extract, downloaded September 2024)',
    releaseDate: null,
    licence: 'CC BY 4.0',
    sourceUrl: 'https://www.unhcr.org/refugee-statistics/',
    citation:
      'UNHCR Refugee Population Statistics Database, https://www.unhcr.org/refugee-statistics/ (CC BY 4.0), as extracted by the IOM Global Data Institute (iom/gdidata, data/unhcr.rda).',
    methodNotes:
      'Persons by country of asylum (reference area), country of origin (counterpart) and population group (dimension group): refugee = refugees under UNHCR’s mandate, including people in refugee-like situations and excluding Palestine refugees under UNRWA’s mandate (the yearly sums match UNHCR’s Global Trends: 10.55 M in 2010, 20.66 M in 2020, 31.64 M in 2023); asylum = asylum-seekers; refugee return = refugees who returned to their origin during the year, by the country they returned from (OOO when UNHCR does not know it); idp and idp return = internally displaced people under UNHCR’s protection or assistance and those who returned during the year (asylum = origin); stateless = stateless people, origin STL; other = the extract’s remaining group (UNHCR’s others of concern and, in recent years, people in need of international protection such as Venezuelans displaced abroad; the extract does not separate them). ' +
      'Years 1990–2023 are end-year stocks (returns are flows during the year). 2024 is UNHCR’s mid-year release: stocks at the end of June 2024, returns from January to June; Bridges marks its values provisional (status P), as UNHCR revises them in the end-year release. Origins OOO (unknown), STL (stateless) and TIB (Tibetan) are not ISO countries; they are areas of their own in Bridges.',
    caveats:
      'The 2024 values are mid-2024 figures, marked provisional (the extract was downloaded in September 2024; its 31.96 M refugees are the 32 M at the end of June 2024 of UNHCR’s Mid-Year Trends 2024, against 31.64 M at the end of 2023; returns cover January–June and "other" is much lower than in the full years): do not compare 2024 with end-year figures as if it were a full year. ' +
      'Returns are flows during the year, the other groups stocks: do not add them into one total. The file holds no figure below 5 persons (UNHCR masks small figures), so small corridors are absent, not zero. The "other" group is not stable over time (Venezuelans in it: 0.49 M in 2019, 3.29 M in 2023, 0.36 M in mid-2024).',
    provenance:
      'IOM Global Data Institute, repository iom/gdidata (MIT), data/unhcr.rda, file commit 108ea9b4caae029e33b6c3bacb8426dd5bea460b (2025-03-09); converted to CSV with python rdata, no value changed, gzipped.',
  },
  indicators: [INDICATORS.forciblyDisplaced],
  files: [UNHCR_FILE],
  version: 2,
  read(ctx) {
    const source = ctx.file(UNHCR_FILE);
    const rows = parseCsv(source, UNHCR_COLUMNS);
    const groups = new Set<string>(UNHCR_GROUPS);
    const seen = new Set<string>();
    const observations = new Array<ObservationInput>(rows.length);
    rows.forEach((row, i) => {
      const where = (column: string) => ({ file: source.name, line: row.line, column });
      const year = row.get('year').trim();
      if (!/^(19|20)\d{2}$/.test(year)) {
        throw new SourceFormatError(source.name, `"${year}" is not a year`, where('year'));
      }
      const group = row.get('group').trim();
      if (!groups.has(group)) {
        throw new SourceFormatError(
          source.name,
          `group "${group}" is not one of ${UNHCR_GROUPS.map((g) => `"${g}"`).join(', ')}`,
          where('group'),
        );
      }
      const persons = parseNumber(row.get('persons'), source.name, row.line, 'persons');
      if (!Number.isInteger(persons) || persons < 0) {
        throw new SourceFormatError(
          source.name,
          `"${row.get('persons')}" is not a number of persons`,
          where('persons'),
        );
      }
      const refArea = ctx.areas.code(row.get('asylum_iso3'), where('asylum_iso3'));
      const counterpartArea = ctx.areas.code(row.get('origin_iso3'), where('origin_iso3'));
      const key = `${year} ${refArea} ${counterpartArea} ${group}`;
      if (seen.has(key)) throw new SourceFormatError(source.name, `${key} appears twice`, where('group'));
      seen.add(key);
      observations[i] = {
        indicator: INDICATORS.forciblyDisplaced.id,
        refArea,
        counterpartArea,
        sex: '_T',
        freq: 'A',
        dims: { group },
        period: year,
        value: persons,
        status: year === MID_YEAR ? 'P' : 'A',
      };
    });
    return { observations };
  },
};

/** Bundled UNHCR editions, for the registry. */
export const unhcrImporters: Importer[] = [unhcrDisplacement];
