import type { UiLanguage } from '../core/languages.js';
import { WB_AGGREGATE_NAMES } from '../core/wb-aggregate-names.js';

/**
 * UN M49 region, sub-region and intermediate-region names in French and Spanish, as the United
 * Nations Statistics Division writes them in its M49 standard, by M49 code. The API gives them in
 * English only (the bundled M49 file is the English edition), so the UI translates them here; a
 * code this table does not know is shown in the API's English and marked `lang="en"`.
 */
const NAMES: Record<'fr' | 'es', Readonly<Record<string, string>>> = {
  fr: {
    '002': 'Afrique',
    '015': 'Afrique septentrionale',
    '202': 'Afrique subsaharienne',
    '014': 'Afrique orientale',
    '017': 'Afrique centrale',
    '018': 'Afrique australe',
    '011': 'Afrique occidentale',
    '019': 'Amériques',
    '419': 'Amérique latine et Caraïbes',
    '029': 'Caraïbes',
    '013': 'Amérique centrale',
    '005': 'Amérique du Sud',
    '021': 'Amérique septentrionale',
    '142': 'Asie',
    '143': 'Asie centrale',
    '030': 'Asie orientale',
    '035': 'Asie du Sud-Est',
    '034': 'Asie du Sud',
    '145': 'Asie occidentale',
    '150': 'Europe',
    '151': 'Europe orientale',
    '154': 'Europe septentrionale',
    '039': 'Europe méridionale',
    '155': 'Europe occidentale',
    '009': 'Océanie',
    '053': 'Australie et Nouvelle-Zélande',
    '054': 'Mélanésie',
    '057': 'Micronésie',
    '061': 'Polynésie',
  },
  es: {
    '002': 'África',
    '015': 'África septentrional',
    '202': 'África subsahariana',
    '014': 'África oriental',
    '017': 'África central',
    '018': 'África meridional',
    '011': 'África occidental',
    '019': 'Américas',
    '419': 'América Latina y el Caribe',
    '029': 'Caribe',
    '013': 'Centroamérica',
    '005': 'América del Sur',
    '021': 'América septentrional',
    '142': 'Asia',
    '143': 'Asia central',
    '030': 'Asia oriental',
    '035': 'Asia sudoriental',
    '034': 'Asia meridional',
    '145': 'Asia occidental',
    '150': 'Europa',
    '151': 'Europa oriental',
    '154': 'Europa septentrional',
    '039': 'Europa meridional',
    '155': 'Europa occidental',
    '009': 'Oceanía',
    '053': 'Australia y Nueva Zelandia',
    '054': 'Melanesia',
    '057': 'Micronesia',
    '061': 'Polinesia',
  },
};

/** An M49 region's name in the UI language, and the language it is written in when that is not the page's. */
export function m49Name(lang: UiLanguage, code: string, apiName: string): { text: string; lang: 'en' | undefined } {
  if (lang === 'en') return { text: apiName, lang: undefined };
  const translated = NAMES[lang][code];
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
  fr: Object.keys(NAMES.fr),
  es: Object.keys(NAMES.es),
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
