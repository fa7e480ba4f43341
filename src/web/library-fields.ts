import { APPRAISAL_QUESTIONS, termLabel, type VocabularyName } from '../core/library-vocab.js';
import type { UiLanguage } from '../core/languages.js';
import type { Messages } from './i18n.js';

/** The vocabulary of each coded field of the library's data, to show labels rather than codes. */
const FIELD_VOCABULARY: Record<string, VocabularyName> = {
  kind: 'kind',
  agreementScope: 'agreementScope',
  status: 'status',
  type: 'organisationType',
  instruments: 'instrument',
  themes: 'theme',
  crossCutting: 'crossCutting',
  stages: 'stage',
  sectors: 'sector',
  gcm: 'gcm',
  sdg: 'sdg',
  interventions: 'intervention',
  design: 'design',
  independence: 'independence',
  outcome: 'outcome',
  effect: 'effect',
  role: 'countryRole',
};

/**
 * A field's name for people, from its dotted path: "title.fr" → "Title (French)",
 * "sources.1.section" → "Source 2: Section", "appraisal.bias" → the checklist question.
 */
export function fieldName(path: string, t: Messages, lang: UiLanguage): string {
  const labels = t.fieldLabels as Record<string, string>;
  const [head = '', second, third] = path.split('.');
  const base = labels[head] ?? head;
  if (second === undefined) return base;
  if (second === 'en' || second === 'fr' || second === 'es') return `${base} (${t.textLanguage[second]})`;
  if (head === 'appraisal') {
    const question = APPRAISAL_QUESTIONS.find((q) => q.code === second);
    return question ? `${base}: ${question.label[lang]}` : base;
  }
  if (/^\d+$/.test(second)) {
    const row = `${base} ${String(Number(second) + 1)}`;
    return third ? `${row}: ${labels[third] ?? third}` : row;
  }
  return `${base}: ${labels[second] ?? second}`;
}

/** A value of a revision's field as text: codes as their labels, lists joined, objects as "key: value". */
export function fieldValueText(path: string, value: unknown, lang: UiLanguage): string {
  if (value === null || value === undefined) return '';
  const last =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? path;
  const head = path.split('.')[0] ?? path;
  const vocabulary =
    head === 'appraisal'
      ? 'appraisalAnswer'
      : head === 'organisations' && last === 'role'
        ? 'organisationRole'
        : (FIELD_VOCABULARY[last] ?? FIELD_VOCABULARY[head]);
  if (Array.isArray(value)) return value.map((v) => fieldValueText(path, v, lang)).join('; ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}: ${fieldValueText(`${path}.${key}`, v, lang)}`)
      .join(', ');
  }
  const text = String(value);
  return vocabulary ? termLabel(vocabulary, text, lang) : text;
}
