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
