import { createContext, useContext } from 'react';
import { fiscalYearLabel } from '../core/classifications.js';
import type { IncomeGroup, AreaKind } from '../core/countries.js';
import type { NameLanguage, UiLanguage } from '../core/languages.js';
import { DATAHUB_MESSAGES } from './i18n-datahub.js';
import { LIBRARY_MESSAGES } from './i18n-library.js';

/**
 * UI strings in the three UI languages. English is the reference: `Messages` is derived from it,
 * and `satisfies` below makes French and Spanish fail to compile when they miss a key or carry an
 * extra one. Messages that take values are functions, so each language can place and inflect them.
 */
const en = {
  siteName: 'Bridges',
  siteTagline: 'Knowledge on migration and development',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  navHome: 'Home',
  navCountries: 'Countries',
  navDataHub: 'Data hub',
  navLibrary: 'Practice & evidence library',
  navNetwork: 'Network',
  navScenarios: 'Scenario models',
  comingSoon: 'coming',
  languageSwitcher: 'Language',
  footerSources: 'Every page cites the sources of the data it shows, with their publisher and licence.',
  footerApi: 'Open API',
  footerLicence: 'Bridges is open-source software.',
  loading: 'Loading…',
  errorTitle: 'Something went wrong',
  networkError: 'The server could not be reached. Check your connection and try again.',
  yes: 'Yes',
  no: 'No',
  notAvailable: 'not available',
  /** Between a label and its value; French typography puts a no-break space before the colon. */
  colon: ': ',
  /** Between the items of a list (French: a no-break space before it). */
  semicolon: '; ',

  homeTitle: 'An open platform for the migration and development community',
  homeLead:
    'Bridges joins up the publishers’ data on migration, remittances and what they cost to send, forced displacement, aid and investment with the programmes, policies and agreements of the field and the evidence of their effects, in English, French and Spanish: every figure with its source.',
  homeQuestionsHeading: 'Start with a question',
  homeQuestions: {
    philippines: 'Where do Filipinos live, what do they send home, and what does it cost?',
    mexicoUsa: 'How many people born in Mexico live in the United States, and how much do they send back?',
    dependence: 'Which countries depend most on remittances?',
    cost: 'Is sending money home getting cheaper?',
    displaced: 'Which countries host the people forced from their homes?',
    evidence: 'What do studies say works, and where is the evidence missing?',
  },
  homeCountriesCard: 'Browse countries and areas with their UN M49 region and World Bank income group since FY89.',
  homeComingCard: 'Under construction.',
  homeModulesHeading: 'Modules',

  countriesTitle: 'Countries and areas',
  countriesLead:
    'Search by name in any UN language, filter by region or income group, and open a country to see its names, codes and classifications.',
  search: 'Search by name',
  searchHint: 'Any UN language; accents and case are ignored.',
  filters: 'Filters',
  filterRegion: 'Region (UN M49)',
  filterSubregion: 'Sub-region',
  filterIncomeGroup: 'Income group',
  filterFiscalYear: 'Fiscal year (World Bank)',
  filterKind: 'Areas shown',
  allRegions: 'All regions',
  allSubregions: 'All sub-regions',
  allIncomeGroups: 'All income groups',
  kindCountry: 'ISO countries and territories',
  kindAll: 'All areas, incl. non-ISO',
  kindNonIso: 'Non-ISO areas',
  kindFormer: 'Former states',
  kindResidual: 'Statistical categories',
  clearFilters: 'Clear search and filters',
  resultCount: (n: number, lang: UiLanguage) => (n === 1 ? '1 result' : `${n.toLocaleString(lang)} results`),
  noResults: 'No country or area matches this search and these filters.',
  tableCaption: (fiscalYear: string) =>
    `Countries and areas with their UN M49 region and World Bank income group in ${fiscalYear}`,
  colName: 'Name',
  colIso3: 'ISO3 code',
  colRegion: 'Region',
  /**
   * A World Bank fiscal year as a reader of the language knows it: the Bank's own "FY25" in English;
   * the year in French and Spanish, where the Bank writes "exercice 25" and "ejercicio de 2025", and
   * the messages that take it say "exercice" / "ejercicio" themselves.
   */
  fiscalYear: (year: number) => fiscalYearLabel(year),
  colIncomeGroup: (fiscalYear: string) => `Income group (${fiscalYear})`,
  notClassified: 'Not classified',
  sourcesLabel: 'Sources',
  licence: 'licence',

  countryKind: {
    country: 'Country or territory',
    non_iso: 'Non-ISO area',
    former: 'Former state',
    residual: 'Statistical category',
    aggregate: 'Publisher aggregate',
  } satisfies Record<AreaKind, string>,
  incomeGroups: {
    L: 'Low income',
    LM: 'Lower-middle income',
    UM: 'Upper-middle income',
    H: 'High income',
  } satisfies Record<IncomeGroup, string>,
  nameLanguages: {
    en: 'English',
    fr: 'French',
    es: 'Spanish',
    ar: 'Arabic',
    zh: 'Chinese',
    ru: 'Russian',
  } satisfies Record<NameLanguage, string>,

  breadcrumb: 'Breadcrumb',
  namesHeading: 'Names',
  namesCaption: 'Short and formal names in the six UN languages',
  colLanguage: 'Language',
  colShortName: 'Short name',
  colFormalName: 'Formal name',
  otherNames: 'Other names',
  codesHeading: 'Codes',
  isoAlpha2: 'ISO 3166-1 alpha-2',
  isoAlpha3: 'ISO 3166-1 alpha-3',
  isoNumeric: 'ISO 3166-1 numeric',
  areaCode: 'Code used by the data sources',
  m49Code: 'UN M49 code',
  aliases: 'Other codes used by sources',
  classificationsHeading: 'Classifications',
  m49Region: 'Region (UN M49)',
  m49Subregion: 'Sub-region',
  m49IntermediateRegion: 'Intermediate region',
  wbRegion: 'World Bank region',
  currentIncomeGroup: (fiscalYear: string) => `World Bank income group (${fiscalYear})`,
  ldc: 'Least developed country (LDC)',
  lldc: 'Landlocked developing country (LLDC)',
  sids: 'Small island developing State (SIDS)',
  note: 'Note',
  incomeHistoryHeading: 'Income group history',
  incomeHistoryLead: (first: string, last: string) =>
    `World Bank income classification for each fiscal year from ${first} to ${last}.`,
  incomeHistoryChartTitle: (name: string, first: string, last: string) =>
    `${name}: World Bank income group by fiscal year, ${first}–${last}`,
  incomeHistoryRun: (from: string, to: string, group: string) =>
    from === to ? `${from}: ${group}` : `${from}–${to}: ${group}`,
  incomeHistoryEmpty: 'The World Bank has never classified this area.',
  colFiscalYear: 'Fiscal year',
  colSourceValue: 'As printed in the source',
  colGniYear: 'GNI data year',
  legend: 'Legend',
  sourcesHeading: 'Sources',
  colPublisher: 'Publisher',
  colLicence: 'Licence',

  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped.',
  countryNotFoundTitle: 'Country not found',
  countryNotFoundText: (code: string) => `No country or area has the code “${code}”.`,
  backToCountries: 'Back to the list of countries',
  backToDatasets: 'Back to the list of datasets',
  backToLibrary: 'Back to the library',
  backHome: 'Go to the home page',
  ...DATAHUB_MESSAGES.en,
  ...LIBRARY_MESSAGES.en,
};

// The page dictionaries are spread into one: a key defined in both would silently take the last
// one's text (the data hub's "How to cite" once became the library's "Citation"). This fails to
// compile when they share a key.
type SharedKeys = keyof typeof DATAHUB_MESSAGES.en & keyof typeof LIBRARY_MESSAGES.en;
const dictionariesAreDisjoint: [SharedKeys] extends [never] ? true : SharedKeys = true;
void dictionariesAreDisjoint;

/** The shape every language must have: English's keys, with the same function signatures. */
export type Messages = typeof en;

const messages = {
  en,
  fr: {
    siteName: 'Bridges',
    siteTagline: 'Savoirs sur la migration et le développement',
    skipToContent: 'Aller au contenu principal',
    mainNavigation: 'Principale',
    navHome: 'Accueil',
    navCountries: 'Pays',
    navDataHub: 'Pôle de données',
    navLibrary: 'Bibliothèque de pratiques et de données probantes',
    navNetwork: 'Réseau',
    navScenarios: 'Modèles de scénarios',
    comingSoon: 'bientôt',
    languageSwitcher: 'Langue',
    footerSources: 'Chaque page cite les sources des données qu’elle présente, avec leur éditeur et leur licence.',
    footerApi: 'API ouverte',
    footerLicence: 'Bridges est un logiciel libre.',
    loading: 'Chargement…',
    errorTitle: 'Une erreur est survenue',
    networkError: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    yes: 'Oui',
    no: 'Non',
    notAvailable: 'non disponible',
    colon: '\u00a0: ',
    semicolon: '\u00a0; ',

    homeTitle: 'Une plateforme ouverte pour la communauté migration et développement',
    homeLead:
      'Bridges relie les données des éditeurs sur les migrations, les envois de fonds et leur coût, les déplacements forcés, l’aide et l’investissement aux programmes, politiques et accords du domaine et aux données probantes sur leurs effets, en anglais, en français et en espagnol\u00a0: chaque chiffre avec sa source.',
    homeQuestionsHeading: 'Partir d’une question',
    homeQuestions: {
      philippines: 'Où vivent les Philippins, qu’envoient-ils chez eux, et à quel coût\u00a0?',
      mexicoUsa: 'Combien de personnes nées au Mexique vivent aux États-Unis, et combien envoient-elles au pays\u00a0?',
      dependence: 'Quels pays dépendent le plus des envois de fonds\u00a0?',
      cost: 'Envoyer de l’argent au pays coûte-t-il de moins en moins cher\u00a0?',
      displaced: 'Quels pays accueillent les personnes déplacées de force\u00a0?',
      evidence: 'Que disent les études de ce qui marche, et où les données probantes manquent-elles\u00a0?',
    },
    homeCountriesCard:
      'Parcourir les pays et les zones avec leur région M49 des Nations Unies et leur catégorie de revenu de la Banque mondiale depuis l’exercice 1989.',
    homeComingCard: 'En construction.',
    homeModulesHeading: 'Modules',

    countriesTitle: 'Pays et zones',
    countriesLead:
      'Cherchez un nom dans n’importe quelle langue officielle de l’ONU, filtrez par région ou par catégorie de revenu, puis ouvrez un pays pour voir ses noms, ses codes et ses classifications.',
    search: 'Rechercher par nom',
    searchHint: 'Toute langue officielle de l’ONU\u00a0; accents et majuscules sont ignorés.',
    filters: 'Filtres',
    filterRegion: 'Région (M49 de l’ONU)',
    filterSubregion: 'Sous-région',
    filterIncomeGroup: 'Catégorie de revenu',
    filterFiscalYear: 'Exercice (Banque mondiale)',
    filterKind: 'Zones affichées',
    allRegions: 'Toutes les régions',
    allSubregions: 'Toutes les sous-régions',
    allIncomeGroups: 'Toutes les catégories',
    kindCountry: 'Pays et territoires ISO',
    kindAll: 'Toutes, y compris hors ISO',
    kindNonIso: 'Zones hors ISO',
    kindFormer: 'Anciens États',
    kindResidual: 'Catégories statistiques',
    clearFilters: 'Effacer la recherche et les filtres',
    resultCount: (n: number, lang: UiLanguage) => (n <= 1 ? `${n} résultat` : `${n.toLocaleString(lang)} résultats`),
    noResults: 'Aucun pays ni aucune zone ne correspond à cette recherche et à ces filtres.',
    tableCaption: (fiscalYear: string) =>
      `Pays et zones avec leur région M49 de l’ONU et leur catégorie de revenu de la Banque mondiale pour l’exercice ${fiscalYear}`,
    colName: 'Nom',
    colIso3: 'Code ISO3',
    colRegion: 'Région',
    fiscalYear: (year: number) => String(year),
    colIncomeGroup: (fiscalYear: string) => `Catégorie de revenu (exercice ${fiscalYear})`,
    notClassified: 'Non classé',
    sourcesLabel: 'Sources',
    licence: 'licence',

    countryKind: {
      country: 'Pays ou territoire',
      non_iso: 'Zone hors ISO',
      former: 'Ancien État',
      residual: 'Catégorie statistique',
      aggregate: 'Agrégat de l’éditeur',
    },
    incomeGroups: {
      L: 'Faible revenu',
      LM: 'Revenu intermédiaire, tranche inférieure',
      UM: 'Revenu intermédiaire, tranche supérieure',
      H: 'Revenu élevé',
    },
    nameLanguages: {
      en: 'Anglais',
      fr: 'Français',
      es: 'Espagnol',
      ar: 'Arabe',
      zh: 'Chinois',
      ru: 'Russe',
    },

    breadcrumb: 'Fil d’Ariane',
    namesHeading: 'Noms',
    namesCaption: 'Noms courts et noms officiels dans les six langues officielles de l’ONU',
    colLanguage: 'Langue',
    colShortName: 'Nom court',
    colFormalName: 'Nom officiel',
    otherNames: 'Autres noms',
    codesHeading: 'Codes',
    isoAlpha2: 'ISO 3166-1 alpha-2',
    isoAlpha3: 'ISO 3166-1 alpha-3',
    isoNumeric: 'ISO 3166-1 numérique',
    areaCode: 'Code utilisé par les sources de données',
    m49Code: 'Code M49 de l’ONU',
    aliases: 'Autres codes utilisés par les sources',
    classificationsHeading: 'Classifications',
    m49Region: 'Région (M49 de l’ONU)',
    m49Subregion: 'Sous-région',
    m49IntermediateRegion: 'Région intermédiaire',
    wbRegion: 'Région de la Banque mondiale',
    currentIncomeGroup: (fiscalYear: string) => `Catégorie de revenu de la Banque mondiale (exercice ${fiscalYear})`,
    ldc: 'Pays moins avancé (PMA)',
    lldc: 'Pays en développement sans littoral (PDSL)',
    sids: 'Petit État insulaire en développement (PEID)',
    note: 'Remarque',
    incomeHistoryHeading: 'Historique de la catégorie de revenu',
    incomeHistoryLead: (first: string, last: string) =>
      `Classification de la Banque mondiale selon le revenu pour chaque exercice, de ${first} à ${last}.`,
    incomeHistoryChartTitle: (name: string, first: string, last: string) =>
      `${name}\u00a0: catégorie de revenu de la Banque mondiale par exercice, ${first}–${last}`,
    incomeHistoryRun: (from: string, to: string, group: string) =>
      from === to ? `${from}\u00a0: ${group}` : `${from}–${to}\u00a0: ${group}`,
    incomeHistoryEmpty: 'La Banque mondiale n’a jamais classé cette zone.',
    colFiscalYear: 'Exercice',
    colSourceValue: 'Valeur telle qu’imprimée dans la source',
    colGniYear: 'Année des données de RNB',
    legend: 'Légende',
    sourcesHeading: 'Sources',
    colPublisher: 'Éditeur',
    colLicence: 'Licence',

    notFoundTitle: 'Page introuvable',
    notFoundText:
      'Aucune page ne se trouve à cette adresse. Elle a peut-être été déplacée, ou le lien contient une faute de frappe.',
    countryNotFoundTitle: 'Pays introuvable',
    countryNotFoundText: (code: string) => `Aucun pays ni aucune zone n’a le code «\u00a0${code}\u00a0».`,
    backToCountries: 'Retour à la liste des pays',
    backToDatasets: 'Retour à la liste des jeux de données',
    backToLibrary: 'Retour à la bibliothèque',
    backHome: 'Aller à la page d’accueil',
    ...DATAHUB_MESSAGES.fr,
    ...LIBRARY_MESSAGES.fr,
  },
  es: {
    siteName: 'Bridges',
    siteTagline: 'Conocimiento sobre migración y desarrollo',
    skipToContent: 'Saltar al contenido principal',
    mainNavigation: 'Principal',
    navHome: 'Inicio',
    navCountries: 'Países',
    navDataHub: 'Centro de datos',
    navLibrary: 'Biblioteca de prácticas y evidencia',
    navNetwork: 'Red',
    navScenarios: 'Modelos de escenarios',
    comingSoon: 'próximamente',
    languageSwitcher: 'Idioma',
    footerSources: 'Cada página cita las fuentes de los datos que muestra, con su editor y su licencia.',
    footerApi: 'API abierta',
    footerLicence: 'Bridges es software de código abierto.',
    loading: 'Cargando…',
    errorTitle: 'Se produjo un error',
    networkError: 'No se pudo contactar con el servidor. Compruebe su conexión e inténtelo de nuevo.',
    yes: 'Sí',
    no: 'No',
    notAvailable: 'no disponible',
    colon: ': ',
    semicolon: '; ',

    homeTitle: 'Una plataforma abierta para la comunidad de migración y desarrollo',
    homeLead:
      'Bridges une los datos de los editores sobre migración, remesas y lo que cuesta enviarlas, desplazamiento forzado, ayuda e inversión con los programas, políticas y acuerdos del ámbito y la evidencia de sus efectos, en inglés, francés y español: cada cifra con su fuente.',
    homeQuestionsHeading: 'Empezar por una pregunta',
    homeQuestions: {
      philippines: '¿Dónde viven los filipinos, cuánto envían a su país y cuánto les cuesta?',
      mexicoUsa: '¿Cuántas personas nacidas en México viven en los Estados Unidos, y cuánto envían a su país?',
      dependence: '¿Qué países dependen más de las remesas?',
      cost: '¿Enviar dinero al país es cada vez más barato?',
      displaced: '¿Qué países acogen a las personas desplazadas por la fuerza?',
      evidence: '¿Qué dicen los estudios sobre lo que funciona, y dónde falta evidencia?',
    },
    homeCountriesCard:
      'Consulte los países y zonas con su región M49 de las Naciones Unidas y su grupo de ingreso del Banco Mundial desde el ejercicio 1989.',
    homeComingCard: 'En construcción.',
    homeModulesHeading: 'Módulos',

    countriesTitle: 'Países y zonas',
    countriesLead:
      'Busque un nombre en cualquier idioma oficial de la ONU, filtre por región o por grupo de ingreso y abra un país para ver sus nombres, códigos y clasificaciones.',
    search: 'Buscar por nombre',
    searchHint: 'Cualquier idioma oficial de la ONU; no distingue acentos ni mayúsculas.',
    filters: 'Filtros',
    filterRegion: 'Región (M49 de la ONU)',
    filterSubregion: 'Subregión',
    filterIncomeGroup: 'Grupo de ingreso',
    filterFiscalYear: 'Ejercicio (Banco Mundial)',
    filterKind: 'Zonas mostradas',
    allRegions: 'Todas las regiones',
    allSubregions: 'Todas las subregiones',
    allIncomeGroups: 'Todos los grupos',
    kindCountry: 'Países y territorios ISO',
    kindAll: 'Todas, incluidas las no ISO',
    kindNonIso: 'Zonas no ISO',
    kindFormer: 'Estados desaparecidos',
    kindResidual: 'Categorías estadísticas',
    clearFilters: 'Borrar la búsqueda y los filtros',
    resultCount: (n: number, lang: UiLanguage) => (n === 1 ? '1 resultado' : `${n.toLocaleString(lang)} resultados`),
    noResults: 'Ningún país ni zona coincide con esta búsqueda y estos filtros.',
    tableCaption: (fiscalYear: string) =>
      `Países y zonas con su región M49 de la ONU y su grupo de ingreso del Banco Mundial en el ejercicio ${fiscalYear}`,
    colName: 'Nombre',
    colIso3: 'Código ISO3',
    colRegion: 'Región',
    fiscalYear: (year: number) => String(year),
    colIncomeGroup: (fiscalYear: string) => `Grupo de ingreso (ejercicio ${fiscalYear})`,
    notClassified: 'Sin clasificar',
    sourcesLabel: 'Fuentes',
    licence: 'licencia',

    countryKind: {
      country: 'País o territorio',
      non_iso: 'Zona no ISO',
      former: 'Estado desaparecido',
      residual: 'Categoría estadística',
      aggregate: 'Agregado del editor',
    },
    incomeGroups: {
      L: 'Ingreso bajo',
      LM: 'Ingreso mediano bajo',
      UM: 'Ingreso mediano alto',
      H: 'Ingreso alto',
    },
    nameLanguages: {
      en: 'Inglés',
      fr: 'Francés',
      es: 'Español',
      ar: 'Árabe',
      zh: 'Chino',
      ru: 'Ruso',
    },

    breadcrumb: 'Ruta de navegación',
    namesHeading: 'Nombres',
    namesCaption: 'Nombres cortos y oficiales en los seis idiomas oficiales de la ONU',
    colLanguage: 'Idioma',
    colShortName: 'Nombre corto',
    colFormalName: 'Nombre oficial',
    otherNames: 'Otros nombres',
    codesHeading: 'Códigos',
    isoAlpha2: 'ISO 3166-1 alfa-2',
    isoAlpha3: 'ISO 3166-1 alfa-3',
    isoNumeric: 'ISO 3166-1 numérico',
    areaCode: 'Código utilizado por las fuentes de datos',
    m49Code: 'Código M49 de la ONU',
    aliases: 'Otros códigos utilizados por las fuentes',
    classificationsHeading: 'Clasificaciones',
    m49Region: 'Región (M49 de la ONU)',
    m49Subregion: 'Subregión',
    m49IntermediateRegion: 'Región intermedia',
    wbRegion: 'Región del Banco Mundial',
    currentIncomeGroup: (fiscalYear: string) => `Grupo de ingreso del Banco Mundial (ejercicio ${fiscalYear})`,
    ldc: 'País menos adelantado (PMA)',
    lldc: 'País en desarrollo sin litoral (PDSL)',
    sids: 'Pequeño Estado insular en desarrollo (PEID)',
    note: 'Nota',
    incomeHistoryHeading: 'Historial del grupo de ingreso',
    incomeHistoryLead: (first: string, last: string) =>
      `Clasificación del Banco Mundial según el ingreso para cada ejercicio, de ${first} a ${last}.`,
    incomeHistoryChartTitle: (name: string, first: string, last: string) =>
      `${name}: grupo de ingreso del Banco Mundial por ejercicio, ${first}–${last}`,
    incomeHistoryRun: (from: string, to: string, group: string) =>
      from === to ? `${from}: ${group}` : `${from}–${to}: ${group}`,
    incomeHistoryEmpty: 'El Banco Mundial nunca ha clasificado esta zona.',
    colFiscalYear: 'Ejercicio',
    colSourceValue: 'Valor tal como figura en la fuente',
    colGniYear: 'Año de los datos del INB',
    legend: 'Leyenda',
    sourcesHeading: 'Fuentes',
    colPublisher: 'Editor',
    colLicence: 'Licencia',

    notFoundTitle: 'Página no encontrada',
    notFoundText: 'No hay ninguna página en esta dirección. Puede que se haya movido o que el enlace tenga un error.',
    countryNotFoundTitle: 'País no encontrado',
    countryNotFoundText: (code: string) => `Ningún país ni zona tiene el código «${code}».`,
    backToCountries: 'Volver a la lista de países',
    backToDatasets: 'Volver a la lista de conjuntos de datos',
    backToLibrary: 'Volver a la biblioteca',
    backHome: 'Ir a la página de inicio',
    ...DATAHUB_MESSAGES.es,
    ...LIBRARY_MESSAGES.es,
  },
} satisfies Record<UiLanguage, Messages>;

/** Native names of the UI languages, shown in the language switcher whatever the current language. */
export const LANGUAGE_NATIVE_NAMES: Record<UiLanguage, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
};

/** The UI language of the current page; provided once by the shell from the `lang` URL parameter. */
export const LanguageContext = createContext<UiLanguage>('en');

/** The current UI language (also the language in which the API is asked for country names). */
export function useLang(): UiLanguage {
  return useContext(LanguageContext);
}

/** The UI strings of the current language. */
export function useT(): Messages {
  return messages[useLang()];
}

/** The UI strings of a given language, for code outside React components. */
export function messagesFor(lang: UiLanguage): Messages {
  return messages[lang];
}
