import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { readSourceFile } from '../ingest/read-source.js';
import { SourceFormatError } from '../ingest/source-error.js';
import { REFERENCE_DATA_DIR } from '../paths.js';
import {
  columnLetter,
  parseCldrNames,
  OGHIST_FIRST_YEAR_COL,
  parseCountryCodes,
  parseIncomeGroup,
  parseM49,
  parseNonIsoAreas,
  parseOghist,
  parseWdiRegions,
  type AliasRow,
  type AreaRow,
  type IncomeRow,
  type NameRow,
  type RegionRow,
} from './parse-reference.js';
import { REFERENCE_SOURCES } from './sources.js';

/** Bump when the parsing changes, so a database loaded by an older Bridges is reloaded. */
const LOADER_VERSION = 3;
const LOAD_KEY = 'reference';

export interface ReferenceData {
  regions: RegionRow[];
  areas: AreaRow[];
  names: NameRow[];
  aliases: AliasRow[];
  income: IncomeRow[];
}

export type ProgressReporter = (step: string, done: number, total: number) => void;

export type ReferenceLoadResult =
  | { loaded: false; checksum: string }
  | { loaded: true; checksum: string; areas: number; names: number; incomeRows: number };

/**
 * Reads every bundled reference file and joins them into rows: ISO countries from UNSD M49 and
 * the datahub codes, the non-ISO areas, World Bank regions and income history. All-or-nothing:
 * any fault throws a SourceFormatError before anything is written.
 */
/** Reads the bundled files' bytes; cheap, so every start can compare checksums before parsing. */
export function readReferenceFiles(dir = REFERENCE_DATA_DIR) {
  const file = (name: string) => readSourceFile(path.join(dir, name));
  const files = {
    m49: file(REFERENCE_SOURCES.m49.file),
    codes: file(REFERENCE_SOURCES.countryCodes.file),
    wdi: file(REFERENCE_SOURCES.wdiRegions.file),
    nonIso: file(REFERENCE_SOURCES.nonIsoAreas.file),
    oghist: file(REFERENCE_SOURCES.incomeHistory.file),
    cldr: file(REFERENCE_SOURCES.cldrNames.file),
  };
  const hash = createHash('sha256').update(`loader:${String(LOADER_VERSION)}`);
  for (const f of Object.values(files)) hash.update(f.sha256);
  return { files, checksum: hash.digest('hex') };
}
type ReferenceFiles = ReturnType<typeof readReferenceFiles>['files'];

/**
 * Joins the reference files into rows: ISO countries from UNSD M49 and the datahub codes, the
 * non-ISO areas, World Bank regions and income history. All-or-nothing: any fault throws a
 * SourceFormatError naming file, line and column before anything is written.
 */
export async function parseReferenceData(files: ReferenceFiles): Promise<ReferenceData> {
  const m49 = parseM49(files.m49);
  const codes = parseCountryCodes(files.codes);
  const { regions: wbRegions, names: wbNames } = parseWdiRegions(files.wdi);
  const nonIso = parseNonIsoAreas(files.nonIso);
  const oghist = await parseOghist(files.oghist);

  const areas: AreaRow[] = [];
  const iso3Of = new Map([...codes.codes].flatMap(([iso3, c]) => (c.iso2 ? [[c.iso2, iso3] as const] : [])));
  const names: NameRow[] = [...codes.names, ...nonIso.names, ...parseCldrNames(files.cldr, iso3Of)];
  for (const [iso3, c] of m49.countries) {
    const iso = codes.codes.get(iso3);
    if (!iso) throw new SourceFormatError(files.codes.name, `has no row for ${iso3}, which UNSD's M49 file lists`);
    areas.push({
      ...c,
      kind: 'country',
      iso2: iso.iso2,
      iso_numeric: iso.iso_numeric,
      wb_region: wbRegions.get(iso3) ?? null,
      note: null,
    });
    names.push({ area_code: iso3, lang: 'en', name_type: 'short', name: c.name_en });
  }
  for (const [iso3, iso] of codes.codes) {
    if (!m49.countries.has(iso3))
      throw new SourceFormatError(files.codes.name, `${iso3} is not in UNSD's M49 file`, { line: iso.line });
  }
  for (const area of nonIso.areas) {
    if (m49.countries.has(area.code))
      throw new SourceFormatError(files.nonIso.name, `${area.code} is an ISO country, not a non-ISO area`);
    const wb = nonIso.aliases.find((a) => a.area_code === area.code && a.source === 'world-bank');
    areas.push({ ...area, wb_region: wbRegions.get(wb?.alias ?? area.code) ?? null });
  }
  const known = new Set(areas.map((a) => a.code));
  for (const a of areas) {
    for (const code of [a.region_code, a.subregion_code, a.intermediate_code]) {
      if (code && !m49.regions.has(code))
        throw new SourceFormatError(files.nonIso.name, `${a.code}: unknown M49 region ${code}`);
    }
  }

  const aliasOf = (source: string, code: string) =>
    nonIso.aliases.find((a) => a.source === source && a.alias === code)?.area_code;
  // The World Bank's names of its economies, as other English names: a user's file from a WDI
  // download names its countries so. Every economy is an area (by its alias, or its code).
  for (const [code, { name, line }] of wbNames) {
    const area = aliasOf('world-bank', code) ?? (known.has(code) ? code : undefined);
    if (!area)
      throw new SourceFormatError(files.wdi.name, `economy ${code} "${name}" matches no area`, {
        line,
        column: 'Country Code',
      });
    names.push({ area_code: area, lang: 'en', name_type: 'other', name });
  }

  // Income history: resolve the World Bank's codes (its aliases first, then the area codes).
  const income: IncomeRow[] = [];
  const unmatched: string[] = [];
  for (const row of oghist.rows) {
    const area =
      aliasOf('world-bank-oghist', row.code) ??
      aliasOf('world-bank', row.code) ??
      (known.has(row.code) ? row.code : undefined);
    if (!area) {
      unmatched.push(`${row.code} "${row.name}" (row ${String(row.line)})`);
      continue;
    }
    oghist.fiscalYears.forEach((fy, i) => {
      const value = row.values[i] ?? null;
      const group = parseIncomeGroup(value);
      if (group === undefined) {
        throw new SourceFormatError(
          files.oghist.name,
          `"${String(value)}" is not an income group (L, LM, UM, H or ..)`,
          {
            line: row.line,
            column: `${columnLetter(OGHIST_FIRST_YEAR_COL + i)} (FY${String(fy.fiscalYear % 100).padStart(2, '0')})`,
          },
        );
      }
      income.push({
        area_code: area,
        fiscal_year: fy.fiscalYear,
        gni_year: fy.gniYear,
        income_group: group,
        source_value: value,
      });
    });
  }
  if (unmatched.length > 0) {
    throw new SourceFormatError(files.oghist.name, `codes matching no area: ${unmatched.join(', ')}`);
  }
  return { regions: [...m49.regions.values()], areas, names: dedupeNames(names), aliases: nonIso.aliases, income };
}

function dedupeNames(names: NameRow[]): NameRow[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = `${n.area_code}|${n.lang}|${n.name_type}|${n.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Loads the bundled reference data if it is not loaded already (or changed since): one
 * transaction, so a failure leaves the database as it was. Safe to call on every start.
 */
export async function loadReference(
  database: Database,
  options: { force?: boolean; onProgress?: ProgressReporter; dir?: string } = {},
): Promise<ReferenceLoadResult> {
  const progress = options.onProgress ?? (() => {});
  const { files, checksum } = readReferenceFiles(options.dir);
  const current = await database.db
    .selectFrom('reference_load')
    .select('checksum')
    .where('source', '=', LOAD_KEY)
    .executeTakeFirst();
  if (current?.checksum === checksum && !options.force) return { loaded: false, checksum };
  progress('reading reference files', 0, 1);
  const data = await parseReferenceData(files);
  progress('reading reference files', 1, 1);

  await database.db.transaction().execute(async (trx) => {
    await writeReferenceData(trx, data, progress);
    await trx
      .insertInto('reference_load')
      .values({ source: LOAD_KEY, checksum, row_count: data.areas.length + data.names.length + data.income.length })
      .onConflict((oc) =>
        oc.column('source').doUpdateSet((eb) => ({
          checksum: eb.ref('excluded.checksum'),
          row_count: eb.ref('excluded.row_count'),
          loaded_at: new Date(),
        })),
      )
      .execute();
  });
  return { loaded: true, checksum, areas: data.areas.length, names: data.names.length, incomeRows: data.income.length };
}

async function writeReferenceData(trx: Transaction<DB>, data: ReferenceData, progress: ProgressReporter) {
  const total = data.regions.length + data.areas.length + data.names.length + data.aliases.length + data.income.length;
  let done = 0;
  const step = (n: number) => progress('loading countries and classifications', (done += n), total);

  // Parents before children, so the foreign keys hold at every insert.
  const levels = ['region', 'subregion', 'intermediate'] as const;
  const regions = [...data.regions].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  await upsert(trx, 'm49_region', regions, ['code'], step);
  await upsert(trx, 'area', data.areas, ['code'], step);
  // Names, aliases and income rows belong wholly to the reference load: replace them. The names of
  // publishers' aggregates are their imports' (write-dataset.ts), and stay.
  await trx
    .deleteFrom('area_name')
    .where('area_code', 'not in', (q) => q.selectFrom('area').select('code').where('kind', '=', 'aggregate'))
    .execute();
  await insertChunks(trx, 'area_name', data.names, step);
  await trx.deleteFrom('area_code_alias').execute();
  await insertChunks(trx, 'area_code_alias', data.aliases, step);
  await trx.deleteFrom('income_classification').execute();
  await insertChunks(trx, 'income_classification', data.income, step);
}

type Insertable = 'm49_region' | 'area' | 'area_name' | 'area_code_alias' | 'income_classification';
const CHUNK = 1000;

async function insertChunks<T extends Insertable>(
  db: Kysely<DB>,
  table: T,
  rows: readonly object[],
  step: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db
      .insertInto(table)
      .values(chunk as never)
      .execute();
    step(chunk.length);
  }
}

async function upsert<T extends 'm49_region' | 'area'>(
  db: Kysely<DB>,
  table: T,
  rows: readonly object[],
  key: string[],
  step: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const columns = Object.keys(chunk[0] ?? {}).filter((c) => !key.includes(c));
    await db
      .insertInto(table)
      .values(chunk as never)
      .onConflict((oc) =>
        oc
          .columns(key as never)
          .doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}` as never)])) as never),
      )
      .execute();
    step(chunk.length);
  }
}
