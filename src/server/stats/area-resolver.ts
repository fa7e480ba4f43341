import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { SourceFormatError } from '../ingest/source-error.js';
import type { AggregateArea } from './model.js';

interface Where {
  file: string;
  line?: number;
  column?: string;
}

/**
 * Turns the codes and names a publisher prints into Bridges area codes. An unknown code or name is
 * an error naming file, line and column: nothing is dropped silently. Names are matched on the
 * same key as search (case, accents and punctuation ignored) against every name Bridges holds,
 * then against the importer's own explicit mapping.
 */
export class AreaResolver {
  readonly #codes: Set<string>;
  readonly #aliases: Map<string, string>;
  readonly #byName: Map<string, string>;
  readonly #byM49: Map<string, string>;
  readonly #aggregates = new Map<string, AggregateArea>();
  /** The aggregates already in the database, and who published each. */
  readonly #publishers: Map<string, string>;

  private constructor(
    codes: Set<string>,
    aliases: Map<string, string>,
    byName: Map<string, string>,
    byM49: Map<string, string>,
    publishers: Map<string, string>,
  ) {
    this.#codes = codes;
    this.#aliases = aliases;
    this.#byName = byName;
    this.#byM49 = byM49;
    this.#publishers = publishers;
  }

  static async load(db: Kysely<DB>): Promise<AreaResolver> {
    const areas = await db.selectFrom('area').select(['code', 'm49', 'kind', 'aggregate_publisher']).execute();
    const aliases = await db.selectFrom('area_code_alias').select(['source', 'alias', 'area_code']).execute();
    const names = await db.selectFrom('area_name').select(['name', 'area_code']).execute();
    // Keys are computed here, for both sides, so a name in a file and a name in the database are
    // normalised by the same code. A key shared by two areas is ambiguous and maps to neither.
    const byName = new Map<string, string | null>();
    for (const { name, area_code } of names) {
      const key = searchKey(name);
      const seen = byName.get(key);
      byName.set(key, seen === undefined || seen === area_code ? area_code : null);
    }
    return new AreaResolver(
      new Set(areas.map((a) => a.code)),
      new Map(aliases.map((a) => [`${a.source}:${a.alias}`, a.area_code])),
      new Map([...byName].filter((e): e is [string, string] => e[1] !== null)),
      // Countries last, so they win should a former state or area share their M49 code.
      new Map(
        areas
          .filter((a) => a.m49)
          .sort((a, b) => Number(a.kind === 'country') - Number(b.kind === 'country'))
          .map((a) => [a.m49 as string, a.code]),
      ),
      new Map(areas.filter((a) => a.kind === 'aggregate').map((a) => [a.code, a.aggregate_publisher ?? ''])),
    );
  }

  /**
   * Who holds `code` other than `publisher`: "World Bank/KNOMAD" for another publisher's aggregate,
   * "Bridges' reference data" for a country or area, nothing when it is free or `publisher`'s own.
   */
  heldBy(code: string, publisher: string): string | undefined {
    const owner = this.#publishers.get(code);
    if (owner !== undefined) return owner === publisher ? undefined : owner;
    return this.#codes.has(code) ? 'Bridges’ reference data (a country or area)' : undefined;
  }

  /** Whether the database holds an area of code `code` (a country or area, or an aggregate an import wrote). */
  isStored(code: string): boolean {
    return this.#codes.has(code);
  }

  /** Whether `code` is an aggregate (a region, an income group) rather than a country or area. */
  isAggregate(code: string): boolean {
    return this.#publishers.has(code) || this.#aggregates.has(code);
  }

  /** A code as the publisher prints it (ISO alpha-3, or one of its aliases) → area code. */
  code(value: string, where: Where, source?: string): string {
    const code = value.trim().toUpperCase();
    const resolved =
      (source ? this.#aliases.get(`${source}:${code}`) : undefined) ??
      (this.#codes.has(code) || this.#aggregates.has(code) ? code : undefined) ??
      this.#aliases.get(`world-bank:${code}`);
    if (!resolved) {
      throw new SourceFormatError(where.file, `unknown area code "${value}"`, {
        line: where.line,
        column: where.column,
      });
    }
    return resolved;
  }

  /** A UN M49 numeric code (`608`, `8` or `008`) → area code; unknown is an error naming the cell. */
  m49(value: string, where: Where): string {
    const code = this.#byM49.get(value.trim().padStart(3, '0'));
    if (!code)
      throw new SourceFormatError(where.file, `unknown M49 code "${value}"`, {
        line: where.line,
        column: where.column,
      });
    return code;
  }

  /** Like `code`, but returns undefined rather than throwing (for layouts that mix codes and aggregates). */
  tryCode(value: string, source?: string): string | undefined {
    try {
      return this.code(value, { file: '' }, source);
    } catch {
      return undefined;
    }
  }

  /**
   * A name as the publisher prints it → area code, using `mapping` (the importer's explicit list,
   * by exact name) first. Unmatched names are collected by the caller and reported together.
   */
  name(value: string, mapping: Record<string, string> = {}): string | undefined {
    const mapped = mapping[value.trim()];
    if (mapped) return mapped;
    return this.#byName.get(searchKey(value));
  }

  /** Declares an aggregate the publisher computed; its code becomes valid for this import. */
  aggregate(area: AggregateArea): string {
    this.#aggregates.set(area.code, area);
    return area.code;
  }

  get aggregates(): AggregateArea[] {
    return [...this.#aggregates.values()];
  }
}

/** The same normalisation as the SQL function bridges_search_key(), for names read from files. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}’‘“”«»–—]+/gu, ' ')
    .trim();
}
