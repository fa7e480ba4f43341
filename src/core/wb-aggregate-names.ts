/**
 * French and Spanish names of the World Bank's aggregates, by the English name the WDI files print
 * (so a region renamed in one release, like July 2024's "Middle East, North Africa, Afghanistan &
 * Pakistan", is named for what it is). Bridges' translations, in the wording of the World Bank's
 * French and Spanish data sites and of the income groups the UI names; an English name this table
 * does not know keeps its English name in every language. Zod-free: the UI names the World Bank
 * regions of its country pages with it too.
 */
export const WB_AGGREGATE_NAMES: Readonly<Record<string, { fr: string; es: string }>> = {
  World: { fr: 'Monde', es: 'Mundo' },
  'Low income': { fr: 'Faible revenu', es: 'Ingreso bajo' },
  'Lower middle income': { fr: 'Revenu intermédiaire, tranche inférieure', es: 'Ingreso mediano bajo' },
  'Upper middle income': { fr: 'Revenu intermédiaire, tranche supérieure', es: 'Ingreso mediano alto' },
  'High income': { fr: 'Revenu élevé', es: 'Ingreso alto' },
  'Middle income': { fr: 'Revenu intermédiaire', es: 'Ingreso mediano' },
  'Low & middle income': { fr: 'Revenu faible et intermédiaire', es: 'Ingreso bajo y mediano' },
  'East Asia & Pacific': { fr: 'Asie de l’Est et Pacifique', es: 'Asia oriental y el Pacífico' },
  'East Asia & Pacific (excluding high income)': {
    fr: 'Asie de l’Est et Pacifique (hors revenu élevé)',
    es: 'Asia oriental y el Pacífico (excluido ingreso alto)',
  },
  'East Asia & Pacific (IDA & IBRD countries)': {
    fr: 'Asie de l’Est et Pacifique (pays IDA et BIRD)',
    es: 'Asia oriental y el Pacífico (países de la AIF y del BIRF)',
  },
  'Europe & Central Asia': { fr: 'Europe et Asie centrale', es: 'Europa y Asia central' },
  'Europe & Central Asia (excluding high income)': {
    fr: 'Europe et Asie centrale (hors revenu élevé)',
    es: 'Europa y Asia central (excluido ingreso alto)',
  },
  'Europe & Central Asia (IDA & IBRD countries)': {
    fr: 'Europe et Asie centrale (pays IDA et BIRD)',
    es: 'Europa y Asia central (países de la AIF y del BIRF)',
  },
  'Latin America & Caribbean': { fr: 'Amérique latine et Caraïbes', es: 'América Latina y el Caribe' },
  'Latin America & Caribbean (excluding high income)': {
    fr: 'Amérique latine et Caraïbes (hors revenu élevé)',
    es: 'América Latina y el Caribe (excluido ingreso alto)',
  },
  'Latin America & the Caribbean (IDA & IBRD countries)': {
    fr: 'Amérique latine et Caraïbes (pays IDA et BIRD)',
    es: 'América Latina y el Caribe (países de la AIF y del BIRF)',
  },
  'Middle East & North Africa': { fr: 'Moyen-Orient et Afrique du Nord', es: 'Oriente Medio y Norte de África' },
  'Middle East & North Africa (excluding high income)': {
    fr: 'Moyen-Orient et Afrique du Nord (hors revenu élevé)',
    es: 'Oriente Medio y Norte de África (excluido ingreso alto)',
  },
  'Middle East & North Africa (IDA & IBRD countries)': {
    fr: 'Moyen-Orient et Afrique du Nord (pays IDA et BIRD)',
    es: 'Oriente Medio y Norte de África (países de la AIF y del BIRF)',
  },
  'Middle East, North Africa, Afghanistan & Pakistan': {
    fr: 'Moyen-Orient, Afrique du Nord, Afghanistan et Pakistan',
    es: 'Oriente Medio, Norte de África, Afganistán y Pakistán',
  },
  'North America': { fr: 'Amérique du Nord', es: 'América del Norte' },
  'South Asia': { fr: 'Asie du Sud', es: 'Asia meridional' },
  'South Asia (IDA & IBRD)': { fr: 'Asie du Sud (IDA et BIRD)', es: 'Asia meridional (AIF y BIRF)' },
  'Sub-Saharan Africa': { fr: 'Afrique subsaharienne', es: 'África al sur del Sahara' },
  'Sub-Saharan Africa (excluding high income)': {
    fr: 'Afrique subsaharienne (hors revenu élevé)',
    es: 'África al sur del Sahara (excluido ingreso alto)',
  },
  'Sub-Saharan Africa (IDA & IBRD countries)': {
    fr: 'Afrique subsaharienne (pays IDA et BIRD)',
    es: 'África al sur del Sahara (países de la AIF y del BIRF)',
  },
  'Africa Eastern and Southern': { fr: 'Afrique de l’Est et australe', es: 'África oriental y meridional' },
  'Africa Western and Central': { fr: 'Afrique de l’Ouest et centrale', es: 'África occidental y central' },
  'Arab World': { fr: 'Monde arabe', es: 'Mundo árabe' },
  'Central Europe and the Baltics': { fr: 'Europe centrale et pays baltes', es: 'Europa Central y el Báltico' },
  'Euro area': { fr: 'Zone euro', es: 'Zona del euro' },
  'European Union': { fr: 'Union européenne', es: 'Unión Europea' },
  'OECD members': { fr: 'Membres de l’OCDE', es: 'Miembros de la OCDE' },
  'Small states': { fr: 'Petits États', es: 'Pequeños Estados' },
  'Caribbean small states': { fr: 'Petits États des Caraïbes', es: 'Pequeños Estados del Caribe' },
  'Pacific island small states': {
    fr: 'Petits États insulaires du Pacifique',
    es: 'Pequeños Estados insulares del Pacífico',
  },
  'Other small states': { fr: 'Autres petits États', es: 'Otros Estados pequeños' },
  'Fragile and conflict affected situations': {
    fr: 'Situations de fragilité et de conflit',
    es: 'Situaciones de fragilidad y conflicto',
  },
  'Heavily indebted poor countries (HIPC)': {
    fr: 'Pays pauvres très endettés (PPTE)',
    es: 'Países pobres muy endeudados (PPME)',
  },
  'Least developed countries: UN classification': {
    fr: 'Pays les moins avancés (classification de l’ONU)',
    es: 'Países menos adelantados (clasificación de las Naciones Unidas)',
  },
  'IBRD only': { fr: 'BIRD seulement', es: 'Solo BIRF' },
  'IDA only': { fr: 'IDA seulement', es: 'Solo AIF' },
  'IDA blend': { fr: 'IDA mixte', es: 'AIF combinado' },
  'IDA total': { fr: 'IDA total', es: 'AIF total' },
  'IDA & IBRD total': { fr: 'IDA et BIRD total', es: 'AIF y BIRF total' },
  'Pre-demographic dividend': { fr: 'Dividende pré-démographique', es: 'Dividendo predemográfico' },
  'Early-demographic dividend': { fr: 'Dividende démographique précoce', es: 'Dividendo demográfico temprano' },
  'Late-demographic dividend': { fr: 'Dividende démographique tardif', es: 'Dividendo demográfico tardío' },
  'Post-demographic dividend': { fr: 'Dividende post-démographique', es: 'Dividendo posdemográfico' },
};
