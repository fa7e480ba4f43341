import { describe, expect, it } from 'vitest';
import { messagesFor } from './i18n.js';
import { draftOf, emptyDraft, formPath, slugify, toData, validateDraft, type Draft } from './library-form.js';
import { diffFields } from './conflict-diff.js';
import { flattenData, periodText, pickText, safeNextPath } from './library.js';

const words = messagesFor('en').validation;

/** A practice as the API holds it (invented test data). */
const record = {
  kind: 'programme',
  title: { en: 'Test mentoring scheme', fr: 'Programme test' },
  summary: { en: 'Engineers mentor graduates.' },
  countries: [{ code: 'SEN', role: 'origin' }],
  organisations: [],
  period: { start: 2008 },
  status: 'active',
  instruments: ['migration_policy'],
  themes: ['diaspora'],
  crossCutting: [],
  stages: [],
  sectors: [],
  gcm: [],
  sdg: [],
  interventions: ['diaspora_knowledge_transfer'],
  sources: [{ document: '002_93ee955995179cfa.txt', section: '3. Diaspora' }],
  related: [],
};

describe('the edit form', () => {
  it('gives back the data it was opened with', () => {
    expect(toData(draftOf('record', record))).toEqual(record);
  });

  it('drops blanks and turns years into numbers', () => {
    const draft = draftOf('record', record) as Extract<Draft, { type: 'record' }>;
    draft.values.description = { en: '  ', fr: '', es: '' };
    draft.values.periodEnd = '2012';
    draft.values.sources.push({ document: '', section: '', title: '', url: '', doi: '', note: '' });
    const data = toData(draft);
    expect(data).not.toHaveProperty('description');
    expect(data.period).toEqual({ start: 2008, end: 2012 });
    expect(data.sources).toHaveLength(1);
  });

  it('names what a blank practice lacks, by the paths the server uses', () => {
    const errors = validateDraft(emptyDraft('record'), words);
    expect(Object.keys(errors).sort()).toEqual(
      ['instruments', 'interventions', 'kind', 'sources', 'summary.en', 'themes', 'title.en'].sort(),
    );
  });

  it('asks for every appraisal answer and a scope for agreements', () => {
    const study = validateDraft(emptyDraft('study'), words);
    expect(study['appraisal.bias']).toBe(words.answerEvery);
    const draft = draftOf('record', { ...record, kind: 'agreement' });
    expect(validateDraft(draft, words).agreementScope).toBe(words.chooseOne);
  });

  it('catches a period that ends before it starts, and repeated countries', () => {
    const draft = draftOf('record', record) as Extract<Draft, { type: 'record' }>;
    draft.values.periodEnd = '2001';
    draft.values.countries.push({ code: 'SEN', role: 'origin' });
    const errors = validateDraft(draft, words);
    expect(errors['period.end']).toBe(words.periodOrder);
    expect(errors['countries.1']).toBe(words.duplicate);
  });

  it('reads server error paths as form paths', () => {
    expect(formPath('data.title.en')).toBe('title.en');
    expect(formPath('body.data.sources.0.section')).toBe('sources.0.section');
    expect(formPath('title.en')).toBe('title.en');
    expect(formPath('data.countries[0].code')).toBe('countries.0.code');
    expect(formPath('data.related[1]')).toBe('related.1');
  });

  it('suggests an id from a title', () => {
    expect(slugify('Migration for Development in Africa (MIDA)')).toBe('migration-for-development-in-africa-mida');
    expect(slugify('Codéveloppement — Sénégal')).toBe('codeveloppement-senegal');
  });
});

describe('library helpers', () => {
  it('falls back to English and says so', () => {
    expect(pickText({ en: 'Hello', fr: 'Bonjour' }, 'fr')).toEqual({ text: 'Bonjour', lang: 'fr' });
    expect(pickText({ en: 'Hello' }, 'es')).toEqual({ text: 'Hello', lang: 'en' });
  });

  it('writes periods', () => {
    const t = messagesFor('en');
    expect(periodText({ start: 2001, end: 2005 }, t)).toBe('2001–2005');
    expect(periodText({ start: 2001 }, t)).toBe('since 2001');
    expect(periodText(undefined, t)).toBeNull();
  });

  it('flattens data to dotted paths', () => {
    expect(flattenData({ title: { en: 'A' }, themes: ['x', 'y'], countries: [{ code: 'SEN' }] })).toEqual({
      'title.en': 'A',
      themes: 'x, y',
      'countries.0.code': 'SEN',
    });
  });

  it('only comes back to pages of this site after logging in', () => {
    expect(safeNextPath('/library/mida?lang=fr')).toBe('/library/mida?lang=fr');
    expect(safeNextPath('//evil.example/')).toBeNull();
    expect(safeNextPath('https://evil.example/')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});

describe('the differences a conflict shows', () => {
  it('diffs each differing field by its words, theirs to mine', () => {
    expect(
      diffFields({ 'title.en': 'Mentors in Senegal', a: 'same' }, { 'title.en': 'Mentors in France', a: 'same' }),
    ).toEqual([
      {
        field: 'title.en',
        words: [
          { value: 'Mentors in ', added: false, removed: false },
          { value: 'Senegal', added: false, removed: true },
          { value: 'France', added: true, removed: false },
        ],
      },
    ]);
  });

  it('shows long, unlike texts whole, theirs then mine, rather than hold the page to diff them', () => {
    const text = (seed: number) =>
      Array.from({ length: 3_000 }, (_, i) => ((i * 7_919 + seed) % 99_991).toString(36)).join(' ');
    const [theirs, mine] = [text(1), text(50_000)];
    expect(diffFields({ 'summary.en': theirs }, { 'summary.en': mine })).toEqual([
      {
        field: 'summary.en',
        words: [
          { value: theirs, added: false, removed: true },
          { value: mine, added: true, removed: false },
        ],
      },
    ]);
  });
});
