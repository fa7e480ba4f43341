import { csvRecord } from '../../core/csv.js';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { appraisalQuality, INTERVENTIONS, OUTCOMES, termLabel } from '../../core/library-vocab.js';
import type { GapMap, GapMapQuery, RecordData, StudyData } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { unknownM49Codes } from '../countries/unknown-codes.js';
import { ApiError } from '../http/api-error.js';
import { libraryRepository as repo } from './library.repository.js';

type Query = z.infer<typeof GapMapQuery>;
type Answer = z.infer<typeof GapMap>;

/**
 * The evidence gap map: intervention categories (of the records a study evaluates) × outcome
 * categories (that the study measured). Every pair is a cell, empty ones included; a study counts
 * once in each cell it falls in. Published studies and records only.
 */
export async function gapMap(db: Kysely<DB>, query: Query): Promise<Answer> {
  // As the series and SDMX do: a range that ends before it starts is a mistake, not an empty map.
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw ApiError.invalidParameter('from', `${String(query.from)} comes after to ${String(query.to)}`);
  // A region code the reference data lacks is a mistake to say (region=999), not an empty map.
  if (query.region) {
    const known = await repo.m49Regions(db);
    const unknown = query.region.filter((code) => !known.some((r) => r.code === code));
    if (unknown.length)
      throw ApiError.invalidParameter(
        'region',
        unknownM49Codes('region, sub-region or intermediate region', [...new Set(unknown)], known),
      );
  }
  const records = new Map((await repo.publishedItems(db, 'record')).map((r) => [r.id, r.data as RecordData]));
  const studies = (await repo.publishedItems(db, 'study')).map((s) => ({ id: s.id, data: s.data as StudyData }));
  const regions = await repo.areaRegions(db, [...new Set(studies.flatMap((s) => s.data.places))]);
  const lang = query.lang;

  const matching = studies.filter(({ data }) => {
    if (query.design && !query.design.includes(data.design)) return false;
    if (query.from !== undefined && data.year < query.from) return false;
    if (query.to !== undefined && data.year > query.to) return false;
    if (query.region && !data.places.some((p) => (regions.get(p) ?? []).some((r) => query.region?.includes(r))))
      return false;
    if (query.theme && !data.records.some((id) => records.get(id)?.themes.some((t) => query.theme?.includes(t))))
      return false;
    return true;
  });

  const cells = new Map<string, Answer['cells'][number]>();
  for (const i of INTERVENTIONS)
    for (const o of OUTCOMES)
      cells.set(`${i.code}|${o.code}`, {
        intervention: i.code,
        outcome: o.code,
        count: 0,
        quality: { high: 0, medium: 0, low: 0 },
        studies: [],
      });
  const placed = new Set<string>();
  for (const { id, data } of matching) {
    const quality = appraisalQuality(data.appraisal);
    const interventions = new Set(data.records.flatMap((r) => records.get(r)?.interventions ?? []));
    for (const intervention of interventions) {
      for (const outcome of new Set(data.outcomes.map((o) => o.outcome))) {
        const cell = cells.get(`${intervention}|${outcome}`);
        if (!cell) continue;
        cell.count++;
        cell.quality[quality]++;
        const effects = [...new Set(data.outcomes.filter((o) => o.outcome === outcome).map((o) => o.effect))];
        cell.studies.push({
          id,
          title: data.title[lang] ?? data.title.en,
          year: data.year,
          quality,
          effect: effects.length === 1 ? (effects[0] as string) : 'mixed',
        });
        placed.add(id);
      }
    }
  }
  return {
    interventions: INTERVENTIONS.map((t) => ({ code: t.code, label: t.label[lang] })),
    outcomes: OUTCOMES.map((t) => ({ code: t.code, label: t.label[lang] })),
    cells: [...cells.values()],
    studies: placed.size,
    unplaced: matching
      .filter((s) => !placed.has(s.id))
      .map(({ id, data }) => ({ id, title: data.title[lang] ?? data.title.en, year: data.year })),
    filters: Object.fromEntries(
      Object.entries({
        region: query.region,
        theme: query.theme,
        design: query.design,
        from: query.from,
        to: query.to,
      }).filter(([, v]) => v !== undefined),
    ),
  };
}

/** The gap map as CSV: one row per cell, gaps included, with the source on every row. */
export function gapMapCsv(map: Answer, lang: Query['lang'], source: string): string {
  const rows = map.cells.map((c) => [
    c.intervention,
    termLabel('intervention', c.intervention, lang),
    c.outcome,
    termLabel('outcome', c.outcome, lang),
    c.count,
    c.quality.high,
    c.quality.medium,
    c.quality.low,
    c.studies.map((s) => s.id).join(' '),
    source,
  ]);
  return [
    [
      'intervention_code',
      'intervention',
      'outcome_code',
      'outcome',
      'studies',
      'high_quality',
      'medium_quality',
      'low_quality',
      'study_ids',
      'source',
    ],
    ...rows,
  ]
    .map(csvRecord)
    .join('');
}
