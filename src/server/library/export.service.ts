import { csvRecord, type CsvCell } from '../../core/csv.js';
import type { Kysely } from 'kysely';
import { appraisalQuality, APPRAISAL_QUESTIONS, termLabel } from '../../core/library-vocab.js';
import { parse as parseName } from '@citation-js/name';
import type { OrganisationData, RecordData, SourceRef, StudyData } from '../../core/library.js';
import type { DB } from '../db/schema.js';
import { libraryRepository as repo } from './library.repository.js';
import { SOURCE_DOCUMENTS } from './source-documents.js';

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

/**
 * One published item type as CSV, one row per item, multilingual fields in columns (acronym_fr and
 * acronym_es, like the data, only where French or Spanish have an acronym of their own).
 */
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
      'acronym_fr',
      'acronym_es',
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
        r.acronyms?.fr ?? '',
        r.acronyms?.es ?? '',
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
    header = [
      'id',
      'type',
      'name_en',
      'name_fr',
      'name_es',
      'acronym',
      'acronym_fr',
      'acronym_es',
      'countries',
      'website',
      'url',
      'source',
    ];
    rows = items.map(({ id, data }) => {
      const o = data as OrganisationData;
      return [
        id,
        o.type,
        o.name.en,
        o.name.fr ?? '',
        o.name.es ?? '',
        o.acronym ?? '',
        o.acronyms?.fr ?? '',
        o.acronyms?.es ?? '',
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
      'title_fr',
      'title_es',
      'summary_en',
      'summary_fr',
      'summary_es',
      'authors',
      'year',
      'design',
      'population',
      'places',
      'outcomes',
      'independence',
      'quality',
      ...APPRAISAL_QUESTIONS.map((q) => `appraisal_${q.code}`),
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
        s.title.fr ?? '',
        s.title.es ?? '',
        s.summary.en,
        s.summary.fr ?? '',
        s.summary.es ?? '',
        list(s.authors),
        s.year,
        s.design,
        s.population,
        list(s.places),
        list(s.outcomes.map((o) => `${o.outcome}: ${o.effect}`)),
        s.independence,
        appraisalQuality(s.appraisal),
        ...APPRAISAL_QUESTIONS.map((q) => s.appraisal[q.code]),
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

/** A name as CSL-JSON holds it: a person's in parts, an organisation's whole. */
type CslName =
  | {
      family: string;
      given: string;
      'non-dropping-particle'?: string;
      'dropping-particle'?: string;
      suffix?: string;
    }
  | { literal: string };

// Words that make a name an organisation's ("World Bank", "UN Population Division").
const ORGANISATION_WORD =
  /\b(?:academy|agency|alliance|assembly|association|authority|bank|board|bureau|cent(?:re|er)|coalition|college|commission|committee|community|conference|consortium|council|department|division|forum|foundation|fund|government|group|initiative|institute|international|ministry|nations|network|office|organi[sz]ation|partnership|programme|program|project|secretariat|service|society|team|union|university|world)\b/i;
// A word of a personal name: capitalised ("María", "O’Neill", "A."), or a particle ("de la", "van").
const NAME_WORD = /^\p{Lu}(?:[\p{L}'’-]*\p{L})?\.?$|^\p{Ll}{1,4}$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;

/**
 * A study's author as CSL names it: a personal name ("David A. Phillips") in family and given names
 * (split by citation.js's name parser) so that styles can write "Phillips, D. A."; an organisation
 * ("World Bank", a name the library's organisations bear, one with digits, commas or an acronym)
 * and anything unsure left whole, which a style prints as written rather than mangled.
 */
export function cslName(author: string, organisations: ReadonlySet<string> = new Set()): CslName {
  const name = author.trim();
  const words = name.split(/\s+/);
  const personal =
    !organisations.has(name.toLowerCase()) &&
    !ORGANISATION_WORD.test(name) &&
    words.length >= 2 &&
    words.length <= 5 &&
    words.every((w) => NAME_WORD.test(w) && !ACRONYM.test(w)) &&
    /^\p{Lu}/u.test(words[0] ?? '') &&
    /^\p{Lu}/u.test(words.at(-1) ?? '') &&
    // "Jr.", "III": the parser would take them for the family name; such a name stays whole.
    !/^(?:Jr|Sr)\.?$|^[IVX]+$/.test(words.at(-1) ?? '');
  const parts = personal ? parseName(name) : undefined;
  if (!parts?.family || !parts.given || parts.literal !== undefined) return { literal: name };
  const { family, given, suffix } = parts;
  return {
    family,
    given,
    ...(parts['non-dropping-particle'] ? { 'non-dropping-particle': parts['non-dropping-particle'] } : {}),
    ...(parts['dropping-particle'] ? { 'dropping-particle': parts['dropping-particle'] } : {}),
    ...(suffix ? { suffix } : {}),
  };
}

/** A CSL name as RIS writes it: "Family, Given" (particles before the family name), an organisation whole. */
function risName(name: CslName): string {
  if ('literal' in name) return name.literal;
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ');
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ');
  return [family, given, name.suffix].filter(Boolean).join(', ');
}

/** "UN Population Division (as cited by Dilip Ratha)" → the work cited and who cites it. */
function citedAuthor(author: string): { name: string; citedBy?: string } {
  const m = /^(.+?)\s*\(as (?:cited|quoted|reported) (?:by|in) (.+)\)$/i.exec(author.trim());
  return m ? { name: (m[1] as string).trim(), citedBy: (m[2] as string).trim() } : { name: author.trim() };
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** One study as a reference manager should cite it: the work that exists, and where the library found it. */
interface Reference {
  id: string;
  csl: 'speech' | 'paper-conference' | 'document';
  ris: 'CPAPER' | 'CONF' | 'GEN';
  title: string;
  authors: string[];
  year: number;
  genre?: string;
  event?: string;
  eventPlace?: string;
  eventDate?: readonly (readonly [number, number, number])[];
  container?: string;
  publisher?: string;
  publisherPlace?: string;
  organizers: readonly string[];
  doi?: string;
  url: string;
  note: string;
}

/**
 * The reference a study's citation stands for. A study drawn from an account of talks cites the
 * talk: its speakers as authors, the meeting as the event, the library's title in square brackets
 * (the talk's own is not recorded). One drawn from a paper or a conference's conclusions cites that
 * document under its own title and authors. An outside publication is cited by its title, its kind
 * unknown (a DOI is no proof of a journal article: the World Bank's books have them).
 *
 * NOTE: an author "as cited by" someone is not credited with the work: the reference is to what
 * the library read (the talk or document that quotes), as APA's rule for secondary sources has it,
 * and the work quoted is named in the note; crediting the UN Population Division with a keynote,
 * or citing its projection without the publication, year or variant, would invent a work.
 */
function referenceOf(id: string, study: StudyData, origin: string): Reference {
  const { citation } = study;
  const doc = citation.document ? SOURCE_DOCUMENTS.get(citation.document) : undefined;
  const parsed = study.authors.map(citedAuthor);
  const library = `Bridges library: “${study.title.en}”, ${termLabel('design', study.design, 'en').toLowerCase()}, quality ${appraisalQuality(study.appraisal)}, ${origin}/library/${id}.`;
  const url = citation.document
    ? `${origin}/api/library/sources/${citation.document}`
    : (citation.url ?? (citation.doi ? `https://doi.org/${citation.doi}` : `${origin}/library/${id}`));
  const notes: string[] = [];
  let ref: Omit<Reference, 'id' | 'year' | 'url' | 'note' | 'organizers'>;
  let year = study.year;
  let organizers: readonly string[] = [];
  if (doc && doc.kind !== 'talks') {
    const own = doc.authors ?? [];
    // The document's own authors, or the work it reports ("World Bank" in the Brussels conclusions).
    const quoted = parsed.some((a) => own.some((o) => sameName(o, a.name))) ? [] : parsed;
    ref = {
      csl: 'paper-conference',
      ris: doc.kind === 'conclusions' ? 'CONF' : 'CPAPER',
      title: doc.title ?? `[${study.title.en}]`,
      authors: [...own],
      genre: doc.kind === 'conclusions' ? 'Conference conclusions' : 'Paper contributed to a meeting',
      event: doc.event,
      eventPlace: doc.eventPlace,
      eventDate: doc.eventDate,
      publisher: doc.publisher,
      publisherPlace: doc.publisherPlace,
    };
    year = doc.year ?? study.year;
    organizers = doc.organizers ?? [];
    notes.push(`Cited part: ${citation.section ?? ''}.`);
    if (organizers.length) notes.push(`Organisers: ${organizers.join('; ')}.`);
    if (quoted.length)
      notes.push(`Reports the work of ${quoted.map((a) => a.name).join('; ')}, as cited in this document.`);
  } else {
    // Whoever quotes an author "as cited by" them is the author of what the library read.
    const speakers = [...new Set(parsed.map((a) => a.citedBy ?? a.name))];
    const quoted = parsed.filter((a) => a.citedBy);
    if (doc) {
      const section = citation.section ?? '';
      const genre =
        speakers.length === 0 && /discussion/i.test(section)
          ? 'Discussion'
          : /^keynote/i.test(section)
            ? 'Keynote speech'
            : (doc.talk ?? 'Talk');
      ref = {
        csl: 'speech',
        ris: 'CPAPER',
        title: `[${study.title.en}]`,
        authors: speakers,
        genre,
        event: doc.event,
        eventPlace: doc.eventPlace,
        container: doc.container,
      };
      notes.push(
        `${genre} known from ${doc.account ?? 'an account of the meeting'}, section “${section}”; the title says what was said, the talk’s own title is not recorded.`,
      );
    } else if (citation.document) {
      // A bundled document not described above yet: cited as a document, its section named.
      ref = { csl: 'document', ris: 'GEN', title: `[${study.title.en}]`, authors: speakers };
      notes.push(`From ${citation.document}, section “${citation.section ?? ''}”.`);
    } else {
      ref = {
        csl: 'document',
        ris: 'GEN',
        title: citation.title ?? study.title.en,
        authors: speakers,
        doi: citation.doi,
      };
    }
    if (quoted.length)
      notes.push(`Reports the work of ${quoted.map((a) => `${a.name}, as cited by ${a.citedBy ?? ''}`).join('; ')}.`);
  }
  if (citation.note) notes.push(citation.note.endsWith('.') ? citation.note : `${citation.note}.`);
  notes.push(library);
  return { ...ref, id, year, organizers, url, note: notes.join(' ') };
}

/** The published studies as references, and the names of the library's organisations (never split as a person's). */
async function studyReferences(db: Kysely<DB>, origin: string) {
  const [studies, organisations] = await Promise.all([publishedStudies(db), repo.publishedItems(db, 'organisation')]);
  const names = new Set(
    organisations.flatMap(({ data }) => {
      const o = data as OrganisationData;
      return [o.name.en, o.name.fr, o.name.es, o.acronym]
        .filter((n): n is string => Boolean(n))
        .map((n) => n.toLowerCase());
    }),
  );
  return studies.map(({ id, study }) => ({
    study,
    ref: referenceOf(id, study, origin),
    name: (author: string) => cslName(author, names),
  }));
}

/**
 * Studies as RIS, the tagged format reference managers (Zotero, EndNote, Mendeley) import: a talk
 * or a paper as CPAPER (the meeting in T2, its place in CY), conference conclusions as CONF, an
 * outside publication of unrecorded kind as GEN.
 */
export async function exportRis(db: Kysely<DB>, origin: string): Promise<string> {
  const lines: string[] = [];
  const tag = (name: string, value: string | number | undefined) => {
    // RIS is line-based: a value never spans lines, whatever breaks a reader takes for one (a
    // carriage return alone too: "Doe\rUR  - …" would be a tag of its own in some).
    if (value !== undefined && value !== '')
      lines.push(`${name}  - ${String(value).replace(/\s*[\r\n\v\f\u0085\u2028\u2029]\s*/g, ' ')}`);
  };
  for (const { study, ref, name } of await studyReferences(db, origin)) {
    tag('TY', ref.ris);
    tag('ID', ref.id);
    tag('TI', ref.title);
    for (const author of ref.authors) tag('AU', risName(name(author)));
    tag('PY', ref.year);
    tag('T2', ref.event);
    tag('C3', ref.container);
    tag('CY', ref.eventPlace ?? ref.publisherPlace);
    tag('PB', ref.publisher);
    tag('AB', study.summary.en);
    tag('DO', ref.doi);
    tag('UR', ref.url);
    tag('N1', ref.note);
    for (const o of study.outcomes) tag('KW', termLabel('outcome', o.outcome, 'en'));
    tag('DB', LIBRARY_SOURCE);
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

/**
 * Studies as CSL-JSON (the variables of CSL 1.0.2's csl-data.json), the citation data Zotero and
 * citeproc processors read: a talk as `speech` at its `event-title`, a paper or conference
 * conclusions as `paper-conference`, an outside publication of unrecorded kind as `document`.
 */
export async function exportCslJson(db: Kysely<DB>, origin: string) {
  return (await studyReferences(db, origin)).map(({ study, ref, name }) => ({
    id: ref.id,
    type: ref.csl,
    ...(ref.genre ? { genre: ref.genre } : {}),
    title: ref.title,
    ...(ref.authors.length ? { author: ref.authors.map(name) } : {}),
    issued: { 'date-parts': [[ref.year]] },
    ...(ref.event ? { 'event-title': ref.event } : {}),
    ...(ref.eventPlace ? { 'event-place': ref.eventPlace } : {}),
    ...(ref.eventDate ? { 'event-date': { 'date-parts': ref.eventDate.map((d) => [...d]) } } : {}),
    ...(ref.organizers.length ? { organizer: ref.organizers.map((literal) => ({ literal })) } : {}),
    ...(ref.container ? { 'container-title': ref.container } : {}),
    ...(ref.publisher ? { publisher: ref.publisher } : {}),
    ...(ref.publisherPlace ? { 'publisher-place': ref.publisherPlace } : {}),
    abstract: study.summary.en,
    ...(ref.doi ? { DOI: ref.doi } : {}),
    URL: ref.url,
    note: ref.note,
    keyword: study.outcomes.map((o) => termLabel('outcome', o.outcome, 'en')).join(', '),
    source: LIBRARY_SOURCE,
  }));
}
