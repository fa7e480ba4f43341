/**
 * UN M49 region, sub-region and intermediate-region names in French and Spanish, as the United
 * Nations Statistics Division writes them in its M49 standard, by M49 code. The bundled M49 file is
 * the English edition, so the UI translates the regions with this table (a code it does not know is
 * shown in English and marked `lang="en"`), the rankings name their regional groups with it in the
 * language asked, and the UN DESA importer names the regions of its workbook with it.
 */
export const M49_NAMES: Readonly<Record<'fr' | 'es', Readonly<Record<string, string>>>> = {
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

/** UN DESA's location codes of M49 continents and regions (its workbooks use their own 9xx codes). */
const UNDESA_M49: Readonly<Record<number, string>> = {
  903: '002',
  904: '419',
  905: '021',
  906: '030',
  908: '150',
  909: '009',
  910: '014',
  911: '017',
  912: '015',
  913: '018',
  914: '011',
  915: '029',
  916: '013',
  920: '035',
  922: '145',
  923: '151',
  924: '154',
  925: '039',
  926: '155',
  927: '053',
  928: '054',
  931: '005',
  935: '142',
  947: '202',
  954: '057',
  957: '061',
  5500: '143',
  5501: '034',
};

/**
 * UN DESA's other aggregates (World, SDG regions, development and income groups), in Bridges'
 * French and Spanish after the UN's own usage. The SDG regions say so, where an M49 region has the
 * same name (UN DESA's 1830 "Latin America and the Caribbean" beside 904, its M49 namesake).
 */
const UNDESA_OTHER: Readonly<Record<number, { fr: string; es: string }>> = {
  900: { fr: 'Monde', es: 'Mundo' },
  901: { fr: 'Régions développées', es: 'Regiones desarrolladas' },
  902: { fr: 'Régions moins développées', es: 'Regiones menos desarrolladas' },
  921: { fr: 'Asie centrale et Asie du Sud (région ODD)', es: 'Asia central y meridional (región de los ODS)' },
  934: {
    fr: 'Régions moins développées, hors pays les moins avancés',
    es: 'Regiones menos desarrolladas, excluidos los países menos adelantados',
  },
  941: { fr: 'Pays les moins avancés', es: 'Países menos adelantados' },
  948: { fr: 'Régions moins développées, hors Chine', es: 'Regiones menos desarrolladas, excluida China' },
  1500: { fr: 'Pays à faible revenu', es: 'Países de ingreso bajo' },
  1501: { fr: 'Pays à revenu intermédiaire, tranche inférieure', es: 'Países de ingreso mediano bajo' },
  1502: { fr: 'Pays à revenu intermédiaire, tranche supérieure', es: 'Países de ingreso mediano alto' },
  1503: { fr: 'Pays à revenu élevé', es: 'Países de ingreso alto' },
  1517: { fr: 'Pays à revenu intermédiaire', es: 'Países de ingreso mediano' },
  1636: { fr: 'Pays en développement sans littoral (PDSL)', es: 'Países en desarrollo sin litoral (PDSL)' },
  1637: {
    fr: 'Petits États insulaires en développement (PEID)',
    es: 'Pequeños Estados insulares en desarrollo (PEID)',
  },
  1829: { fr: 'Europe et Amérique du Nord (région ODD)', es: 'Europa y América del Norte (región de los ODS)' },
  1830: { fr: 'Amérique latine et Caraïbes (région ODD)', es: 'América Latina y el Caribe (región de los ODS)' },
  1832: { fr: 'Asie de l’Est et du Sud-Est (région ODD)', es: 'Asia oriental y sudoriental (región de los ODS)' },
  1833: {
    fr: 'Afrique du Nord et Asie occidentale (région ODD)',
    es: 'África septentrional y Asia occidental (región de los ODS)',
  },
  1835: {
    fr: 'Océanie hors Australie et Nouvelle-Zélande (région ODD)',
    es: 'Oceanía excepto Australia y Nueva Zelandia (región de los ODS)',
  },
};

/**
 * UN DESA's aggregates whose workbook name does not read as a name in English: World and the
 * continents, printed in capitals as the workbook's headings ("OCEANIA"), and the SDG regions, said
 * to be so as in French and Spanish (the SDG region 1830 beside its M49 namesake 904, both "Latin
 * America and the Caribbean" in the workbook). The words are the UN's own (M49, the SDG regions).
 */
const UNDESA_ENGLISH: Readonly<Record<number, string>> = {
  900: 'World',
  903: 'Africa',
  904: 'Latin America and the Caribbean',
  905: 'Northern America',
  908: 'Europe',
  909: 'Oceania',
  935: 'Asia',
  921: 'Central and Southern Asia (SDG region)',
  1829: 'Europe and Northern America (SDG region)',
  1830: 'Latin America and the Caribbean (SDG region)',
  1832: 'Eastern and South-Eastern Asia (SDG region)',
  1833: 'Northern Africa and Western Asia (SDG region)',
  1835: 'Oceania excluding Australia and New Zealand (SDG region)',
};

/**
 * A UN DESA aggregate's English name, by its location code: the workbook's (`printed`), except
 * where it is in capitals or shared with an M49 region (UNDESA_ENGLISH). Codes and figures are the
 * workbook's either way.
 */
export function undesaAggregateEnglishName(code: number, printed: string): string {
  return UNDESA_ENGLISH[code] ?? printed;
}

/** A UN DESA aggregate's names in French and Spanish, by its location code; undefined if unknown. */
export function undesaAggregateNames(code: number): { fr: string; es: string } | undefined {
  const m49 = UNDESA_M49[code];
  if (m49) {
    const fr = M49_NAMES.fr[m49];
    const es = M49_NAMES.es[m49];
    return fr && es ? { fr, es } : undefined;
  }
  return UNDESA_OTHER[code];
}
