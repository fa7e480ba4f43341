/** The UI languages Bridges speaks today, and the UN languages its reference data carries names in. */
export const UI_LANGUAGES = ['en', 'fr', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const NAME_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/** Narrows any string (a URL parameter, a header) to a UI language, defaulting to English. */
export function toUiLanguage(value: string | null | undefined): UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as UiLanguage) : 'en';
}
