import type { Kysely } from 'kysely';
import {
  fiscalYearLabel,
  INCOME_GROUP_NAMES,
  INCOME_GROUPS,
  parseFiscalYear,
  type CountryDetail,
  type CountryListQuery,
  type CountryListResponse,
  type CountrySummary,
  type IncomeClassification,
  type RegionsResponse,
} from '../../core/countries.js';
import { NAME_LANGUAGES, type NameLanguage } from '../../core/languages.js';
import type { DB } from '../db/schema.js';
import { ApiError } from '../http/api-error.js';
import { INCOME_HISTORY_CITATION } from '../reference/sources.js';
import { aggregateDatasets, CITED_REFERENCE_SOURCES, CLASSIFICATION_SOURCES } from './countries.citations.js';
import * as repo from './countries.repository.js';
import { noAreaHas, unknownM49Codes } from './unknown-codes.js';

type NameRows = Awaited<ReturnType<typeof repo.findNamesOf>>;

/** Answers a server keeps per database, for the data version they were made at. */
const CACHED_LISTS = 500;
interface ListCache {
  check: repo.DataVersionCheck;
  version: string;
  answers: Map<string, Promise<CountryListResponse>>;
}
const listCaches = new WeakMap<Kysely<DB>, ListCache>();

/**
 * Countries and areas matching the filters, in the requested language and its alphabetical order.
 * Answers are kept until the reference data or a dataset (which brings its aggregate areas) is
 * loaded again, in whichever process, noticed within a second (the version is not asked of the
 * database on every request): the list and the names people type are asked for again and
 * again, and each costs a scan of some 4,000 names. At most CACHED_LISTS, least recently used out
 * first; a failure is not kept.
 */
export async function listCountries(
  db: Kysely<DB>,
  query: CountryListQuery,
  /** `fresh`: ask the database for the data version now (after a load in this process). */
  options: { fresh?: boolean } = {},
): Promise<CountryListResponse> {
  let cache = listCaches.get(db);
  if (!cache) {
    cache = { check: new repo.DataVersionCheck(db), version: '', answers: new Map() };
    listCaches.set(db, cache);
  }
  if (options.fresh) cache.check.forget();
  const version = await cache.check.current();
  if (cache.version !== version) {
    cache.version = version;
    cache.answers = new Map();
  }
  const { answers } = cache;
  // The format is not the answer's: JSON and CSV are written from the same answer, kept once.
  const { format: _format, bom: _bom, ...filter } = query;
  const key = JSON.stringify(filter);
  const kept = answers.get(key);
  if (kept) {
    answers.delete(key);
    answers.set(key, kept);
    return kept;
  }
  const fresh = computeCountryList(db, filter);
  answers.set(key, fresh);
  fresh.catch(() => {
    if (answers.get(key) === fresh) answers.delete(key);
  });
  if (answers.size > CACHED_LISTS) answers.delete(answers.keys().next().value ?? '');
  return fresh;
}

async function computeCountryList(db: Kysely<DB>, query: CountryListQuery): Promise<CountryListResponse> {
  const lang = query.lang ?? 'en';
  const fiscalYears = await repo.findFiscalYears(db);
  const fiscalYear = query.fiscalYear ? (parseFiscalYear(query.fiscalYear) as number) : (fiscalYears.at(-1) ?? 0);
  if (!fiscalYears.includes(fiscalYear)) {
    throw ApiError.invalidParameter(
      'fiscalYear',
      `no income classification is loaded for ${fiscalYearLabel(fiscalYear)}`,
    );
  }
  const regions = await repo.findM49Regions(db);
  const regionCode = query.region ? checkRegion(regions, 'region', query.region, 'region') : undefined;
  const subregionCode = query.subregion ? checkRegion(regions, 'subregion', query.subregion, 'subregion') : undefined;

  const ranked = query.q ? await repo.searchAreaCodesByName(db, query.q) : undefined;
  const rows = await repo.findAreasWithIncome(db, {
    codes: ranked,
    kind: query.kind === 'all' ? undefined : query.kind,
    regionCode,
    subregionCode,
    incomeGroup: query.incomeGroup,
    fiscalYear,
  });
  const names = groupNames(
    await repo.findNamesOf(
      db,
      rows.map((r) => r.code),
    ),
  );
  const items = rows.map((row) => presentSummary(row, names.get(row.code) ?? [], lang));
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  if (ranked) {
    // A search keeps its relevance order: the best match first.
    const rank = new Map(ranked.map((code, i) => [code, i]));
    items.sort((a, b) => (rank.get(a.code) ?? 0) - (rank.get(b.code) ?? 0));
  } else {
    items.sort((a, b) => collator.compare(a.name, b.name));
  }
  const aggregates = items.filter((a) => a.kind === 'aggregate').map((a) => a.code);
  const datasets = aggregateDatasets(await repo.findDatasetsCarrying(db, aggregates));
  return { items, total: items.length, fiscalYear, sources: CITED_REFERENCE_SOURCES, datasets };
}

/**
 * Everything Bridges knows of one area; a publisher's alias (CHI) finds its area too. Every area
 * the list gives opens, a publisher's aggregate (WB_WLD, `kind=aggregate`) too: its names, and
 * its publisher in `note`.
 */
export async function getCountry(db: Kysely<DB>, code: string, lang: NameLanguage = 'en'): Promise<CountryDetail> {
  const resolved = await repo.resolveAreaCode(db, code);
  if (!resolved) {
    // SN for SEN: the hint's one query, on this error's path only.
    const upper = code.trim().toUpperCase();
    const byIso2 = /^[A-Z]{2}$/.test(upper) ? await repo.findAreaByIso2(db, upper) : undefined;
    throw ApiError.notFoundAt(
      'code',
      noAreaHas([code], (iso2) => (byIso2 && iso2 === upper ? byIso2 : undefined)),
    );
  }
  const fiscalYears = await repo.findFiscalYears(db);
  const [row] = await repo.findAreasWithIncome(db, {
    codes: [resolved],
    kind: 'any',
    fiscalYear: fiscalYears.at(-1) ?? 0,
  });
  if (!row) throw ApiError.notFoundAt('code', noAreaHas([code]));
  const names = await repo.findNamesOf(db, [resolved]);
  const history = await repo.findIncomeHistory(db, resolved);
  const aliases = await repo.findAliasesOf(db, resolved);
  return {
    ...presentSummary(row, names, lang),
    formalNames: namesByLanguage(names, 'formal'),
    otherNames: names.filter((n) => n.name_type === 'other').map((n) => ({ lang: n.lang, name: n.name })),
    aliases: aliases.map((a) => ({ code: a.alias, source: a.source })),
    incomeHistory: history.map((h) => presentIncome(h)),
    incomeHistoryCitation: INCOME_HISTORY_CITATION,
    note: row.aggregate_publisher === null ? row.note : aggregateNote(row.aggregate_publisher, row.note),
    sources: CITED_REFERENCE_SOURCES,
    datasets: row.kind === 'aggregate' ? aggregateDatasets(await repo.findDatasetsCarrying(db, [resolved])) : [],
  };
}

/** What an aggregate is, and whose: the detail has no field of its own for the publisher. */
function aggregateNote(publisher: string, note: string | null): string {
  const what = `An aggregate published by ${publisher}: the publisher's figures for a group of countries, not a country or area of its own.`;
  return note ? `${what} ${note}` : what;
}

/** The filter vocabularies: M49 regions and sub-regions, income groups, fiscal years. */
export async function listRegions(db: Kysely<DB>): Promise<RegionsResponse> {
  const regions = await repo.findM49Regions(db);
  return {
    regions: regions
      .filter((r) => r.level === 'region')
      .map((r) => ({
        code: r.code,
        name: r.name_en,
        subregions: regions
          .filter((s) => s.level === 'subregion' && s.parent_code === r.code)
          .map((s) => ({ code: s.code, name: s.name_en })),
      })),
    incomeGroups: INCOME_GROUPS.map((code) => ({ code, name: INCOME_GROUP_NAMES[code] })),
    fiscalYears: await repo.findFiscalYears(db),
    sources: CLASSIFICATION_SOURCES,
  };
}

function checkRegion(
  regions: Awaited<ReturnType<typeof repo.findM49Regions>>,
  level: 'region' | 'subregion',
  value: string,
  field: string,
): string {
  const code = value.padStart(3, '0');
  if (!regions.some((r) => r.code === code && r.level === level)) {
    const known = regions.filter((r) => r.level === level);
    throw ApiError.invalidParameter(field, unknownM49Codes(level, [value], known));
  }
  return code;
}

function groupNames(rows: NameRows): Map<string, NameRows> {
  const map = new Map<string, NameRows>();
  for (const row of rows) {
    const list = map.get(row.area_code) ?? [];
    list.push(row);
    map.set(row.area_code, list);
  }
  return map;
}

function namesByLanguage(names: NameRows, type: 'short' | 'formal'): Record<NameLanguage, string | null> {
  return Object.fromEntries(
    NAME_LANGUAGES.map((lang) => [lang, names.find((n) => n.lang === lang && n.name_type === type)?.name ?? null]),
  ) as Record<NameLanguage, string | null>;
}

function presentIncome(row: {
  fiscal_year: number;
  gni_year: number | null;
  income_group: IncomeClassification['group'];
  source_value: string | null;
}): IncomeClassification {
  return {
    fiscalYear: row.fiscal_year,
    fiscalYearLabel: fiscalYearLabel(row.fiscal_year),
    gniYear: row.gni_year,
    group: row.income_group,
    sourceValue: row.source_value,
  };
}

function presentSummary(row: repo.AreaWithIncomeRow, names: NameRows, lang: NameLanguage): CountrySummary {
  const short = namesByLanguage(names, 'short');
  const region = (code: string | null, name: string | null) => (code && name ? { code, name } : null);
  return {
    code: row.code,
    kind: row.kind,
    iso2: row.iso2,
    isoNumeric: row.iso_numeric,
    m49: row.m49,
    name: short[lang] ?? row.name_en,
    names: short,
    region: region(row.region_code, row.region_name),
    subregion: region(row.subregion_code, row.subregion_name),
    intermediateRegion: region(row.intermediate_code, row.intermediate_name),
    wbRegion: row.wb_region,
    incomeGroup:
      row.fiscal_year === null
        ? null
        : presentIncome({
            fiscal_year: row.fiscal_year,
            gni_year: row.gni_year,
            income_group: row.income_group,
            source_value: row.source_value,
          }),
    ldc: row.is_ldc,
    lldc: row.is_lldc,
    sids: row.is_sids,
    hasData: row.has_data,
  };
}
