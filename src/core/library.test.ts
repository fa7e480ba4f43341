import { describe, expect, it } from 'vitest';
import { OrganisationData, RecordData } from './library.js';

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
