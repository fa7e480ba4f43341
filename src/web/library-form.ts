import type { OrganisationData, RecordData, SourceRef, StudyData } from '../core/library.js';
import { APPRAISAL_QUESTIONS, type AppraisalAnswer, type ItemType } from '../core/library-vocab.js';

/**
 * The edit forms' state and its conversion to and from the API's data. A form holds what the
 * inputs hold (strings, empty when blank); `toData` drops blanks and turns years into numbers,
 * `validateDraft` catches what the server would refuse before a round trip, with the same dotted
 * field paths the server uses in its error details ("title.en", "sources.0.section").
 */

export type TextDraft = { en: string; fr: string; es: string };
/** The acronym in French and Spanish, where either differs from the acronym (OIM for IOM). */
export type AcronymsDraft = { fr: string; es: string };
export type SourceDraft = { document: string; section: string; title: string; url: string; doi: string; note: string };

export type RecordDraft = {
  kind: string;
  agreementScope: string;
  title: TextDraft;
  acronym: string;
  acronyms: AcronymsDraft;
  summary: TextDraft;
  description: TextDraft;
  countries: { code: string; role: string }[];
  organisations: { id: string; role: string }[];
  periodStart: string;
  periodEnd: string;
  status: string;
  instruments: string[];
  themes: string[];
  crossCutting: string[];
  stages: string[];
  sectors: string[];
  gcm: string[];
  sdg: string[];
  interventions: string[];
  website: string;
  sources: SourceDraft[];
  related: string[];
};

export type OrganisationDraft = {
  name: TextDraft;
  acronym: string;
  acronyms: AcronymsDraft;
  type: string;
  countries: string[];
  summary: TextDraft;
  website: string;
  sources: SourceDraft[];
};

export type StudyDraft = {
  title: TextDraft;
  summary: TextDraft;
  authors: string;
  year: string;
  design: string;
  population: string;
  places: string[];
  periodStart: string;
  periodEnd: string;
  outcomes: { outcome: string; effect: string; finding: string }[];
  independence: string;
  appraisal: Record<string, AppraisalAnswer | ''>;
  appraisalNote: string;
  citation: SourceDraft;
  records: string[];
};

export type Draft =
  | { type: 'record'; values: RecordDraft }
  | { type: 'organisation'; values: OrganisationDraft }
  | { type: 'study'; values: StudyDraft };

/** A problem with a field, by the field's dotted path. */
export type FieldErrors = Record<string, string>;

const emptyText = (): TextDraft => ({ en: '', fr: '', es: '' });
export const emptySource = (): SourceDraft => ({ document: '', section: '', title: '', url: '', doi: '', note: '' });

function textDraft(text: { en: string; fr?: string; es?: string } | undefined): TextDraft {
  return { en: text?.en ?? '', fr: text?.fr ?? '', es: text?.es ?? '' };
}

function acronymsDraft(acronyms: { fr?: string; es?: string } | undefined): AcronymsDraft {
  return { fr: acronyms?.fr ?? '', es: acronyms?.es ?? '' };
}

function sourceDraft(source: SourceRef): SourceDraft {
  return {
    document: source.document ?? '',
    section: source.section ?? '',
    title: source.title ?? '',
    url: source.url ?? '',
    doi: source.doi ?? '',
    note: source.note ?? '',
  };
}

const yearText = (year: number | undefined) => (year === undefined ? '' : String(year));

/** A blank form for a new item of a type. */
export function emptyDraft(type: ItemType): Draft {
  if (type === 'record') {
    return {
      type,
      values: {
        kind: '',
        agreementScope: '',
        title: emptyText(),
        acronym: '',
        acronyms: acronymsDraft(undefined),
        summary: emptyText(),
        description: emptyText(),
        countries: [],
        organisations: [],
        periodStart: '',
        periodEnd: '',
        status: 'unknown',
        instruments: [],
        themes: [],
        crossCutting: [],
        stages: [],
        sectors: [],
        gcm: [],
        sdg: [],
        interventions: [],
        website: '',
        sources: [emptySource()],
        related: [],
      },
    };
  }
  if (type === 'organisation') {
    return {
      type,
      values: {
        name: emptyText(),
        acronym: '',
        acronyms: acronymsDraft(undefined),
        type: '',
        countries: [],
        summary: emptyText(),
        website: '',
        sources: [],
      },
    };
  }
  return {
    type,
    values: {
      title: emptyText(),
      summary: emptyText(),
      authors: '',
      year: '',
      design: '',
      population: '',
      places: [],
      periodStart: '',
      periodEnd: '',
      outcomes: [{ outcome: '', effect: '', finding: '' }],
      independence: '',
      appraisal: Object.fromEntries(APPRAISAL_QUESTIONS.map((q) => [q.code, ''])),
      appraisalNote: '',
      citation: emptySource(),
      records: [],
    },
  };
}

/** The form of an existing item, from the API's data. */
export function draftOf(type: ItemType, data: unknown): Draft {
  if (type === 'record') {
    const d = data as RecordData;
    return {
      type,
      values: {
        kind: d.kind,
        agreementScope: d.agreementScope ?? '',
        title: textDraft(d.title),
        acronym: d.acronym ?? '',
        acronyms: acronymsDraft(d.acronyms),
        summary: textDraft(d.summary),
        description: textDraft(d.description),
        countries: d.countries.map((c) => ({ ...c })),
        organisations: d.organisations.map((o) => ({ ...o })),
        periodStart: yearText(d.period?.start),
        periodEnd: yearText(d.period?.end),
        status: d.status,
        instruments: [...d.instruments],
        themes: [...d.themes],
        crossCutting: [...d.crossCutting],
        stages: [...d.stages],
        sectors: [...d.sectors],
        gcm: [...d.gcm],
        sdg: [...d.sdg],
        interventions: [...d.interventions],
        website: d.website ?? '',
        sources: d.sources.map(sourceDraft),
        related: [...d.related],
      },
    };
  }
  if (type === 'organisation') {
    const d = data as OrganisationData;
    return {
      type,
      values: {
        name: textDraft(d.name),
        acronym: d.acronym ?? '',
        acronyms: acronymsDraft(d.acronyms),
        type: d.type,
        countries: [...d.countries],
        summary: textDraft(d.summary),
        website: d.website ?? '',
        sources: d.sources.map(sourceDraft),
      },
    };
  }
  const d = data as StudyData;
  return {
    type,
    values: {
      title: textDraft(d.title),
      summary: textDraft(d.summary),
      authors: d.authors.join('\n'),
      year: String(d.year),
      design: d.design,
      population: d.population,
      places: [...d.places],
      periodStart: yearText(d.period?.start),
      periodEnd: yearText(d.period?.end),
      outcomes: d.outcomes.map((o) => ({ outcome: o.outcome, effect: o.effect, finding: o.finding ?? '' })),
      independence: d.independence,
      appraisal: { ...d.appraisal },
      appraisalNote: d.appraisalNote ?? '',
      citation: sourceDraft(d.citation),
      records: [...d.records],
    },
  };
}

/** Sets `key` on `target` only when the value is not blank, so optional fields stay absent. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === '') return;
  if (typeof value === 'string' && value.trim() === '') return;
  target[key] = typeof value === 'string' ? value.trim() : value;
}

function textData(text: TextDraft): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const lang of ['en', 'fr', 'es'] as const) put(out, lang, text[lang]);
  return Object.keys(out).length > 0 ? out : undefined;
}

function acronymsData(acronyms: AcronymsDraft): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const lang of ['fr', 'es'] as const) put(out, lang, acronyms[lang]);
  return Object.keys(out).length > 0 ? out : undefined;
}

function sourceData(source: SourceDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['document', 'section', 'title', 'url', 'doi', 'note'] as const) put(out, key, source[key]);
  return out;
}

function isBlankSource(source: SourceDraft): boolean {
  return Object.values(source).every((v) => v.trim() === '');
}

function yearValue(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // A malformed year goes as typed, for the server (and validateDraft) to name it.
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function periodData(start: string, end: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  put(out, 'start', yearValue(start));
  put(out, 'end', yearValue(end));
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The data the API expects, from a form. */
export function toData(draft: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (draft.type === 'record') {
    const v = draft.values;
    put(out, 'kind', v.kind);
    if (v.kind === 'agreement') put(out, 'agreementScope', v.agreementScope);
    put(out, 'title', textData(v.title));
    put(out, 'acronym', v.acronym);
    put(out, 'acronyms', acronymsData(v.acronyms));
    put(out, 'summary', textData(v.summary));
    put(out, 'description', textData(v.description));
    out.countries = v.countries.filter((c) => c.code);
    out.organisations = v.organisations.filter((o) => o.id);
    put(out, 'period', periodData(v.periodStart, v.periodEnd));
    put(out, 'status', v.status);
    for (const key of [
      'instruments',
      'themes',
      'crossCutting',
      'stages',
      'sectors',
      'gcm',
      'sdg',
      'interventions',
    ] as const)
      out[key] = [...v[key]];
    put(out, 'website', v.website);
    out.sources = v.sources.filter((s) => !isBlankSource(s)).map(sourceData);
    out.related = v.related.filter(Boolean);
    return out;
  }
  if (draft.type === 'organisation') {
    const v = draft.values;
    put(out, 'name', textData(v.name));
    put(out, 'acronym', v.acronym);
    put(out, 'acronyms', acronymsData(v.acronyms));
    put(out, 'type', v.type);
    out.countries = v.countries.filter(Boolean);
    put(out, 'summary', textData(v.summary));
    put(out, 'website', v.website);
    out.sources = v.sources.filter((s) => !isBlankSource(s)).map(sourceData);
    return out;
  }
  const v = draft.values;
  put(out, 'title', textData(v.title));
  put(out, 'summary', textData(v.summary));
  out.authors = v.authors
    .split('\n')
    .map((a) => a.trim())
    .filter(Boolean);
  put(out, 'year', yearValue(v.year));
  put(out, 'design', v.design);
  put(out, 'population', v.population);
  out.places = v.places.filter(Boolean);
  put(out, 'period', periodData(v.periodStart, v.periodEnd));
  out.outcomes = v.outcomes
    .filter((o) => o.outcome || o.effect || o.finding.trim())
    .map((o) => {
      const row: Record<string, unknown> = {};
      put(row, 'outcome', o.outcome);
      put(row, 'effect', o.effect);
      put(row, 'finding', o.finding);
      return row;
    });
  put(out, 'independence', v.independence);
  out.appraisal = Object.fromEntries(Object.entries(v.appraisal).filter(([, answer]) => answer !== ''));
  put(out, 'appraisalNote', v.appraisalNote);
  out.citation = sourceData(v.citation);
  out.records = v.records.filter(Boolean);
  return out;
}

/** The messages `validateDraft` uses, in the UI language. */
export type ValidationWords = {
  required: string;
  requiredEnglish: string;
  chooseOne: string;
  chooseAtLeastOne: string;
  year: string;
  periodOrder: string;
  url: string;
  doi: string;
  document: string;
  sourceIncomplete: string;
  answerEvery: string;
  slug: string;
  duplicate: string;
};

const URL_PATTERN = /^https?:\/\/\S+\.\S+$/;
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;
const DOCUMENT_PATTERN = /^[\w.-]+\.txt$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function checkText(errors: FieldErrors, path: string, text: TextDraft, required: boolean, words: ValidationWords) {
  if (required && !text.en.trim()) errors[`${path}.en`] = words.requiredEnglish;
  // French or Spanish without English: the server needs English whenever the field is given.
  if (!required && !text.en.trim() && (text.fr.trim() || text.es.trim())) errors[`${path}.en`] = words.requiredEnglish;
}

function checkYear(errors: FieldErrors, path: string, text: string, words: ValidationWords) {
  const trimmed = text.trim();
  if (!trimmed) return;
  const year = Number(trimmed);
  if (!/^\d{4}$/.test(trimmed) || year < 1900 || year > 2100) errors[path] = words.year;
}

function checkPeriod(errors: FieldErrors, start: string, end: string, words: ValidationWords) {
  checkYear(errors, 'period.start', start, words);
  checkYear(errors, 'period.end', end, words);
  if (!errors['period.start'] && !errors['period.end'] && start.trim() && end.trim() && Number(start) > Number(end))
    errors['period.end'] = words.periodOrder;
}

function checkSource(errors: FieldErrors, path: string, source: SourceDraft, words: ValidationWords) {
  if (source.document.trim() && !DOCUMENT_PATTERN.test(source.document.trim()))
    errors[`${path}.document`] = words.document;
  if (source.document.trim() ? !source.section.trim() : !source.title.trim())
    errors[source.document.trim() ? `${path}.section` : `${path}.title`] = words.sourceIncomplete;
  if (source.url.trim() && !URL_PATTERN.test(source.url.trim())) errors[`${path}.url`] = words.url;
  if (source.doi.trim() && !DOI_PATTERN.test(source.doi.trim())) errors[`${path}.doi`] = words.doi;
}

function checkUnique(errors: FieldErrors, path: string, values: readonly string[], words: ValidationWords) {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (!value) return;
    if (seen.has(value)) errors[`${path}.${String(index)}`] = words.duplicate;
    seen.add(value);
  });
}

/** What the form must fix before it can be saved; empty when nothing. */
export function validateDraft(draft: Draft, words: ValidationWords): FieldErrors {
  const errors: FieldErrors = {};
  if (draft.type === 'record') {
    const v = draft.values;
    if (!v.kind) errors.kind = words.chooseOne;
    if (v.kind === 'agreement' && !v.agreementScope) errors.agreementScope = words.chooseOne;
    checkText(errors, 'title', v.title, true, words);
    checkText(errors, 'summary', v.summary, true, words);
    checkText(errors, 'description', v.description, false, words);
    for (const key of ['instruments', 'themes', 'interventions'] as const)
      if (v[key].length === 0) errors[key] = words.chooseAtLeastOne;
    checkPeriod(errors, v.periodStart, v.periodEnd, words);
    if (v.website.trim() && !URL_PATTERN.test(v.website.trim())) errors.website = words.url;
    const sources = v.sources.filter((s) => !isBlankSource(s));
    if (sources.length === 0) errors.sources = words.chooseAtLeastOne;
    v.sources.forEach((s, index) => {
      if (!isBlankSource(s)) checkSource(errors, `sources.${String(index)}`, s, words);
    });
    v.countries.forEach((c, index) => {
      if (c.code && !c.role) errors[`countries.${String(index)}.role`] = words.chooseOne;
    });
    checkUnique(
      errors,
      'countries',
      v.countries.map((c) => (c.code ? `${c.code}:${c.role}` : '')),
      words,
    );
    v.organisations.forEach((o, index) => {
      if (o.id && !o.role) errors[`organisations.${String(index)}.role`] = words.chooseOne;
    });
    checkUnique(
      errors,
      'organisations',
      v.organisations.map((o) => (o.id ? `${o.id}:${o.role}` : '')),
      words,
    );
    checkUnique(errors, 'related', v.related, words);
    return errors;
  }
  if (draft.type === 'organisation') {
    const v = draft.values;
    checkText(errors, 'name', v.name, true, words);
    checkText(errors, 'summary', v.summary, false, words);
    if (!v.type) errors.type = words.chooseOne;
    if (v.website.trim() && !URL_PATTERN.test(v.website.trim())) errors.website = words.url;
    checkUnique(errors, 'countries', v.countries, words);
    v.sources.forEach((s, index) => {
      if (!isBlankSource(s)) checkSource(errors, `sources.${String(index)}`, s, words);
    });
    return errors;
  }
  const v = draft.values;
  checkText(errors, 'title', v.title, true, words);
  checkText(errors, 'summary', v.summary, true, words);
  if (!v.year.trim()) errors.year = words.required;
  else checkYear(errors, 'year', v.year, words);
  if (!v.design) errors.design = words.chooseOne;
  if (!v.population.trim()) errors.population = words.required;
  checkPeriod(errors, v.periodStart, v.periodEnd, words);
  const outcomes = v.outcomes.filter((o) => o.outcome || o.effect || o.finding.trim());
  if (outcomes.length === 0) errors.outcomes = words.chooseAtLeastOne;
  v.outcomes.forEach((o, index) => {
    if (!(o.outcome || o.effect || o.finding.trim())) return;
    if (!o.outcome) errors[`outcomes.${String(index)}.outcome`] = words.chooseOne;
    if (!o.effect) errors[`outcomes.${String(index)}.effect`] = words.chooseOne;
  });
  if (!v.independence) errors.independence = words.chooseOne;
  for (const question of APPRAISAL_QUESTIONS)
    if (!v.appraisal[question.code]) errors[`appraisal.${question.code}`] = words.answerEvery;
  checkSource(errors, 'citation', v.citation, words);
  checkUnique(errors, 'places', v.places, words);
  checkUnique(errors, 'records', v.records, words);
  return errors;
}

/**
 * A server error detail's field as a form path: "data.title.en", "body.data.title.en" and
 * "title.en" all name the form's "title.en"; "data.countries[0].code" is "countries.0.code".
 */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1').replace(/^(body\.)?(data\.)?/, '');
}

/** The English title of a draft, for suggesting an id. */
export function draftTitle(draft: Draft): string {
  return draft.type === 'organisation' ? draft.values.name.en : draft.values.title.en;
}

/** A readable id from a title: "Migration for Development in Africa" → "migration-for-development-in-africa". */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
