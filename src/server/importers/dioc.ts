import { parseCsv } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { parseNumber } from '../stats/import-dataset.js';
import type { AggregateArea, ImportContext, Importer, ObservationInput } from '../stats/model.js';
import { INDICATORS } from './indicators.js';

const OECD_PUBLISHER = 'OECD, Directorate for Employment, Labour and Social Affairs';

/**
 * DIOC's countries of birth that are not ISO codes. People born in a state that has since split
 * are coded by the former state and, where the census knows it, the successor (`USSR-UKR`); the
 * successor is the Bridges area, the former state alone (`USSR`) its former-state area.
 */
const DIOC_CODES: Record<string, string> = {
  CSFR: 'CSK',
  'CSFR-CZE': 'CZE',
  'CSFR-SVK': 'SVK',
  FYUG: 'YUG',
  'FYUG-BIH': 'BIH',
  'FYUG-HRV': 'HRV',
  'FYUG-MKD': 'MKD',
  'FYUG-MNE': 'MNE',
  'FYUG-SRB': 'SRB',
  'FYUG-SVN': 'SVN',
  'FYUG-XXK': 'XKX',
  USSR: 'SUN',
  'USSR-ARM': 'ARM',
  'USSR-AZE': 'AZE',
  'USSR-BLR': 'BLR',
  'USSR-EST': 'EST',
  'USSR-GEO': 'GEO',
  'USSR-KAZ': 'KAZ',
  'USSR-KGZ': 'KGZ',
  'USSR-LTU': 'LTU',
  'USSR-LVA': 'LVA',
  'USSR-MDA': 'MDA',
  'USSR-RUS': 'RUS',
  'USSR-TJK': 'TJK',
  'USSR-TKM': 'TKM',
  'USSR-UKR': 'UKR',
  'USSR-UZB': 'UZB',
};

/** DIOC's residual countries of birth, kept as OECD aggregates (never spread over countries); Bridges' names. */
const DIOC_RESIDUALS: Record<string, { en: string; fr: string; es: string }> = {
  AFRI: {
    en: 'Africa, country of birth not identified (DIOC)',
    fr: 'Afrique, pays de naissance non identifié (DIOC)',
    es: 'África, país de nacimiento no identificado (DIOC)',
  },
  ASIA: {
    en: 'Asia, country of birth not identified (DIOC)',
    fr: 'Asie, pays de naissance non identifié (DIOC)',
    es: 'Asia, país de nacimiento no identificado (DIOC)',
  },
  EURO: {
    en: 'Europe, country of birth not identified (DIOC)',
    fr: 'Europe, pays de naissance non identifié (DIOC)',
    es: 'Europa, país de nacimiento no identificado (DIOC)',
  },
  NOAM: {
    en: 'Northern America, country of birth not identified (DIOC)',
    fr: 'Amérique septentrionale, pays de naissance non identifié (DIOC)',
    es: 'América septentrional, país de nacimiento no identificado (DIOC)',
  },
  OCEA: {
    en: 'Oceania, country of birth not identified (DIOC)',
    fr: 'Océanie, pays de naissance non identifié (DIOC)',
    es: 'Oceanía, país de nacimiento no identificado (DIOC)',
  },
  SCAC: {
    en: 'South and Central America and the Caribbean, country of birth not identified (DIOC)',
    fr: 'Amérique du Sud, Amérique centrale et Caraïbes, pays de naissance non identifié (DIOC)',
    es: 'América del Sur, América Central y el Caribe, país de nacimiento no identificado (DIOC)',
  },
  OTH: {
    en: 'Other or unidentified country of birth (DIOC)',
    fr: 'Autre pays de naissance ou pays non identifié (DIOC)',
    es: 'Otro país de nacimiento o país no identificado (DIOC)',
  },
  UNK: {
    en: 'Place of birth unknown (DIOC)',
    fr: 'Lieu de naissance inconnu (DIOC)',
    es: 'Lugar de nacimiento desconocido (DIOC)',
  },
  'KOREA-NS': {
    en: 'Korea, North and South not distinguished (DIOC)',
    fr: 'Corée, Nord et Sud non distingués (DIOC)',
    es: 'Corea, Norte y Sur sin distinguir (DIOC)',
  },
};

/** The aggregate a residual country of birth of DIOC's (AFRI, KOREA-NS…) is kept as; undefined for any other code. */
function diocResidual(coub: string): AggregateArea | undefined {
  const residual = DIOC_RESIDUALS[coub];
  if (!residual) return undefined;
  const { en, fr, es } = residual;
  return { code: `OECD_${coub.replace('-', '_')}`, name: en, names: { fr, es }, publisher: 'OECD' };
}

/** Every aggregate DIOC's residual countries of birth are kept as. */
export const DIOC_AGGREGATES: readonly AggregateArea[] = Object.keys(DIOC_RESIDUALS).flatMap(
  (c) => diocResidual(c) ?? [],
);

const SEX: Record<string, 'M' | 'F'> = { '1': 'M', '2': 'F' };

/** The codes of each dimension column, as DIOC prints them. */
export const DIOC_VOCABULARY: Record<string, readonly string[]> = {
  age_lfs: ['0', '1', '2', '3', '99'],
  age: ['1', '2', '3', '1564', '99'],
  edu_lfs: ['1', '2', '3', '99'],
  lfs: ['1', '2', '3', '99'],
  national: ['0', '1', '99'],
  oecd: ['1'],
  regionb: ['AFRI', 'ASIA', 'EURO', 'NOAM', 'OCEA', 'SCAC', 'UNK'],
  oecdb: ['0', '1'],
  fborn: ['0', '1', '99'],
};

const CODES_NOTE =
  'Codes, as printed (dimension = column): sex 1 men, 2 women (stored as sex M/F; no both-sexes rows: sum them); ' +
  'age_lfs 0 under 15, 1 15–24, 2 25–64, 3 65 and over, 99 unknown; ' +
  'age (File C) 1 15–24, 2 25–64, 3 65 and over, 1564 15–64 (destinations that give only the working-age band, Austria and Turkey), 99 unknown; ' +
  'edu_lfs 1 low (ISCED 0–2), 2 medium (ISCED 3–4), 3 high, tertiary (ISCED 5–8), 99 unknown; ' +
  'lfs 1 employed, 2 unemployed, 3 inactive, 99 unknown; national 1 citizen of the country of residence, 0 foreign citizen, 99 unknown; ' +
  'oecd 1 living in an OECD country (every row); regionb region of birth (AFRI, ASIA, EURO, NOAM Northern America, OCEA, SCAC South and Central America and the Caribbean, UNK unknown); ' +
  'oecdb 1 born in an OECD country, 0 not; fborn 1 foreign-born, 99 place of birth unknown (0 native-born, not stored). ' +
  'The codes are categories, never totals: the published cells add up to the population without double counting, so totals are sums over the cells wanted. ' +
  'Countries of birth: ISO alpha-3, except the former states (CSFR-CZE → CZE, FYUG-SRB → SRB, FYUG-XXK → XKX, USSR-UKR → UKR …; CSFR, FYUG and USSR alone → the former states CSK, YUG, SUN) ' +
  'and the residuals AFRI, ASIA, EURO, NOAM, OCEA, SCAC (region known, country not), OTH, UNK and KOREA-NS (Korea, North and South not distinguished), kept as aggregates OECD_AFRI … OECD_KOREA_NS.';

const DIOC_CAVEATS =
  'Destination countries are pooled: the file gives emigrants by country of birth in the 35 OECD countries of 2015/16 together, not by destination. ' +
  'The labour-force file covers a narrower population than the age × education file (aged 15 and over; for Austria and Turkey only ages 15–64 and unknown): 120.66 M foreign-born against 121.10 M aged 15 and over or of unknown age in File A. ' +
  'Koreans are not split into North and South (KOREA-NS): there is no figure for the Republic of Korea alone. ' +
  'Slovenia and Estonia (OECD members since 2010) appear under both oecdb 0 and 1. ' +
  'The nationality code looks inverted for residents of Japan (in the by-residence file all 1.75 M foreign-born in Japan are coded national 1 and all natives 0).';

interface DiocFile {
  id: string;
  family: string;
  title: string;
  file: string;
  /** The dimension columns besides coub, sex and number, in the order printed. */
  dims: readonly string[];
  methodNotes: string;
}

/**
 * DIOC 2015/16 public file by country of birth (`coub`), OECD destinations pooled: one row per
 * cell of the cross-tabulation, `number` persons. Reference area: country of birth; no
 * counterpart (the destination is "the OECD"). Native-born rows (fborn 0: people living in their
 * own country of birth) are not emigrants and are left out on purpose; every other row is kept
 * with all its codes as dimensions.
 */
function diocByBirth(spec: DiocFile): Importer {
  const file = `oecd_dioc/${spec.file}`;
  return {
    meta: {
      id: spec.id,
      family: spec.family,
      title: spec.title,
      publisher: OECD_PUBLISHER,
      edition: `DIOC 2015/16, public file ${spec.file.replace(/\.csv\.gz$/, '')}`,
      releaseDate: null,
      licence: 'OECD Terms and Conditions (https://www.oecd.org/termsandconditions/)',
      sourceUrl: 'https://www.oecd.org/en/data/datasets/database-on-immigrants-in-oecd-and-non-oecd-countries.html',
      citation:
        'OECD, Database on Immigrants in OECD Countries (DIOC) 2015/16, https://www.oecd.org/migration/dioc.htm.',
      methodNotes: `${spec.methodNotes} ${CODES_NOTE}`,
      caveats: DIOC_CAVEATS,
      provenance: `Repository priya51096/ETC5513-Assignment-4- (Apache-2.0) @ 5015ada9dede19e2ac3c2123bf0d5d38b2e60872, path data/${spec.file.replace(/\.gz$/, '')}, file commit d600abd511d65dbf3a877464406122675cd4e61f (2020-06-02); the OECD's public file as published, gzipped, no value changed.`,
    },
    indicators: [INDICATORS.diocEmigrants],
    files: [file],
    // v2: the residual areas are named in French and Spanish too.
    version: 2,
    read(ctx) {
      const source = ctx.file(file);
      const rows = parseCsv(source, ['coub', 'sex', ...spec.dims, 'number']);
      const observations: ObservationInput[] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const where = (column: string) => ({ file: source.name, line: row.line, column });
        const code = (column: string) => {
          const value = row.get(column).trim();
          const allowed = DIOC_VOCABULARY[column] ?? [];
          if (!allowed.includes(value)) {
            throw new SourceFormatError(
              source.name,
              `"${value}" is not a DIOC code of ${column} (${allowed.join(', ')})`,
              where(column),
            );
          }
          return value;
        };
        const sexCode = row.get('sex').trim();
        const sex = SEX[sexCode];
        if (!sex)
          throw new SourceFormatError(source.name, `sex "${sexCode}" must be 1 (men) or 2 (women)`, where('sex'));
        const dims: Record<string, string> = {};
        for (const column of spec.dims) dims[column] = code(column);
        const value = parseNumber(row.get('number'), source.name, row.line, 'number');
        if (!Number.isInteger(value) || value < 0) {
          throw new SourceFormatError(
            source.name,
            `"${row.get('number')}" is not a number of persons`,
            where('number'),
          );
        }
        const refArea = birthArea(ctx, row.get('coub'), where('coub'));
        if (dims.fborn === '0') continue; // native-born: not emigrants (see the method notes)
        const key = `${refArea} ${sex} ${JSON.stringify(dims)}`;
        if (seen.has(key)) throw new SourceFormatError(source.name, `the cell ${key} appears twice`, where('number'));
        seen.add(key);
        observations.push({
          indicator: INDICATORS.diocEmigrants.id,
          refArea,
          counterpartArea: null,
          sex,
          freq: 'A',
          dims,
          period: '2015',
          value,
        });
      }
      return { observations };
    },
  };
}

function birthArea(ctx: ImportContext, printed: string, where: { file: string; line: number; column: string }): string {
  const coub = printed.trim();
  const residual = diocResidual(coub);
  if (residual) return ctx.areas.aggregate(residual);
  const mapped = DIOC_CODES[coub];
  if (mapped) return mapped;
  if (!/^[A-Z]{3}$/.test(coub)) throw new SourceFormatError(where.file, `unknown country of birth "${coub}"`, where);
  return ctx.areas.code(coub, where);
}

const PERIOD_NOTE =
  'Reference period 2015/16 (the national sources DIOC draws on, of around 2015/16), stored as the year 2015. Reference area: country of birth; persons living in any of the 35 OECD member countries of 2015/16.';

export const diocAgeEducation = diocByBirth({
  id: 'oecd-dioc-2015-age-education',
  family: 'oecd-dioc-age-education',
  title:
    'Emigrants living in OECD countries by country of birth, sex, age, education and citizenship, 2015/16 (DIOC File A)',
  file: 'DIOC_2015_16_File_A_2.csv.gz',
  dims: ['age_lfs', 'edu_lfs', 'national', 'oecd', 'regionb', 'oecdb', 'fborn'],
  methodNotes:
    `${PERIOD_NOTE} All ages. Foreign-born (fborn 1): 128,613,669, of whom 121,101,634 aged 15 and over or of unknown age (age_lfs ≠ 0; 121,036,457 for age_lfs 1–3), 38,944,874 with tertiary education (edu_lfs 3), 12,111,554 born in Mexico. ` +
    'Left out: 1,632 native-born cells (fborn 0, 1,134.8 M people living in their own OECD country of birth).',
});

export const diocLabourForce = diocByBirth({
  id: 'oecd-dioc-2015-labour-force',
  family: 'oecd-dioc-labour-force',
  title:
    'Emigrants living in OECD countries by country of birth, sex, education, labour-force status and age, 2015/16 (DIOC File C)',
  file: 'DIOC_2015_16_File_C_2.csv.gz',
  dims: ['edu_lfs', 'lfs', 'age', 'oecd', 'regionb', 'oecdb', 'fborn'],
  methodNotes:
    `${PERIOD_NOTE} Population aged 15 and over. Foreign-born (fborn 1): 120,664,892, of whom 69,987,991 employed, 7,261,556 unemployed, 42,264,225 inactive, 1,151,120 of unknown status. ` +
    'Left out: 2,193 native-born cells (fborn 0).',
});

/**
 * Bundled DIOC files, one dataset each. NOTE: each public file is a complete cross-tabulation of
 * the same people, so one dataset per file keeps every dataset summable (its cells add up once);
 * one dataset holding Files A and C would count everybody twice for anyone summing a country.
 */
export const diocImporters: Importer[] = [diocAgeEducation, diocLabourForce];
