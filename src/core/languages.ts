/** The UI languages Bridges speaks today, and the UN languages its reference data carries names in. */
export const UI_LANGUAGES = ['en', 'fr', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const NAME_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** Whether a string (a URL parameter) is one of the UI languages. */
export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value ?? '');
}

/**
 * The UI language a reader's browser prefers (`navigator.languages`, "fr-CA", "es-419"…): the
 * first whose language Bridges speaks; English when none is.
 */
export function preferredUiLanguage(languages: readonly string[]): UiLanguage {
  for (const tag of languages) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

/**
 * The name languages an HTTP Accept-Language header asks for, most wanted first
 * (`fr-CH, fr;q=0.9, es;q=0.5, *;q=0.1` → fr, es): a tag counts as its language ("fr-CA" is
 * French), each language at the highest quality any of its tags has; a language at q=0, `*` and
 * a language Bridges has no names in are left out. Empty for no header: English, then.
 */
export function acceptedNameLanguages(header: string | undefined): NameLanguage[] {
  const quality = new Map<NameLanguage, number>();
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.split(';').map((p) => p.trim());
    const primary = tag.split('-')[0]?.toLowerCase() ?? '';
    if (!(NAME_LANGUAGES as readonly string[]).includes(primary)) continue;
    const q = params.map((p) => /^q\s*=\s*([01](?:\.\d{0,3})?)$/i.exec(p)?.[1]).find((v) => v !== undefined);
    const value = q === undefined ? 1 : Number(q);
    const lang = primary as NameLanguage;
    quality.set(lang, Math.max(quality.get(lang) ?? 0, value));
  }
  return [...quality]
    .filter(([, q]) => q > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([lang]) => lang);
}

/**
 * A name in the first of `languages` it has, else in English (`names.en`, always there): the
 * "best-language match" of a name given in several languages.
 */
export function localName(names: Readonly<Record<string, string>>, languages: readonly string[]): string {
  for (const lang of languages) {
    const name = names[lang];
    if (name) return name;
  }
  return names.en ?? Object.values(names)[0] ?? '';
}

/**
 * What the page the server sends says before any script runs, in each UI language: its
 * description (search engines, link previews) and the line shown without JavaScript.
 */
export const PAGE_TEXTS: Readonly<Record<UiLanguage, { description: string; noscript: string }>> = {
  en: {
    description: 'Bridges: open reference data, evidence and people for the migration and development community.',
    noscript: 'Bridges needs JavaScript to show this page. The data is also available from the API at /api/docs.',
  },
  fr: {
    description:
      'Bridges\u00a0: données de référence ouvertes, éléments probants et personnes pour la communauté des migrations et du développement.',
    noscript:
      'Bridges a besoin de JavaScript pour afficher cette page. Les données sont aussi disponibles par l’API, à /api/docs.',
  },
  es: {
    description:
      'Bridges: datos de referencia abiertos, evidencia y personas para la comunidad de la migración y el desarrollo.',
    noscript: 'Bridges necesita JavaScript para mostrar esta página. Los datos también están en la API, en /api/docs.',
  },
};
