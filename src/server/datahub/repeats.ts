import type { Kysely } from 'kysely';
import { repeatedLatest, type RepeatedPeriod } from '../../core/statistics-terms.js';
import type { DB } from '../db/schema.js';
import type { DatahubCache, DatahubContext } from './datahub.context.js';
import * as repo from './datahub.repository.js';

/*
 * Figures that only repeat the period before's: UN DESA's 2024 revision gives, for some
 * destinations (the Philippines, Niue), their 2020 figures again as 2024's (its caveats), which a
 * reader would take for no change. One rule, which the profile, the corridor, the series and the
 * rankings all follow:
 *
 * 1. Which figures can repeat (repeatsChecked): a UN DESA International Migrant Stock edition's
 *    stocks. Another publisher's equal years are its estimates of each year.
 * 2. A destination repeats (findDestinationRepeats): its figures summed over every origin but
 *    publishers' aggregates, total, women and men alike, are at its latest period exactly those of
 *    the period before (repeatedLatest). Whatever sex an answer shows: one sex alike by chance,
 *    the other moving, is no repeat of the destination.
 * 3. A figure of that destination at that period repeats (figureRepeats) when it is itself exactly
 *    that of the period before: a value (a series' or a ranking's, of the sex asked) or a point
 *    (total, women and men: a corridor, a profile's origin or destination). A figure that moved is
 *    no repeat, whatever its destination's totals: Revision 2020 keeps Niue's totals of 2015 but
 *    moves its women between origins (New Zealand's 157 become 164).
 * 4. A sum over areas repeats when every part does (sumRepeats: a country's emigrants over their
 *    destinations); Bridges' totals over areas say which of their members repeat (repeatingParts).
 */

/** An area's stock figures of a period by sex, as the data hub sums them. */
export interface SexValues {
  M?: number;
  F?: number;
  _T?: number;
}

/** A period's values by sex as a stock point's (the profile's, the corridor's, the repeat's). */
export function bySex(values: SexValues): { male: number | null; female: number | null; total: number } {
  const male = values.M ?? null;
  const female = values.F ?? null;
  // Both sexes: the publisher's total where it printed one, else male + female.
  return { male, female, total: values._T ?? (male ?? 0) + (female ?? 0) };
}

/** A figure compared with the period before's: one value, or a point's total, women and men. */
export type Figure = number | { total: number; male: number | null; female: number | null };

/**
 * Whether an edition's figures of an indicator are checked for a latest period that only repeats
 * the period before: the stocks of UN DESA's International Migrant Stock editions (families
 * undesa-ims…), whose caveats say 2024 repeats 2020 for some destinations. NOTE: not every
 * publisher's: two equal years of the World Bank's remittances (Yemen's 2022 and 2023) are its
 * estimate of each year, and no caveat says otherwise.
 */
export function repeatsChecked(ctx: DatahubContext, datasetId: string, indicatorId: string): boolean {
  const family = ctx.datasets.get(datasetId)?.family;
  return ctx.indicators.get(indicatorId)?.measureType === 'stock' && (family?.startsWith('undesa-ims') ?? false);
}

/** How the maps below know a destination in an edition: `area|dataset`, as a series is known. */
export function repeatKey(area: string, dataset: string): string {
  return `${area}|${dataset}`;
}

/** The destinations whose latest period only repeats the one before, by repeatKey. */
export type DestinationRepeats = ReadonlyMap<string, RepeatedPeriod>;

/**
 * Where each destination's figures of an indicator, in each of the editions checked
 * (repeatsChecked; no query for the others), only repeat the period before at its latest period:
 * rule 2 above. Every area's where `areas` is not given. `db` may be a transaction.
 */
export async function findDestinationRepeats(
  db: Kysely<DB>,
  ctx: DatahubContext,
  indicatorId: string,
  datasetIds: readonly string[],
  areas?: readonly string[],
): Promise<DestinationRepeats> {
  const checked = datasetIds.filter((id) => repeatsChecked(ctx, id, indicatorId));
  const rows = await repo.findLastTwoPeriodsByArea(db, checked, indicatorId, areas);
  // The rows come in time order, each destination's two periods at most.
  const byArea = new Map<string, Map<string, SexValues>>();
  for (const r of rows) {
    const key = repeatKey(r.ref_area, r.dataset_id);
    const periods = byArea.get(key) ?? new Map<string, SexValues>();
    periods.set(r.period, { ...periods.get(r.period), [r.sex]: r.value });
    byArea.set(key, periods);
  }
  const found = new Map<string, RepeatedPeriod>();
  for (const [key, periods] of byArea) {
    const repeated = repeatedLatest([...periods].map(([period, values]) => ({ period, ...bySex(values) })));
    if (repeated) found.set(key, repeated);
  }
  return found;
}

/**
 * Every destination's repeat in one edition, kept in the answer cache per data version: every
 * ranking of the edition (each period, sex and filter) shares it.
 */
export function editionRepeats(
  db: Kysely<DB>,
  cache: DatahubCache,
  indicatorId: string,
  datasetId: string,
): Promise<DestinationRepeats> {
  return cache.answer(JSON.stringify(['repeats', datasetId, indicatorId]), (ctx) =>
    findDestinationRepeats(db, ctx, indicatorId, [datasetId]),
  );
}

function sameFigure(a: Figure, b: Figure): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.total === b.total && a.male === b.male && a.female === b.female;
}

/**
 * Rule 3: the repeat of a figure at `period` of a destination whose figures repeat there
 * (`destination`, as findDestinationRepeats finds it) where the figure (`figure`) is exactly the
 * destination's period before's (`before`, the same figure then; undefined where it has none).
 * Null otherwise: never said of a figure that moved.
 */
export function figureRepeats(
  destination: RepeatedPeriod | null | undefined,
  period: string | null | undefined,
  figure: Figure | undefined,
  before: Figure | undefined,
): RepeatedPeriod | null {
  if (!destination || period !== destination.period || figure === undefined || before === undefined) return null;
  return sameFigure(figure, before) ? destination : null;
}

/**
 * Rule 4: a sum's repeat, where every one of its parts (each part's figureRepeats) repeats the
 * same period; null where one does not, or there are none.
 */
export function sumRepeats(parts: readonly (RepeatedPeriod | null)[]): RepeatedPeriod | null {
  const [first] = parts;
  if (!first) return null;
  return parts.every((p) => p?.period === first.period && p.previous === first.previous) ? first : null;
}

/**
 * The parts of one of Bridges' totals (`codes`, the members with a value) whose value repeats
 * (`repeats`, by area), by the period they repeat, in code order: who makes the total partly a repeat.
 */
export function repeatingParts(
  codes: readonly string[],
  repeats: ReadonlyMap<string, RepeatedPeriod>,
): { period: string; previous: string; members: string[] }[] {
  const parts = new Map<string, { period: string; previous: string; members: string[] }>();
  for (const code of [...codes].sort()) {
    const repeated = repeats.get(code);
    if (!repeated) continue;
    const key = `${repeated.period}|${repeated.previous}`;
    const part = parts.get(key) ?? { ...repeated, members: [] };
    part.members.push(code);
    parts.set(key, part);
  }
  return [...parts.values()];
}
