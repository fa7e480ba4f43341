import { csvRecord, type CsvCell } from '../../core/csv.js';
import type { Kysely } from 'kysely';
import { appraisalQuality, termLabel } from '../../core/library-vocab.js';
import type { OrganisationData, RecordData, SourceRef, StudyData } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { libraryRepository as repo } from './library.repository.js';

/** Where the exports say they come from. */
export const LIBRARY_SOURCE = 'Bridges practice & evidence library';

/** A citation as one line of text; bundled documents are named with their address on this server. */
export function citeSource(source: SourceRef, origin: string): string {
  const where = source.document
    ? `${source.document}, ${source.section ?? ''} (${origin}/api/library/sources/${source.document})`
    : [source.title, source.doi ? `https://doi.org/${source.doi}` : source.url].filter(Boolean).join(', ');
  return source.note ? `${where}; ${source.note}` : where;
}

/** The whole published library as JSON: records, organisations and studies with their data. */
export async function exportJson(db: Kysely<DB>, origin: string) {
  const [records, organisations, studies] = await Promise.all([
    repo.publishedItems(db, 'record'),
    repo.publishedItems(db, 'organisation'),
    repo.publishedItems(db, 'study'),
  ]);
  const withUrl = (items: { id: string; data: unknown }[]) =>
    items.map((i) => ({ id: i.id, url: `${origin}/library/${i.id}`, ...(i.data as object) }));
  return {
    source: LIBRARY_SOURCE,
    exportedAt: new Date().toISOString(),
    records: withUrl(records),
    organisations: withUrl(organisations),
    studies: withUrl(studies).map((s) => ({ ...s, quality: appraisalQuality((s as unknown as StudyData).appraisal) })),
  };
}

const list = (values: readonly string[]) => values.join('; ');

/** One published item type as CSV, one row per item, multilingual fields in columns. */
export async function exportCsv(
  db: Kysely<DB>,
  type: 'record' | 'organisation' | 'study',
  origin: string,
): Promise<string> {
  const items = await repo.publishedItems(db, type);
  const source = `${LIBRARY_SOURCE}, ${origin}/library`;
  let header: string[];
  let rows: CsvCell[][];
  if (type === 'record') {
    header = [
      'id',
      'kind',
      'agreement_scope',
      'title_en',
      'title_fr',
      'title_es',
      'acronym',
      'summary_en',
      'summary_fr',
      'summary_es',
      'countries',
      'organisations',
      'start',
      'end',
      'status',
      'instruments',
      'themes',
      'cross_cutting',
      'stages',
      'sectors',
      'gcm_objectives',
      'sdg_targets',
      'interventions',
      'related',
      'sources',
      'url',
      'source',
    ];
    rows = items.map(({ id, data }) => {
      const r = data as RecordData;
      return [
        id,
        r.kind,
        r.agreementScope ?? '',
        r.title.en,
        r.title.fr ?? '',
        r.title.es ?? '',
        r.acronym ?? '',
        r.summary.en,
        r.summary.fr ?? '',
        r.summary.es ?? '',
        list(r.countries.map((c) => `${c.code} (${c.role})`)),
        list(r.organisations.map((o) => `${o.id} (${o.role})`)),
        r.period?.start ?? '',
        r.period?.end ?? '',
        r.status,
        list(r.instruments),
        list(r.themes),
        list(r.crossCutting),
        list(r.stages),
        list(r.sectors),
        list(r.gcm),
        list(r.sdg),
        list(r.interventions),
        list(r.related),
        list(r.sources.map((s) => citeSource(s, origin))),
        `${origin}/library/${id}`,
        source,
      ];
    });
  } else if (type === 'organisation') {
    header = ['id', 'type', 'name_en', 'name_fr', 'name_es', 'acronym', 'countries', 'website', 'url', 'source'];
    rows = items.map(({ id, data }) => {
      const o = data as OrganisationData;
      return [
        id,
        o.type,
        o.name.en,
        o.name.fr ?? '',
        o.name.es ?? '',
        o.acronym ?? '',
        list(o.countries),
        o.website ?? '',
        `${origin}/library/${id}`,
        source,
      ];
    });
  } else {
    header = [
      'id',
      'title_en',
      'authors',
      'year',
      'design',
      'population',
      'places',
      'outcomes',
      'independence',
      'quality',
      ...Object.keys((items[0]?.data as StudyData | undefined)?.appraisal ?? {}).map((q) => `appraisal_${q}`),
      'records',
      'citation',
      'url',
      'source',
    ];
    rows = items.map(({ id, data }) => {
      const s = data as StudyData;
      return [
        id,
        s.title.en,
        list(s.authors),
        s.year,
        s.design,
        s.population,
        list(s.places),
        list(s.outcomes.map((o) => `${o.outcome}: ${o.effect}`)),
        s.independence,
        appraisalQuality(s.appraisal),
        ...Object.values(s.appraisal),
        list(s.records),
        citeSource(s.citation, origin),
        `${origin}/library/${id}`,
        source,
      ];
    });
  }
  return [header, ...rows].map(csvRecord).join('');
}

async function publishedStudies(db: Kysely<DB>) {
  return (await repo.publishedItems(db, 'study')).map((s) => ({ id: s.id, study: s.data as StudyData }));
}

/** Studies as RIS, the tagged format reference managers (Zotero, EndNote, Mendeley) import. */
export async function exportRis(db: Kysely<DB>, origin: string): Promise<string> {
  const lines: string[] = [];
  const tag = (name: string, value: string | number | undefined) => {
    // RIS is line-based: a value never spans lines.
    if (value !== undefined && value !== '') lines.push(`${name}  - ${String(value).replace(/\s*\n\s*/g, ' ')}`);
  };
  for (const { id, study } of await publishedStudies(db)) {
    tag('TY', study.citation.doi ? 'JOUR' : 'RPRT');
    tag('ID', id);
    tag('TI', study.title.en);
    for (const author of study.authors) tag('AU', author);
    tag('PY', study.year);
    tag('AB', study.summary.en);
    tag('DO', study.citation.doi);
    tag('UR', study.citation.url ?? `${origin}/library/${id}`);
    tag(
      'N1',
      `Design: ${termLabel('design', study.design, 'en')}. Quality: ${appraisalQuality(study.appraisal)}. Source: ${citeSource(study.citation, origin)}`,
    );
    for (const o of study.outcomes) tag('KW', termLabel('outcome', o.outcome, 'en'));
    tag('DB', LIBRARY_SOURCE);
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

/** Studies as CSL-JSON, the citation data Zotero and citeproc processors read. */
export async function exportCslJson(db: Kysely<DB>, origin: string) {
  return (await publishedStudies(db)).map(({ id, study }) => ({
    id,
    type: study.citation.doi ? 'article-journal' : 'report',
    title: study.title.en,
    author: study.authors.map((literal) => ({ literal })),
    issued: { 'date-parts': [[study.year]] },
    abstract: study.summary.en,
    ...(study.citation.doi ? { DOI: study.citation.doi } : {}),
    URL: study.citation.url ?? `${origin}/library/${id}`,
    note: `Design: ${termLabel('design', study.design, 'en')}; quality: ${appraisalQuality(study.appraisal)}; source: ${citeSource(study.citation, origin)}`,
    keyword: study.outcomes.map((o) => termLabel('outcome', o.outcome, 'en')).join(', '),
    source: LIBRARY_SOURCE,
  }));
}
