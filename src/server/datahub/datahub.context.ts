import type { Kysely } from 'kysely';
import type { AreaKind, IncomeGroup } from '../../core/classifications.js';
import type { NameLanguage } from '../../core/languages.js';
import { sdmxFlowId } from '../../core/sdmx-ids.js';
import { INDICATOR_IDS } from '../../core/statistics-terms.js';
import type { AreaRef, Citation, DataflowRef } from '../../core/statistics.js';
import type { DB } from '../db/schema.js';
import { noAreaHas, type Iso2Lookup } from '../countries/unknown-codes.js';
import { ApiError } from '../http/api-error.js';
import type { StillLoading } from '../stats/bundled-load.js';
import * as repo from './datahub.repository.js';

export interface AreaInfo {
  code: string;
  kind: AreaKind;
  nameEn: string;
  names: Map<string, string>;
  regionCode: string | null;
  subregionCode: string | null;
  publisher: string | null;
  iso2: string | null;
}

export interface IndicatorInfo {
  id: string;
  name: string;
  unit: string;
  description: string;
  measureType: 'stock' | 'flow' | 'rate';
  topic: string;
}

/**
 * What the analytics need to know besides the values, read once per data version: the datasets
 * and how to cite them, what each holds of each indicator, the areas with their names and groups,
 * and the income classification of every fiscal year. A few hundred rows: kept in memory.
 */
export class DatahubContext {
  readonly datasets = new Map<string, repo.DatasetRow>();
  readonly citations = new Map<string, Citation>();
  readonly indicators = new Map<string, IndicatorInfo>();
  /** dataset|indicator → coverage. */
  readonly coverage = new Map<string, repo.CoverageRow>();
  /** dataset|indicator → dimension key → values. */
  readonly dimensions = new Map<string, Map<string, string[]>>();
  readonly areas = new Map<string, AreaInfo>();
  readonly aliases = new Map<string, string>();
  readonly regions = new Map<string, { name: string; level: string }>();
  /** fiscal year → area → group. */
  readonly income = new Map<number, Map<string, IncomeGroup>>();
  /** fiscal year → the calendar year of the GNI data it classified on. */
  readonly gniYearOf = new Map<number, number>();
  /**
   * Countries and territories with no population of their own in the data (see
   * repo.findAreasWithoutPopulation): a group's coverage does not count them as missing.
   */
  readonly withoutPopulation = new Set<string>();

  /** The bundled datasets the first start has not loaded yet (none when the app loads none). */
  stillLoading: () => readonly StillLoading[] = () => [];

  private constructor(readonly version: string) {}

  /** The bundled datasets not loaded yet that will bring `indicatorId`. */
  loadingWith(indicatorId: string): string[] {
    return this.stillLoading()
      .filter((d) => d.indicators.includes(indicatorId))
      .map((d) => d.dataset);
  }

  /** Whether `datasetId` is a bundled dataset not loaded yet. */
  isLoading(datasetId: string): boolean {
    return this.stillLoading().some((d) => d.dataset === datasetId);
  }

  static async load(db: Kysely<DB>, version: string): Promise<DatahubContext> {
    const ctx = new DatahubContext(version);
    const [datasets, coverage, dims, indicators, directory, income, withoutPopulation] = [
      await repo.findDatasets(db),
      await repo.findDatasetCoverage(db),
      await repo.findDimensionValues(db),
      await repo.findIndicators(db),
      await repo.findAreaDirectory(db),
      await repo.findIncomeClassifications(db),
      await repo.findAreasWithoutPopulation(db, [INDICATOR_IDS.populationThousands, INDICATOR_IDS.population]),
    ];
    for (const code of withoutPopulation) ctx.withoutPopulation.add(code);
    for (const d of datasets) {
      ctx.datasets.set(d.id, d);
      ctx.citations.set(d.id, {
        dataset: d.id,
        family: d.family,
        title: d.title,
        publisher: d.publisher,
        edition: d.edition,
        releaseDate: d.release_date,
        licence: d.licence,
        sourceUrl: d.source_url,
        citation: d.citation,
        caveats: d.caveats,
      });
    }
    for (const c of coverage) ctx.coverage.set(`${c.dataset_id}|${c.indicator_id}`, c);
    for (const d of dims) {
      const key = `${d.dataset_id}|${d.indicator_id}`;
      const byKey = ctx.dimensions.get(key) ?? new Map<string, string[]>();
      byKey.set(d.key, [...(byKey.get(d.key) ?? []), d.value]);
      ctx.dimensions.set(key, byKey);
    }
    for (const i of indicators) {
      ctx.indicators.set(i.id, {
        id: i.id,
        name: i.name,
        unit: i.unit,
        description: i.description,
        measureType: i.measure_type,
        topic: i.topic,
      });
    }
    for (const a of directory.areas) {
      ctx.areas.set(a.code, {
        code: a.code,
        kind: a.kind,
        nameEn: a.name_en,
        names: new Map(),
        regionCode: a.region_code,
        subregionCode: a.subregion_code,
        publisher: a.aggregate_publisher,
        iso2: a.iso2,
      });
    }
    for (const n of directory.names) {
      const area = ctx.areas.get(n.area_code);
      if (area && !area.names.has(n.lang)) area.names.set(n.lang, n.name);
    }
    for (const a of directory.aliases) if (!ctx.aliases.has(a.alias)) ctx.aliases.set(a.alias, a.area_code);
    for (const r of directory.regions) ctx.regions.set(r.code, { name: r.name_en, level: r.level });
    for (const row of income) {
      if (row.gni_year !== null) ctx.gniYearOf.set(row.fiscal_year, row.gni_year);
      if (!row.income_group) continue;
      const year = ctx.income.get(row.fiscal_year) ?? new Map<string, IncomeGroup>();
      year.set(row.area_code, row.income_group);
      ctx.income.set(row.fiscal_year, year);
    }
    return ctx;
  }

  /** PHL, phl or a publisher's alias (CHI) → the area code; undefined when no area has it. */
  resolveArea(code: string): string | undefined {
    const upper = code.trim().toUpperCase();
    if (this.areas.has(upper)) return upper;
    return this.aliases.get(upper);
  }

  /**
   * Like resolveArea, but an unknown code is an error naming the parameter: a 404 in a path (the
   * resource asked for does not exist), a 400 in a query (a bad value of a filter).
   */
  requireArea(code: string, field: string, status: 400 | 404): string {
    if (status === 400) return this.requireAreas([code], field)[0] as string;
    const resolved = this.resolveArea(code);
    if (!resolved) throw ApiError.notFoundAt(field, noAreaHas([code], this.#iso2));
    return resolved;
  }

  /** The codes of a query parameter resolved, in order; unknown ones are a 400 naming the parameter and every one of them. */
  requireAreas(codes: readonly string[], field: string): string[] {
    const resolved = codes.map((code) => this.resolveArea(code));
    const unknown = codes.filter((_, i) => resolved[i] === undefined);
    if (unknown.length) throw ApiError.invalidParameter(field, noAreaHas([...new Set(unknown)], this.#iso2));
    return resolved as string[];
  }

  /** The area of an ISO alpha-2 code, for the hint of an unknown code (a scan: only on that error's path). */
  readonly #iso2: Iso2Lookup = (iso2) => {
    for (const area of this.areas.values()) if (area.iso2 === iso2) return { code: area.code, name: area.nameEn };
    return undefined;
  };

  areaRef(code: string, lang: NameLanguage): AreaRef {
    const area = this.areas.get(code);
    if (!area) return { code, name: code, kind: 'residual' };
    return { code, name: area.names.get(lang) ?? area.nameEn, kind: area.kind };
  }

  isAggregate(code: string | null): boolean {
    return code !== null && this.areas.get(code)?.kind === 'aggregate';
  }

  coverageOf(datasetId: string, indicatorId: string): repo.CoverageRow | undefined {
    return this.coverage.get(`${datasetId}|${indicatorId}`);
  }

  dimensionsOf(datasetId: string, indicatorId: string): Map<string, string[]> {
    return this.dimensions.get(`${datasetId}|${indicatorId}`) ?? new Map();
  }

  /** Datasets that carry an indicator, the one reaching the latest period first. */
  datasetsWith(indicatorId: string): repo.CoverageRow[] {
    return [...this.coverage.values()]
      .filter((c) => c.indicator_id === indicatorId && c.observation_count > 0)
      .sort(
        (a, b) =>
          comparePeriods(b.last_period, a.last_period) ||
          (this.datasets.get(b.dataset_id)?.release_date ?? '').localeCompare(
            this.datasets.get(a.dataset_id)?.release_date ?? '',
          ) ||
          b.dataset_id.localeCompare(a.dataset_id),
      );
  }

  /** The SDMX dataflows of the given dataset and indicator pairs that have data, in a stable order, each once. */
  dataflows(pairs: Iterable<readonly [string | null, string]>): DataflowRef[] {
    const seen = new Map<string, DataflowRef>();
    for (const [dataset, indicator] of pairs) {
      if (dataset === null || !this.coverage.has(`${dataset}|${indicator}`)) continue;
      seen.set(`${dataset}|${indicator}`, {
        dataset,
        indicator,
        flow: sdmxFlowId(dataset, indicator),
        dims: [...this.dimensionsOf(dataset, indicator).keys()],
      });
    }
    return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, flow]) => flow);
  }

  /** The citations of the given dataset ids, in a stable order, each once. */
  cite(ids: Iterable<string>): Citation[] {
    return [...new Set(ids)]
      .sort()
      .map((id) => this.citations.get(id))
      .filter((c): c is Citation => c !== undefined);
  }
}

/** Orders SDMX periods by the month they start (2011-S2 after 2011-Q2, before 2011-Q4). */
export function periodStartMonth(period: string): number {
  const year = Number(period.slice(0, 4));
  const q = /-Q([1-4])$/.exec(period);
  if (q?.[1]) return year * 12 + (Number(q[1]) - 1) * 3;
  const s = /-S([12])$/.exec(period);
  if (s?.[1]) return year * 12 + (s[1] === '1' ? 0 : 6);
  return year * 12;
}

/** How many months a period lasts: 3 for a quarter, 6 for a half-year, 12 for a year. */
export function periodMonths(period: string): number {
  return /-Q[1-4]$/.test(period) ? 3 : /-S[12]$/.test(period) ? 6 : 12;
}

export function comparePeriods(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return periodStartMonth(a) - periodStartMonth(b) || a.localeCompare(b);
}

/**
 * Keeps the context and the computed answers of the current data version. The version (one tiny
 * query, shared by concurrent requests) is asked of the database at most every `versionMaxAgeMs`;
 * when a dataset or the reference data was loaded since, everything is recomputed. So an answer
 * can lag a load by that long at most; `invalidate()` (call it after an import) drops everything
 * at once.
 */
export class DatahubCache {
  #context: Promise<DatahubContext> | null = null;
  readonly #version: repo.DataVersionCheck;
  readonly #answers = new Map<string, Promise<unknown>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: {
      maxAnswers?: number;
      versionMaxAgeMs?: number;
      /** The bundled datasets the first start has not loaded yet (BundledLoadStatus.stillLoading). */
      stillLoading?: () => readonly StillLoading[];
    } = {},
  ) {
    this.#version = new repo.DataVersionCheck(db, options.versionMaxAgeMs);
  }

  async context(): Promise<DatahubContext> {
    const version = await this.#version.current();
    const current = this.#context ? await this.#context.catch(() => null) : null;
    if (current?.version === version) return current;
    this.#answers.clear();
    const stillLoading = this.options.stillLoading;
    const loading = DatahubContext.load(this.db, version).then((ctx) => {
      if (stillLoading) ctx.stillLoading = stillLoading;
      return ctx;
    });
    this.#context = loading;
    try {
      return await loading;
    } catch (err) {
      if (this.#context === loading) this.#context = null;
      throw err;
    }
  }

  /** The bundled datasets the first start has not loaded yet (none when it loads none). */
  stillLoading(): readonly StillLoading[] {
    return this.options.stillLoading?.() ?? [];
  }

  /** The answer stored under `key` for this data version, computed once. Failures are not kept. */
  async answer<T>(key: string, compute: (ctx: DatahubContext) => Promise<T>): Promise<T> {
    const ctx = await this.context();
    const stored = this.#answers.get(key) as Promise<T> | undefined;
    if (stored) return stored;
    const computing = compute(ctx);
    if (this.#answers.size >= (this.options.maxAnswers ?? 5000)) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
    this.#answers.set(key, computing);
    computing.catch(() => {
      if (this.#answers.get(key) === computing) this.#answers.delete(key);
    });
    return computing;
  }

  /** Drops everything computed; call after an import if you do not want to wait for the version check. */
  invalidate(): void {
    this.#context = null;
    this.#version.forget();
    this.#answers.clear();
  }
}
