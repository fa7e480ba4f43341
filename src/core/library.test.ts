import { describe, expect, it } from 'vitest';
import { CreateUserBody, OrganisationData, RecordData, StudyData, TransitionBody } from './library.js';

/** An organisation as a content file gives it (invented test data). */
const ORGANISATION = {
  name: { en: 'Test Agency for Migration', fr: 'Agence test pour les migrations' },
  acronym: 'TAM',
  type: 'international_organisation',
};

/** A record, likewise. */
const RECORD = {
  kind: 'programme',
  title: { en: 'Test programme' },
  acronym: 'TP',
  summary: { en: 'A programme invented for this test.' },
  instruments: ['migration_policy'],
  themes: ['diaspora'],
  interventions: ['diaspora_knowledge_transfer'],
  sources: [{ title: 'Invented test source' }],
};

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('acronyms in French and Spanish', () => {
  it('are taken beside the acronym, trimmed, each language on its own', () => {
    expect(OrganisationData.parse({ ...ORGANISATION, acronyms: { fr: ' ATM ', es: 'AMP' } })).toMatchObject({
      acronym: 'TAM',
      acronyms: { fr: 'ATM', es: 'AMP' },
    });
    expect(RecordData.parse({ ...RECORD, acronyms: { es: 'PP' } })).toMatchObject({ acronyms: { es: 'PP' } });
    expect(OrganisationData.parse(ORGANISATION)).not.toHaveProperty('acronyms');
  });

  it('are held to the limits of the acronym, and refused naming the field at fault', () => {
    const long = 'X'.repeat(41);
    expect(issuesOf(OrganisationData.safeParse({ ...ORGANISATION, acronym: long }))).toEqual([
      expect.stringMatching(/^acronym: Too big: .*40/),
    ]);
    expect(issuesOf(OrganisationData.safeParse({ ...ORGANISATION, acronyms: { fr: long } }))).toEqual([
      expect.stringMatching(/^acronyms\.fr: Too big: .*40/),
    ]);
    expect(issuesOf(RecordData.safeParse({ ...RECORD, acronyms: { fr: 'PT', es: long } }))).toEqual([
      expect.stringMatching(/^acronyms\.es: Too big: .*40/),
    ]);
    expect(issuesOf(RecordData.safeParse({ ...RECORD, acronyms: { es: '  ' } }))).toEqual([
      expect.stringMatching(/^acronyms\.es: Too small/),
    ]);
    expect(OrganisationData.safeParse({ ...ORGANISATION, acronyms: { fr: 'X'.repeat(40) } }).success).toBe(true);
  });

  it('are French and Spanish only: English is the acronym itself', () => {
    expect(issuesOf(OrganisationData.safeParse({ ...ORGANISATION, acronyms: { en: 'TAM' } }))).toEqual([
      expect.stringMatching(/^acronyms: Unrecognized key: "en"/),
    ]);
    expect(issuesOf(RecordData.safeParse({ ...RECORD, acronyms: 'PT' }))).toEqual([
      expect.stringMatching(/^acronyms: Invalid input: expected object/),
    ]);
  });
});

describe('text typed into the library', () => {
  it('is refused in every field a person types, by its path', () => {
    const bell = 'Test\u0007 programme';
    expect(issuesOf(RecordData.safeParse({ ...RECORD, title: { en: bell } }))).toEqual([
      'title.en: holds U+0007, a control character, at character 5; remove it',
    ]);
    expect(issuesOf(RecordData.safeParse({ ...RECORD, acronym: '\u202ETP' }))).toEqual([
      expect.stringMatching(/^acronym: holds U\+202E/),
    ]);
    expect(issuesOf(RecordData.safeParse({ ...RECORD, sources: [{ title: 'Source', note: bell }] }))).toEqual([
      expect.stringMatching(/^sources\.0\.note: holds U\+0007/),
    ]);
    const study = StudyData.safeParse({ authors: ['A. Author\u0000'], population: bell });
    expect(issuesOf(study)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^authors\.0: holds U\+0000/),
        expect.stringMatching(/^population: holds U\+0007/),
      ]),
    );
    expect(issuesOf(TransitionBody.safeParse({ action: 'return', version: 1, comment: bell }))).toEqual([
      expect.stringMatching(/^comment: holds U\+0007/),
    ]);
    expect(
      issuesOf(
        CreateUserBody.safeParse({
          email: 'a@example.org',
          name: 'Ann\u202E',
          role: 'viewer',
          password: 'x'.repeat(12),
        }),
      ),
    ).toEqual([expect.stringMatching(/^name: holds U\+202E/)]);
  });

  it('holds a name, title or heading to a line of 1,000 characters', () => {
    const source = (title: string) => RecordData.safeParse({ ...RECORD, sources: [{ title }] });
    expect(source('x'.repeat(1_000)).success).toBe(true);
    expect(issuesOf(source('x'.repeat(1_001)))).toEqual([expect.stringMatching(/^sources\.0\.title: Too big: .*1000/)]);
  });
});
