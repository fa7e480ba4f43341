/**
 * Bridges' French and Spanish names of what its figures are about: the bundled indicators, their
 * units, the sexes and the SDMX concepts and codes every dataflow has, written once for the API's answers in other languages than English (the
 * SDMX names) and the explorer (src/web/i18n-datahub.ts takes its names from here);
 * tests/i18n/indicator-names.test.ts checks every bundled indicator and unit has one. A key these tables do not know (a user's own
 * indicator or unit) has its English name only: nothing here is translated on the fly. Zod-free.
 */

/** The languages Bridges translates its own words into (the UI languages but English). */
export type TranslatedLanguage = 'fr' | 'es';
export const TRANSLATED_LANGUAGES: readonly TranslatedLanguage[] = ['fr', 'es'];

type Translations = Readonly<Record<TranslatedLanguage, Readonly<Record<string, string>>>>;

/** The bundled indicators' names, by indicator id. */
export const INDICATOR_NAMES: Translations = {
  fr: {
    migrant_stock: 'Stock de migrants internationaux',
    migrant_stock_total: 'Stock de migrants internationaux, total par destination',
    migrant_share_pct: 'Migrants internationaux en part de la population',
    population_thousands: 'Population totale (DAES de l’ONU)',
    population: 'Population totale (WDI SP.POP.TOTL)',
    remittance_bilateral_usd_m: 'Estimation bilatérale des envois de fonds',
    remittance_inflows_usd_m: 'Envois de fonds reçus (KNOMAD)',
    remittance_inflows_pct_gdp: 'Envois de fonds reçus, part du PIB (KNOMAD)',
    remittances_received_usd: 'Envois de fonds personnels reçus (WDI BX.TRF.PWKR.CD.DT)',
    remittances_paid_usd: 'Envois de fonds personnels versés (WDI BM.TRF.PWKR.CD.DT)',
    fdi_inflows_usd: 'Investissements directs étrangers, entrées nettes (WDI BX.KLT.DINV.CD.WD)',
    fdi_outflows_usd: 'Investissements directs étrangers, sorties nettes (WDI BM.KLT.DINV.CD.WD)',
    gdp_usd: 'PIB (WDI NY.GDP.MKTP.CD)',
    oda_received_usd_m: 'APD nette reçue de tous les donneurs (CAD de l’OCDE, DAC2A)',
    remittance_cost_pct: 'Coût total moyen d’un envoi de fonds',
    remittance_fx_margin_pct: 'Marge de change sur les envois de fonds',
    remittance_providers: 'Prestataires de services d’envoi de fonds relevés dans le corridor',
    forcibly_displaced: 'Personnes déplacées de force et apatrides (HCR)',
    dioc_emigrants: 'Émigrés vivant dans les pays de l’OCDE (DIOC 2015/16)',
  },
  es: {
    migrant_stock: 'Stock de migrantes internacionales',
    migrant_stock_total: 'Stock de migrantes internacionales, total por destino',
    migrant_share_pct: 'Migrantes internacionales como porcentaje de la población',
    population_thousands: 'Población total (DAES de la ONU)',
    population: 'Población total (WDI SP.POP.TOTL)',
    remittance_bilateral_usd_m: 'Estimación bilateral de remesas',
    remittance_inflows_usd_m: 'Remesas recibidas (KNOMAD)',
    remittance_inflows_pct_gdp: 'Remesas recibidas, porcentaje del PIB (KNOMAD)',
    remittances_received_usd: 'Remesas personales recibidas (WDI BX.TRF.PWKR.CD.DT)',
    remittances_paid_usd: 'Remesas personales pagadas (WDI BM.TRF.PWKR.CD.DT)',
    fdi_inflows_usd: 'Inversión extranjera directa, entrada neta (WDI BX.KLT.DINV.CD.WD)',
    fdi_outflows_usd: 'Inversión extranjera directa, salida neta (WDI BM.KLT.DINV.CD.WD)',
    gdp_usd: 'PIB (WDI NY.GDP.MKTP.CD)',
    oda_received_usd_m: 'AOD neta recibida de todos los donantes (CAD de la OCDE, DAC2A)',
    remittance_cost_pct: 'Costo total promedio de enviar remesas',
    remittance_fx_margin_pct: 'Margen cambiario de las remesas',
    remittance_providers: 'Proveedores de servicios de remesas relevados en el corredor',
    forcibly_displaced: 'Personas desplazadas por la fuerza y apátridas (ACNUR)',
    dioc_emigrants: 'Emigrantes que viven en países de la OCDE (DIOC 2015/16)',
  },
};

/** The units the bundled indicators are printed in, by their English name. */
export const UNIT_NAMES: Translations = {
  fr: {
    'US$ millions': 'millions de dollars US',
    'current US$': 'dollars US courants',
    'percent of amount sent': 'pourcentage du montant envoyé',
    percent: 'pourcentage',
    'percent of GDP': 'pourcentage du PIB',
    persons: 'personnes',
    providers: 'prestataires',
    'thousands of persons': 'milliers de personnes',
  },
  es: {
    'US$ millions': 'millones de US$',
    'current US$': 'US$ corrientes',
    'percent of amount sent': 'porcentaje del monto enviado',
    percent: 'porcentaje',
    'percent of GDP': 'porcentaje del PIB',
    persons: 'personas',
    providers: 'proveedores',
    'thousands of persons': 'miles de personas',
  },
};

/**
 * The units of the shares Bridges computes in a country's profile (a partner's share of all the
 * country's emigrants, of the sum over the matrix's senders), by their English name.
 */
export const SHARE_UNIT_NAMES: Translations = {
  fr: {
    'percent of all emigrants': 'pourcentage de l’ensemble des émigrés',
    'percent of all immigrants': 'pourcentage de l’ensemble des immigrés',
    'percent of the sum over all sending countries in the matrix':
      'pourcentage de la somme sur tous les pays d’envoi de la matrice',
  },
  es: {
    'percent of all emigrants': 'porcentaje del total de emigrantes',
    'percent of all immigrants': 'porcentaje del total de inmigrantes',
    'percent of the sum over all sending countries in the matrix':
      'porcentaje de la suma sobre todos los países de envío de la matriz',
  },
};

/** The sexes by SDMX code (`_T` both sexes), and the word for the dimension itself (`SEX`). */
export const SEX_NAMES: Readonly<Record<TranslatedLanguage, Readonly<Record<'_T' | 'F' | 'M' | 'SEX', string>>>> = {
  fr: { _T: 'Total', F: 'Femmes', M: 'Hommes', SEX: 'Sexe' },
  es: { _T: 'Total', F: 'Mujeres', M: 'Hombres', SEX: 'Sexo' },
};

/**
 * The SDMX concepts every Bridges dataflow has, and the codes of their fixed codelists
 * (`FREQ.A`, `OBS_STATUS.E`), as SDMX's own cross-domain code lists name them in French and Spanish.
 */
export const SDMX_NAMES: Translations = {
  fr: {
    FREQ: 'Fréquence',
    'FREQ.A': 'Annuelle',
    'FREQ.S': 'Semestrielle',
    'FREQ.Q': 'Trimestrielle',
    REF_AREA: 'Zone de référence',
    COUNTERPART_AREA: 'Zone partenaire',
    TIME_PERIOD: 'Période',
    OBS_VALUE: 'Valeur de l’observation',
    OBS_STATUS: 'Statut de l’observation',
    'OBS_STATUS.A': 'Valeur normale',
    'OBS_STATUS.E': 'Valeur estimée',
    'OBS_STATUS.P': 'Valeur provisoire',
    'OBS_STATUS.I': 'Valeur imputée',
    'OBS_STATUS.F': 'Valeur prévue',
    OBS_FLAGS: 'Codes de la source',
    COMMENT_OBS: 'Commentaire sur l’observation',
    UNIT_MEASURE: 'Unité de mesure',
    PUBLISHER: 'Éditeur',
    LICENCE: 'Licence',
    CITATION: 'Citation',
  },
  es: {
    FREQ: 'Frecuencia',
    'FREQ.A': 'Anual',
    'FREQ.S': 'Semestral',
    'FREQ.Q': 'Trimestral',
    REF_AREA: 'Área de referencia',
    COUNTERPART_AREA: 'Área de contrapartida',
    TIME_PERIOD: 'Período',
    OBS_VALUE: 'Valor de la observación',
    OBS_STATUS: 'Estado de la observación',
    'OBS_STATUS.A': 'Valor normal',
    'OBS_STATUS.E': 'Valor estimado',
    'OBS_STATUS.P': 'Valor provisional',
    'OBS_STATUS.I': 'Valor imputado',
    'OBS_STATUS.F': 'Valor previsto',
    OBS_FLAGS: 'Códigos de la fuente',
    COMMENT_OBS: 'Comentario sobre la observación',
    UNIT_MEASURE: 'Unidad de medida',
    PUBLISHER: 'Editor',
    LICENCE: 'Licencia',
    CITATION: 'Cita',
  },
};

/**
 * A text by language: English as given, and each translated language that `table` has a name in
 * for `key`. `{ en: 'persons', fr: 'personnes', es: 'personas' }`; `{ en: 'my unit' }` for a key it
 * does not know.
 */
export function namesByLanguage(table: Translations, key: string, english: string): Record<string, string> {
  const names: Record<string, string> = { en: english };
  for (const lang of TRANSLATED_LANGUAGES) {
    const name = Object.hasOwn(table[lang], key) ? table[lang][key] : undefined;
    if (name) names[lang] = name;
  }
  return names;
}

/**
 * A unit in `lang`, as the CSVs of the API and of the charts write it: Bridges' French or Spanish
 * name of a bundled unit or of a share it computes, otherwise the unit as given (English, or a
 * user's own unit).
 */
export function unitName(unit: string, lang: string): string {
  return lang === 'fr' || lang === 'es' ? (UNIT_NAMES[lang][unit] ?? SHARE_UNIT_NAMES[lang][unit] ?? unit) : unit;
}
