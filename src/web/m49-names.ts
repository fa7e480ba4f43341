import type { UiLanguage } from '../core/languages.js';
import { M49_NAMES } from '../core/un-region-names.js';
import { WB_AGGREGATE_NAMES } from '../core/wb-aggregate-names.js';

/** An M49 region's name in the UI language, and the language it is written in when that is not the page's. */
export function m49Name(lang: UiLanguage, code: string, apiName: string): { text: string; lang: 'en' | undefined } {
  if (lang === 'en') return { text: apiName, lang: undefined };
  const translated = M49_NAMES[lang][code];
  return translated ? { text: translated, lang: undefined } : { text: apiName, lang: 'en' };
}

/** The same as props of the element that shows it: `<span {...m49Text(lang, code, name)} />`. */
export function m49Text(lang: UiLanguage, code: string, apiName: string): { lang: 'en' | undefined; children: string } {
  const { text, lang: written } = m49Name(lang, code, apiName);
  return { lang: written, children: text };
}

/** As the props of an `<optgroup>` named after the region. */
export function m49GroupLabel(
  lang: UiLanguage,
  code: string,
  apiName: string,
): { lang: 'en' | undefined; label: string } {
  const { text, lang: written } = m49Name(lang, code, apiName);
  return { lang: written, label: text };
}

/** The M49 codes this table names, for the test that holds it to the bundled M49 file. */
export const M49_TRANSLATED_CODES: Readonly<Record<'fr' | 'es', readonly string[]>> = {
  fr: Object.keys(M49_NAMES.fr),
  es: Object.keys(M49_NAMES.es),
};

/**
 * A World Bank region's name in the UI language (the WDI country metadata names them in English;
 * the same names as the World Bank's aggregates), as props of the element that shows it. An
 * unknown one is shown as it is and marked `lang="en"`.
 */
export function wbRegionText(lang: UiLanguage, apiName: string): { lang: 'en' | undefined; children: string } {
  if (lang === 'en') return { lang: undefined, children: apiName };
  const translated = WB_AGGREGATE_NAMES[apiName]?.[lang];
  return translated ? { lang: undefined, children: translated } : { lang: 'en', children: apiName };
}
