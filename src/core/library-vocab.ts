/**
 * The practice & evidence library's controlled vocabularies, with their labels in the UI
 * languages. Zod-free, so the UI imports them at run time; src/core/library.ts builds the schemas
 * from the same lists. A code is stored; a label is shown.
 */
import type { UiLanguage } from './languages.js';

export interface Term {
  code: string;
  label: Record<UiLanguage, string>;
  /** Where the list comes from, or a short explanation shown as a tooltip. */
  note?: string;
}

function terms<const C extends string>(list: readonly { code: C; label: Record<UiLanguage, string>; note?: string }[]) {
  return list;
}

/** Codes of a vocabulary, as a tuple zod's enum accepts. */
export function codesOf<const T extends readonly { code: string }[]>(
  list: T,
): [T[number]['code'], ...T[number]['code'][]] {
  return list.map((t) => t.code) as [T[number]['code'], ...T[number]['code'][]];
}

/** What kind of thing a library record describes. */
/** The years the library takes: a record's, a study's, and the gap map's bounds. */
export const LIBRARY_YEARS = { min: 1900, max: 2100 } as const;

export const RECORD_KINDS = terms([
  {
    code: 'programme',
    label: { en: 'Programme or initiative', fr: 'Programme ou initiative', es: 'Programa o iniciativa' },
  },
  { code: 'policy', label: { en: 'Policy', fr: 'Politique', es: 'Política' } },
  { code: 'agreement', label: { en: 'Agreement', fr: 'Accord', es: 'Acuerdo' } },
  {
    code: 'institution',
    label: {
      en: 'Institution or coordination mechanism',
      fr: 'Institution ou mécanisme de coordination',
      es: 'Institución o mecanismo de coordinación',
    },
  },
  { code: 'guideline', label: { en: 'Guideline', fr: 'Ligne directrice', es: 'Directriz' } },
]);

/** The reach of an agreement (records of kind `agreement` only). */
export const AGREEMENT_SCOPES = terms([
  { code: 'bilateral', label: { en: 'Bilateral', fr: 'Bilatéral', es: 'Bilateral' } },
  { code: 'regional', label: { en: 'Regional', fr: 'Régional', es: 'Regional' } },
  { code: 'multilateral', label: { en: 'Multilateral', fr: 'Multilatéral', es: 'Multilateral' } },
]);

export const RECORD_STATUSES = terms([
  { code: 'planned', label: { en: 'Planned', fr: 'Prévu', es: 'Previsto' } },
  { code: 'active', label: { en: 'Active', fr: 'En cours', es: 'En curso' } },
  { code: 'completed', label: { en: 'Completed', fr: 'Achevé', es: 'Concluido' } },
  { code: 'discontinued', label: { en: 'Discontinued', fr: 'Interrompu', es: 'Interrumpido' } },
  { code: 'unknown', label: { en: 'Status unknown', fr: 'Statut inconnu', es: 'Estado desconocido' } },
]);

/** A country's role in a record: where migrants come from, pass through, or go to. */
export const COUNTRY_ROLES = terms([
  { code: 'origin', label: { en: 'Origin', fr: 'Origine', es: 'Origen' } },
  { code: 'transit', label: { en: 'Transit', fr: 'Transit', es: 'Tránsito' } },
  { code: 'destination', label: { en: 'Destination', fr: 'Destination', es: 'Destino' } },
]);

export const ORGANISATION_TYPES = terms([
  { code: 'government', label: { en: 'Government', fr: 'Gouvernement', es: 'Gobierno' } },
  {
    code: 'international_organisation',
    label: { en: 'International organisation', fr: 'Organisation internationale', es: 'Organización internacional' },
  },
  { code: 'civil_society', label: { en: 'Civil society', fr: 'Société civile', es: 'Sociedad civil' } },
  { code: 'academia', label: { en: 'Academia', fr: 'Milieu universitaire', es: 'Academia' } },
  { code: 'private_sector', label: { en: 'Private sector', fr: 'Secteur privé', es: 'Sector privado' } },
]);

/** An organisation's part in a record. */
export const ORGANISATION_ROLES = terms([
  { code: 'implementing', label: { en: 'Implementing', fr: 'Mise en œuvre', es: 'Ejecución' } },
  { code: 'funding', label: { en: 'Funding', fr: 'Financement', es: 'Financiación' } },
]);

/** The three kinds of policy that shape migration and development, as the GFMD session (003) frames them. */
export const INSTRUMENTS = terms([
  {
    code: 'migration_policy',
    label: {
      en: 'Migration policy narrowly conceived',
      fr: 'Politique migratoire au sens strict',
      es: 'Política migratoria en sentido estricto',
    },
  },
  {
    code: 'international_agreement',
    label: { en: 'International agreement', fr: 'Accord international', es: 'Acuerdo internacional' },
  },
  {
    code: 'non_migration_policy',
    label: {
      en: 'Non-migration policy that affects migration',
      fr: 'Politique non migratoire ayant des effets sur la migration',
      es: 'Política no migratoria que incide en la migración',
    },
  },
]);

const KNOMAD = 'KNOMAD thematic working groups (World Bank, 2013)';

/** KNOMAD's twelve thematic working groups. */
export const KNOMAD_THEMES = terms([
  {
    code: 'data',
    label: {
      en: 'Data on migration and remittance flows',
      fr: 'Données sur les migrations et les envois de fonds',
      es: 'Datos sobre migración y remesas',
    },
    note: KNOMAD,
  },
  {
    code: 'skilled_migration',
    label: {
      en: 'Skilled labour migration',
      fr: 'Migration de main-d’œuvre qualifiée',
      es: 'Migración laboral calificada',
    },
    note: KNOMAD,
  },
  {
    code: 'low_skilled_migration',
    label: {
      en: 'Low-skilled labour migration',
      fr: 'Migration de main-d’œuvre peu qualifiée',
      es: 'Migración laboral poco calificada',
    },
    note: KNOMAD,
  },
  {
    code: 'integration',
    label: {
      en: 'Integration issues in host communities',
      fr: 'Intégration dans les communautés d’accueil',
      es: 'Integración en las comunidades de acogida',
    },
    note: KNOMAD,
  },
  {
    code: 'policy_coherence',
    label: {
      en: 'Policy and institutional coherence',
      fr: 'Cohérence des politiques et des institutions',
      es: 'Coherencia de políticas e instituciones',
    },
    note: KNOMAD,
  },
  {
    code: 'security',
    label: { en: 'Security issues and migration', fr: 'Sécurité et migration', es: 'Seguridad y migración' },
    note: KNOMAD,
  },
  {
    code: 'rights',
    label: {
      en: 'Migrant rights and social aspects of migration',
      fr: 'Droits des migrants et aspects sociaux',
      es: 'Derechos de los migrantes y aspectos sociales',
    },
    note: KNOMAD,
  },
  {
    code: 'demography',
    label: {
      en: 'Demographic changes and migration',
      fr: 'Évolutions démographiques et migration',
      es: 'Cambio demográfico y migración',
    },
    note: KNOMAD,
  },
  {
    code: 'environment',
    label: {
      en: 'Environmental change and migration',
      fr: 'Changement environnemental et migration',
      es: 'Cambio ambiental y migración',
    },
    note: KNOMAD,
  },
  { code: 'remittances', label: { en: 'Remittances', fr: 'Envois de fonds', es: 'Remesas' }, note: KNOMAD },
  {
    code: 'diaspora',
    label: { en: 'Diaspora resources', fr: 'Ressources de la diaspora', es: 'Recursos de la diáspora' },
    note: KNOMAD,
  },
  {
    code: 'internal_migration',
    label: {
      en: 'Internal migration and urbanisation',
      fr: 'Migration interne et urbanisation',
      es: 'Migración interna y urbanización',
    },
    note: KNOMAD,
  },
]);

/** KNOMAD's four cross-cutting themes. */
export const CROSS_CUTTING_THEMES = terms([
  { code: 'gender', label: { en: 'Gender', fr: 'Genre', es: 'Género' }, note: KNOMAD },
  {
    code: 'monitoring_evaluation',
    label: { en: 'Monitoring and evaluation', fr: 'Suivi et évaluation', es: 'Seguimiento y evaluación' },
    note: KNOMAD,
  },
  {
    code: 'capacity_building',
    label: { en: 'Capacity building', fr: 'Renforcement des capacités', es: 'Fortalecimiento de capacidades' },
    note: KNOMAD,
  },
  {
    code: 'public_perceptions',
    label: {
      en: 'Public perceptions and communication',
      fr: 'Perceptions du public et communication',
      es: 'Percepciones públicas y comunicación',
    },
    note: KNOMAD,
  },
]);

/** Stages of the migration cycle. */
export const STAGES = terms([
  { code: 'pre_departure', label: { en: 'Pre-departure', fr: 'Avant le départ', es: 'Antes de la partida' } },
  { code: 'labour_migration', label: { en: 'Labour migration', fr: 'Migration de travail', es: 'Migración laboral' } },
  {
    code: 'integration',
    label: {
      en: 'Integration in the host society',
      fr: 'Intégration dans la société d’accueil',
      es: 'Integración en la sociedad de acogida',
    },
  },
  {
    code: 'transnational_engagement',
    label: { en: 'Transnational engagement', fr: 'Engagement transnational', es: 'Compromiso transnacional' },
  },
  { code: 'return', label: { en: 'Return', fr: 'Retour', es: 'Retorno' } },
  { code: 'reintegration', label: { en: 'Re-integration', fr: 'Réintégration', es: 'Reintegración' } },
]);

export const SECTORS = terms([
  { code: 'health', label: { en: 'Health', fr: 'Santé', es: 'Salud' } },
  {
    code: 'education',
    label: { en: 'Education and training', fr: 'Éducation et formation', es: 'Educación y formación' },
  },
  {
    code: 'agriculture',
    label: {
      en: 'Agriculture and rural development',
      fr: 'Agriculture et développement rural',
      es: 'Agricultura y desarrollo rural',
    },
  },
  {
    code: 'finance',
    label: { en: 'Finance and remittances', fr: 'Finance et envois de fonds', es: 'Finanzas y remesas' },
  },
  {
    code: 'governance',
    label: {
      en: 'Governance and public administration',
      fr: 'Gouvernance et administration publique',
      es: 'Gobernanza y administración pública',
    },
  },
  {
    code: 'employment',
    label: { en: 'Employment and labour markets', fr: 'Emploi et marché du travail', es: 'Empleo y mercado laboral' },
  },
  {
    code: 'enterprise',
    label: {
      en: 'Enterprise, trade and investment',
      fr: 'Entreprise, commerce et investissement',
      es: 'Empresa, comercio e inversión',
    },
  },
  { code: 'social_protection', label: { en: 'Social protection', fr: 'Protection sociale', es: 'Protección social' } },
  {
    code: 'science_technology',
    label: {
      en: 'Science, technology and research',
      fr: 'Science, technologie et recherche',
      es: 'Ciencia, tecnología e investigación',
    },
  },
  {
    code: 'urban',
    label: {
      en: 'Cities and local development',
      fr: 'Villes et développement local',
      es: 'Ciudades y desarrollo local',
    },
  },
  { code: 'environment', label: { en: 'Environment', fr: 'Environnement', es: 'Medio ambiente' } },
]);

const GCM = 'Global Compact for Safe, Orderly and Regular Migration (A/RES/73/195), objectives 1–23';

/**
 * The 23 objectives as paragraph 16 of the Compact's annex to General Assembly resolution A/RES/73/195
 * (19 December 2018) words them: English from the resolution; French from the Pacte mondial pour des
 * migrations sûres, ordonnées et régulières; Spanish from the Pacto Mundial para la Migración Segura,
 * Ordenada y Regular. Where each title was checked (n = the objective's number):
 * - [MN-fr n]: the UN Network on Migration's page for the objective, which quotes the Compact's French
 *   text, https://migrationnetwork.un.org/fr/taxonomy/term/<278 + n> (detail/<278 + n> for some);
 * - [CIMM]: House of Commons of Canada, CIMM report 23 (42nd Parliament, 1st session), Annex B, which
 *   reproduces the 23 French titles, https://noscommunes.ca/documentviewer/fr/42-1/CIMM/rapport-23/page-51
 *   (1 to 15 read there);
 * - [MN-es 2]: https://migrationnetwork.un.org/es/taxonomy/term/280;
 * - [EMM-es 1]: IOM, Essentials of Migration Management, which quotes objective 1 in Spanish,
 *   https://emm.iom.int/es/handbooks/trata-de-personas-y-formas-conexas-de-explotacion-y-abuso/recopilacion-de-datos-analisis;
 * - [CS-fr 17]: a French civil-society paper quoting objectives 7, 16 and 17 (no UN page for 17 was found),
 *   https://www.carolesalas.com/fr/2023/03/02/justice-en-matiere-de-migration-tenir-les-promesses-du-pacte-mondial-pour-les-migrations-5/
 * NOTE: a title left undefined could not be checked against a found copy of the official text: the label
 * keeps the English title after "Objectif n :" / "Objetivo n:" rather than show a translation of our own.
 */
const GCM_TITLES: readonly { en: string; fr?: string; es?: string }[] = [
  {
    en: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
    // [MN-fr 1] [CIMM] [EMM-es 1]
    fr: 'Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des faits',
    es: 'Recopilar y utilizar datos exactos y desglosados para formular políticas con base empírica',
  },
  {
    en: 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin',
    // [MN-fr 2] [CIMM] [MN-es 2]
    fr: 'Lutter contre les facteurs négatifs et les problèmes structurels qui poussent des personnes à quitter leur pays d’origine',
    es: 'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
  },
  {
    en: 'Provide accurate and timely information at all stages of migration',
    // [CIMM]
    fr: 'Fournir dans les meilleurs délais des informations exactes à toutes les étapes de la migration',
  },
  {
    en: 'Ensure that all migrants have proof of legal identity and adequate documentation',
    // [MN-fr 4] [CIMM]
    fr: 'Munir tous les migrants d’une preuve d’identité légale et de papiers adéquats',
  },
  {
    en: 'Enhance availability and flexibility of pathways for regular migration',
    // [MN-fr 5] [CIMM]
    fr: 'Faire en sorte que les filières de migration régulière soient accessibles et plus souples',
  },
  {
    en: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
    // [MN-fr 6] [CIMM]
    fr: 'Favoriser des pratiques de recrutement justes et éthiques et assurer les conditions d’un travail décent',
  },
  {
    en: 'Address and reduce vulnerabilities in migration',
    // [CIMM]
    fr: 'S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire',
  },
  {
    en: 'Save lives and establish coordinated international efforts on missing migrants',
    // [CIMM]
    fr: 'Sauver des vies et mettre en place une action internationale coordonnée pour retrouver les migrants disparus',
  },
  {
    en: 'Strengthen the transnational response to smuggling of migrants',
    // [CIMM]
    fr: 'Renforcer l’action transnationale face au trafic de migrants',
  },
  {
    en: 'Prevent, combat and eradicate trafficking in persons in the context of international migration',
    // [CIMM]
    fr: 'Prévenir, combattre et éliminer la traite de personnes dans le cadre des migrations internationales',
  },
  {
    en: 'Manage borders in an integrated, secure and coordinated manner',
    // [CIMM]
    fr: 'Gérer les frontières de manière intégrée, sûre et coordonnée',
  },
  {
    en: 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral',
    // [CIMM]
    fr: 'Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour assurer des contrôles, des évaluations et une orientation appropriés',
  },
  {
    en: 'Use migration detention only as a measure of last resort and work towards alternatives',
    // [CIMM]
    fr: 'Ne recourir au placement en rétention administrative des migrants qu’en dernier ressort et chercher des solutions de rechange',
  },
  {
    en: 'Enhance consular protection, assistance and cooperation throughout the migration cycle',
    // [CIMM]
    fr: 'Renforcer la protection, l’assistance et la coopération consulaires tout au long du cycle migratoire',
  },
  {
    en: 'Provide access to basic services for migrants',
    // [CIMM]
    fr: 'Assurer l’accès des migrants aux services de base',
  },
  {
    en: 'Empower migrants and societies to realize full inclusion and social cohesion',
    // [MN-fr 16]
    fr: 'Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration et de la cohésion sociale',
  },
  {
    en: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
    // [CS-fr 17]
    fr: 'Éliminer toutes les formes de discrimination et encourager un débat public fondé sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont perçues',
  },
  {
    en: 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences',
  },
  {
    en: 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries',
    // [MN-fr 19]
    fr: 'Créer les conditions permettant aux migrants et aux diasporas de contribuer pleinement au développement durable dans tous les pays',
  },
  {
    en: 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants',
    // [MN-fr 20]
    fr: 'Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser l’inclusion financière des migrants',
  },
  {
    en: 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration',
    // [MN-fr 21]
    fr: 'Coopérer en vue de faciliter le retour et la réadmission des migrants en toute sécurité et dignité, ainsi que leur réintégration durable',
  },
  {
    en: 'Establish mechanisms for the portability of social security entitlements and earned benefits',
    // [MN-fr 22]
    fr: 'Mettre en place des mécanismes de portabilité des droits de sécurité sociale et des avantages acquis',
  },
  {
    en: 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration',
    // [MN-fr 23]
    fr: 'Renforcer la coopération internationale et les partenariats mondiaux pour des migrations sûres, ordonnées et régulières',
  },
];

/** The 23 objectives of the Global Compact for Migration, each labelled "n. Title" in every UI language. */
export const GCM_OBJECTIVES = terms(
  GCM_TITLES.map(({ en, fr, es }, i) => {
    const n = String(i + 1);
    return {
      code: `gcm${n}`,
      label: {
        en: `${n}. ${en}`,
        fr: fr === undefined ? `Objectif ${n} : ${en}` : `${n}. ${fr}`,
        es: es === undefined ? `Objetivo ${n}: ${en}` : `${n}. ${es}`,
      },
      note: GCM,
    };
  }),
);

const SDG =
  'United Nations, 2030 Agenda for Sustainable Development (A/RES/70/1), targets that refer to migration, migrants, remittances or mobility';

/**
 * SDG targets that concern migration (the 2030 Agenda's migration-related targets), each labelled with
 * the target's own words as General Assembly resolution A/RES/70/1 (25 September 2015) gives them in
 * English, in French (Transformer notre monde : le Programme de développement durable à l'horizon 2030)
 * and in Spanish (Transformar nuestro mundo: la Agenda 2030 para el Desarrollo Sostenible).
 * Copied from open-sdg's files of the global targets, whose French and Spanish were imported from the UN's
 * official translations (its changelog, release 0.2.0): translations/en/global_targets.yml,
 * translations/fr/global_targets.yml and translations/es/global_targets.yml in
 * https://github.com/open-sdg/sdg-translations. Checked against other copies: French 10.c against the
 * Compact's French objective 20 (action a, "éliminer les circuits d’envois de fonds", MN-fr 20 above),
 * French 17.18 and Spanish 8.8 and 10.c against SDG target lists in other public repositories.
 * NOTE: four long targets are cut the same way in all three languages, each cut marked "…": 3.c and 8.7 lose
 * their last clause; 4.b and 17.18 also skip the list of the countries they name first.
 */
const SDG_TARGET_TEXTS: readonly { code: string; en: string; fr: string; es: string }[] = [
  {
    code: '3.c',
    en: 'Substantially increase health financing and the recruitment, development, training and retention of the health workforce in developing countries …',
    fr: 'Accroître considérablement le budget de la santé et le recrutement, le perfectionnement, la formation et le maintien en poste du personnel de santé dans les pays en développement …',
    es: 'Aumentar considerablemente la financiación de la salud y la contratación, el perfeccionamiento, la capacitación y la retención del personal sanitario en los países en desarrollo …',
  },
  {
    code: '4.b',
    en: 'By 2020, substantially expand globally the number of scholarships available to developing countries … for enrolment in higher education …',
    fr: 'D’ici à 2020, augmenter nettement à l’échelle mondiale le nombre de bourses d’études offertes à des étudiants des pays en développement … pour leur permettre de suivre des études supérieures …',
    es: 'De aquí a 2020, aumentar considerablemente a nivel mundial el número de becas disponibles para los países en desarrollo … a fin de que sus estudiantes puedan matricularse en programas de enseñanza superior …',
  },
  {
    code: '5.2',
    en: 'Eliminate all forms of violence against all women and girls in the public and private spheres, including trafficking and sexual and other types of exploitation',
    fr: 'Éliminer de la vie publique et de la vie privée toutes les formes de violence faite aux femmes et aux filles, y compris la traite et l’exploitation sexuelle et d’autres types d’exploitation',
    es: 'Eliminar todas las formas de violencia contra todas las mujeres y las niñas en los ámbitos público y privado, incluidas la trata y la explotación sexual y otros tipos de explotación',
  },
  {
    code: '8.7',
    en: 'Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking …',
    fr: 'Prendre des mesures immédiates et efficaces pour supprimer le travail forcé, mettre fin à l’esclavage moderne et à la traite d’êtres humains …',
    es: 'Adoptar medidas inmediatas y eficaces para erradicar el trabajo forzoso, poner fin a las formas contemporáneas de esclavitud y la trata de personas …',
  },
  {
    code: '8.8',
    en: 'Protect labour rights and promote safe and secure working environments for all workers, including migrant workers, in particular women migrants, and those in precarious employment',
    fr: 'Défendre les droits des travailleurs, promouvoir la sécurité sur le lieu de travail et assurer la protection de tous les travailleurs, y compris les migrants, en particulier les femmes, et ceux qui ont un emploi précaire',
    es: 'Proteger los derechos laborales y promover un entorno de trabajo seguro y sin riesgos para todos los trabajadores, incluidos los trabajadores migrantes, en particular las mujeres migrantes y las personas con empleos precarios',
  },
  {
    code: '10.7',
    en: 'Facilitate orderly, safe, regular and responsible migration and mobility of people, including through the implementation of planned and well-managed migration policies',
    fr: 'Faciliter la migration et la mobilité de façon ordonnée, sûre, régulière et responsable, notamment par la mise en œuvre de politiques migratoires planifiées et bien gérées',
    es: 'Facilitar la migración y la movilidad ordenadas, seguras, regulares y responsables de las personas, incluso mediante la aplicación de políticas migratorias planificadas y bien gestionadas',
  },
  {
    code: '10.c',
    en: 'By 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent',
    fr: 'D’ici à 2030, faire baisser au-dessous de 3 pour cent les coûts de transaction des envois de fonds effectués par les migrants et éliminer les circuits d’envois de fonds dont les coûts sont supérieurs à 5 pour cent',
    es: 'De aquí a 2030, reducir a menos del 3% los costos de transacción de las remesas de los migrantes y eliminar los corredores de remesas con un costo superior al 5%',
  },
  {
    code: '16.2',
    en: 'End abuse, exploitation, trafficking and all forms of violence against and torture of children',
    fr: 'Mettre un terme à la maltraitance, à l’exploitation et à la traite, et à toutes les formes de violence et de torture dont sont victimes les enfants',
    es: 'Poner fin al maltrato, la explotación, la trata y todas las formas de violencia y tortura contra los niños',
  },
  {
    code: '16.9',
    en: 'By 2030, provide legal identity for all, including birth registration',
    fr: 'D’ici à 2030, garantir à tous une identité juridique, notamment grâce à l’enregistrement des naissances',
    es: 'De aquí a 2030, proporcionar acceso a una identidad jurídica para todos, en particular mediante el registro de nacimientos',
  },
  {
    code: '17.3',
    en: 'Mobilize additional financial resources for developing countries from multiple sources',
    fr: 'Mobiliser des ressources financières supplémentaires de diverses provenances en faveur des pays en développement',
    es: 'Movilizar recursos financieros adicionales de múltiples fuentes para los países en desarrollo',
  },
  {
    code: '17.18',
    en: 'By 2020, enhance capacity-building support to developing countries … to increase significantly the availability of high-quality, timely and reliable data disaggregated by income, gender, age, race, ethnicity, migratory status, disability, geographic location …',
    fr: 'D’ici à 2020, apporter un soutien accru au renforcement des capacités des pays en développement … l’objectif étant de disposer d’un beaucoup plus grand nombre de données de qualité, actualisées et exactes, ventilées par niveau de revenu, sexe, âge, race, appartenance ethnique, statut migratoire, handicap et emplacement géographique …',
    es: 'De aquí a 2020, mejorar el apoyo a la creación de capacidad prestado a los países en desarrollo … para aumentar significativamente la disponibilidad de datos oportunos, fiables y de gran calidad desglosados por ingresos, sexo, edad, raza, origen étnico, estatus migratorio, discapacidad, ubicación geográfica …',
  },
];

/** SDG targets that concern migration, each labelled "code Text" in every UI language. */
export const SDG_TARGETS = terms(
  SDG_TARGET_TEXTS.map(({ code, en, fr, es }) => ({
    code: `sdg${code}`,
    label: { en: `${code} ${en}`, fr: `${code} ${fr}`, es: `${code} ${es}` },
    note: SDG,
  })),
);

/** What an intervention does: the rows of the evidence gap map. */
export const INTERVENTIONS = terms([
  {
    code: 'diaspora_knowledge_transfer',
    label: {
      en: 'Diaspora skills and knowledge transfer',
      fr: 'Transfert de compétences de la diaspora',
      es: 'Transferencia de conocimientos de la diáspora',
    },
  },
  {
    code: 'diaspora_investment',
    label: {
      en: 'Diaspora investment and entrepreneurship',
      fr: 'Investissement et entrepreneuriat de la diaspora',
      es: 'Inversión y emprendimiento de la diáspora',
    },
  },
  {
    code: 'remittance_services',
    label: {
      en: 'Remittance services and financial inclusion',
      fr: 'Services de transfert et inclusion financière',
      es: 'Servicios de remesas e inclusión financiera',
    },
  },
  {
    code: 'skills_recognition',
    label: {
      en: 'Skills recognition and training',
      fr: 'Reconnaissance et formation des compétences',
      es: 'Reconocimiento de competencias y formación',
    },
  },
  {
    code: 'labour_mobility',
    label: {
      en: 'Labour mobility schemes',
      fr: 'Programmes de mobilité de travail',
      es: 'Programas de movilidad laboral',
    },
  },
  {
    code: 'integration_services',
    label: {
      en: 'Integration services and welcoming communities',
      fr: 'Services d’intégration et communautés accueillantes',
      es: 'Servicios de integración y comunidades acogedoras',
    },
  },
  {
    code: 'return_reintegration',
    label: {
      en: 'Return and re-integration support',
      fr: 'Aide au retour et à la réintégration',
      es: 'Apoyo al retorno y la reintegración',
    },
  },
  {
    code: 'co_development',
    label: {
      en: 'Co-development and local development',
      fr: 'Codéveloppement et développement local',
      es: 'Codesarrollo y desarrollo local',
    },
  },
  {
    code: 'policy_coordination',
    label: {
      en: 'Policy coherence and coordination',
      fr: 'Cohérence et coordination des politiques',
      es: 'Coherencia y coordinación de políticas',
    },
  },
  {
    code: 'dialogue_research',
    label: {
      en: 'Dialogue, networks and research',
      fr: 'Dialogue, réseaux et recherche',
      es: 'Diálogo, redes e investigación',
    },
  },
]);

/** How a study was designed. */
export const STUDY_DESIGNS = terms([
  {
    code: 'rct',
    label: { en: 'Randomised controlled trial', fr: 'Essai contrôlé randomisé', es: 'Ensayo controlado aleatorio' },
  },
  {
    code: 'quasi_experimental',
    label: { en: 'Quasi-experimental', fr: 'Quasi expérimental', es: 'Cuasi experimental' },
  },
  { code: 'mixed_methods', label: { en: 'Mixed methods', fr: 'Méthodes mixtes', es: 'Métodos mixtos' } },
  { code: 'qualitative', label: { en: 'Qualitative', fr: 'Qualitative', es: 'Cualitativo' } },
  { code: 'case_study', label: { en: 'Case study', fr: 'Étude de cas', es: 'Estudio de caso' } },
  { code: 'monitoring_data', label: { en: 'Monitoring data', fr: 'Données de suivi', es: 'Datos de seguimiento' } },
  {
    code: 'statistical_analysis',
    label: {
      en: 'Statistical analysis of survey or census data',
      fr: 'Analyse statistique d’enquêtes ou de recensements',
      es: 'Análisis estadístico de encuestas o censos',
    },
  },
  { code: 'simulation', label: { en: 'Simulation or model', fr: 'Simulation ou modèle', es: 'Simulación o modelo' } },
  {
    code: 'expert_opinion',
    label: {
      en: 'Expert or conference assessment',
      fr: 'Avis d’experts ou de conférence',
      es: 'Valoración de expertos o de conferencia',
    },
    note: 'A judgement stated by experts or a meeting, without data of its own: the weakest kind of evidence, kept so that its source is visible.',
  },
]);

/** What a study measured: the columns of the evidence gap map. */
export const OUTCOMES = terms([
  { code: 'income', label: { en: 'Income and poverty', fr: 'Revenu et pauvreté', es: 'Ingresos y pobreza' } },
  { code: 'employment', label: { en: 'Employment', fr: 'Emploi', es: 'Empleo' } },
  {
    code: 'remittance_use',
    label: {
      en: 'Remittance volume, cost and use',
      fr: 'Volume, coût et usage des envois de fonds',
      es: 'Volumen, costo y uso de las remesas',
    },
  },
  {
    code: 'skills_transfer',
    label: {
      en: 'Skills and knowledge transfer',
      fr: 'Transfert de compétences et de savoirs',
      es: 'Transferencia de competencias y conocimientos',
    },
  },
  {
    code: 'human_capital',
    label: {
      en: 'Human capital: brain drain and gain',
      fr: 'Capital humain : fuite et gain des cerveaux',
      es: 'Capital humano: fuga y ganancia de cerebros',
    },
  },
  {
    code: 'institutional_capacity',
    label: { en: 'Institutional capacity', fr: 'Capacité institutionnelle', es: 'Capacidad institucional' },
  },
  {
    code: 'social_cohesion',
    label: {
      en: 'Social cohesion and integration',
      fr: 'Cohésion sociale et intégration',
      es: 'Cohesión social e integración',
    },
  },
  {
    code: 'return_reintegration',
    label: { en: 'Return and re-integration', fr: 'Retour et réintégration', es: 'Retorno y reintegración' },
  },
  {
    code: 'investment_enterprise',
    label: { en: 'Investment and enterprise', fr: 'Investissement et entreprise', es: 'Inversión y empresa' },
  },
  {
    code: 'economic_growth',
    label: {
      en: 'Economic growth and public finances',
      fr: 'Croissance économique et finances publiques',
      es: 'Crecimiento económico y finanzas públicas',
    },
  },
  {
    code: 'policy_coherence',
    label: { en: 'Policy coherence', fr: 'Cohérence des politiques', es: 'Coherencia de políticas' },
  },
  {
    code: 'wellbeing_rights',
    label: { en: 'Well-being and rights', fr: 'Bien-être et droits', es: 'Bienestar y derechos' },
  },
]);

export const EFFECT_DIRECTIONS = terms([
  { code: 'positive', label: { en: 'Positive', fr: 'Positif', es: 'Positivo' } },
  { code: 'negative', label: { en: 'Negative', fr: 'Négatif', es: 'Negativo' } },
  { code: 'mixed', label: { en: 'Mixed', fr: 'Mitigé', es: 'Mixto' } },
  { code: 'no_effect', label: { en: 'No effect found', fr: 'Aucun effet constaté', es: 'Sin efecto' } },
  { code: 'unclear', label: { en: 'Unclear', fr: 'Incertain', es: 'Incierto' } },
]);

export const INDEPENDENCE = terms([
  { code: 'independent', label: { en: 'Independent', fr: 'Indépendante', es: 'Independiente' } },
  {
    code: 'commissioned',
    label: { en: 'Commissioned by the implementer', fr: 'Commandée par l’opérateur', es: 'Encargada por el ejecutor' },
  },
  {
    code: 'internal',
    label: { en: 'Internal (self-assessment)', fr: 'Interne (auto-évaluation)', es: 'Interna (autoevaluación)' },
  },
  { code: 'unknown', label: { en: 'Not stated', fr: 'Non précisée', es: 'No indicada' } },
]);

/** The quality-appraisal checklist: every question is answered for every study. */
export const APPRAISAL_QUESTIONS = terms([
  {
    code: 'question',
    label: {
      en: 'Is the research question or purpose clearly stated?',
      fr: 'La question de recherche est-elle clairement énoncée ?',
      es: '¿Se formula claramente la pregunta de investigación?',
    },
  },
  {
    code: 'design',
    label: {
      en: 'Is the design appropriate to the question?',
      fr: 'Le protocole est-il adapté à la question ?',
      es: '¿Es el diseño adecuado a la pregunta?',
    },
  },
  {
    code: 'data',
    label: {
      en: 'Are the data and sample described, with their source?',
      fr: 'Les données et l’échantillon sont-ils décrits, avec leur source ?',
      es: '¿Se describen los datos y la muestra, con su fuente?',
    },
  },
  {
    code: 'comparison',
    label: {
      en: 'Is there a comparison or counterfactual?',
      fr: 'Y a-t-il une comparaison ou un contrefactuel ?',
      es: '¿Hay una comparación o contrafactual?',
    },
  },
  {
    code: 'measurement',
    label: {
      en: 'Are outcomes measured validly and reliably?',
      fr: 'Les résultats sont-ils mesurés de façon valide et fiable ?',
      es: '¿Se miden los resultados de forma válida y fiable?',
    },
  },
  {
    code: 'bias',
    label: {
      en: 'Are confounding and bias addressed?',
      fr: 'Les biais et facteurs de confusion sont-ils traités ?',
      es: '¿Se abordan los sesgos y factores de confusión?',
    },
  },
  {
    code: 'conclusions',
    label: {
      en: 'Do the conclusions follow from the findings?',
      fr: 'Les conclusions découlent-elles des résultats ?',
      es: '¿Se derivan las conclusiones de los resultados?',
    },
  },
  {
    code: 'transparency',
    label: {
      en: 'Are methods, funding and interests disclosed?',
      fr: 'Les méthodes, le financement et les intérêts sont-ils déclarés ?',
      es: '¿Se declaran métodos, financiación e intereses?',
    },
  },
]);

export const APPRAISAL_ANSWERS = terms([
  { code: 'yes', label: { en: 'Yes', fr: 'Oui', es: 'Sí' } },
  { code: 'partly', label: { en: 'Partly', fr: 'En partie', es: 'En parte' } },
  { code: 'no', label: { en: 'No', fr: 'Non', es: 'No' } },
  { code: 'not_applicable', label: { en: 'Not applicable', fr: 'Sans objet', es: 'No aplica' } },
]);

export const QUALITY_LEVELS = terms([
  { code: 'high', label: { en: 'High', fr: 'Élevée', es: 'Alta' } },
  { code: 'medium', label: { en: 'Medium', fr: 'Moyenne', es: 'Media' } },
  { code: 'low', label: { en: 'Low', fr: 'Faible', es: 'Baja' } },
]);
export type QualityLevel = 'high' | 'medium' | 'low';
export type AppraisalAnswer = 'yes' | 'partly' | 'no' | 'not_applicable';

/**
 * The quality a completed checklist gives: yes = 2, partly = 1, no = 0 points, "not applicable"
 * left out; high from 75 % of the points that apply, medium from 50 %, low below (or when no
 * question applies).
 */
export function appraisalQuality(answers: Readonly<Record<string, AppraisalAnswer>>): QualityLevel {
  let points = 0;
  let possible = 0;
  for (const answer of Object.values(answers)) {
    if (answer === 'not_applicable') continue;
    possible += 2;
    points += answer === 'yes' ? 2 : answer === 'partly' ? 1 : 0;
  }
  if (possible === 0) return 'low';
  const share = points / possible;
  return share >= 0.75 ? 'high' : share >= 0.5 ? 'medium' : 'low';
}

/** Editorial states of a library item. */
export const ITEM_STATES = terms([
  { code: 'draft', label: { en: 'Draft', fr: 'Brouillon', es: 'Borrador' } },
  { code: 'in_review', label: { en: 'In review', fr: 'En relecture', es: 'En revisión' } },
  { code: 'published', label: { en: 'Published', fr: 'Publié', es: 'Publicado' } },
  { code: 'returned', label: { en: 'Returned to the author', fr: 'Renvoyé à l’auteur', es: 'Devuelto al autor' } },
  { code: 'retired', label: { en: 'Retired', fr: 'Retiré de la bibliothèque', es: 'Retirado de la biblioteca' } },
]);

export const ROLES = terms([
  { code: 'viewer', label: { en: 'Viewer', fr: 'Lecteur', es: 'Lector' } },
  { code: 'contributor', label: { en: 'Contributor', fr: 'Contributeur', es: 'Colaborador' } },
  { code: 'reviewer', label: { en: 'Reviewer', fr: 'Relecteur', es: 'Revisor' } },
  { code: 'admin', label: { en: 'Administrator', fr: 'Administrateur', es: 'Administrador' } },
]);
export type Role = 'viewer' | 'contributor' | 'reviewer' | 'admin';
const ROLE_RANK: Record<Role, number> = { viewer: 0, contributor: 1, reviewer: 2, admin: 3 };
/** Whether a role carries at least the rights of another (admin ⊇ reviewer ⊇ contributor ⊇ viewer). */
export function hasRole(role: Role, atLeast: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

/** The three types of library item: records, organisations and studies. */
export const ITEM_TYPES = terms([
  { code: 'record', label: { en: 'Practice', fr: 'Pratique', es: 'Práctica' } },
  { code: 'organisation', label: { en: 'Organisation', fr: 'Organisation', es: 'Organización' } },
  { code: 'study', label: { en: 'Evidence', fr: 'Données probantes', es: 'Evidencia' } },
]);
export type ItemType = 'record' | 'organisation' | 'study';

/** Everything one search covers: library items plus the data hub's countries and datasets. */
export const SEARCH_TYPES = terms([
  ...ITEM_TYPES,
  { code: 'country', label: { en: 'Country', fr: 'Pays', es: 'País' } },
  { code: 'dataset', label: { en: 'Dataset', fr: 'Jeu de données', es: 'Conjunto de datos' } },
]);

/** The facets a search can filter and count by. */
export const SEARCH_FACETS = [
  'type',
  'kind',
  'theme',
  'stage',
  'region',
  'country',
  'instrument',
  'sector',
  'design',
] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

/** Every vocabulary by name, as /api/library/vocabularies serves it. */
export const VOCABULARIES = {
  kind: RECORD_KINDS,
  agreementScope: AGREEMENT_SCOPES,
  status: RECORD_STATUSES,
  countryRole: COUNTRY_ROLES,
  organisationType: ORGANISATION_TYPES,
  organisationRole: ORGANISATION_ROLES,
  instrument: INSTRUMENTS,
  theme: KNOMAD_THEMES,
  crossCutting: CROSS_CUTTING_THEMES,
  stage: STAGES,
  sector: SECTORS,
  gcm: GCM_OBJECTIVES,
  sdg: SDG_TARGETS,
  intervention: INTERVENTIONS,
  design: STUDY_DESIGNS,
  outcome: OUTCOMES,
  effect: EFFECT_DIRECTIONS,
  independence: INDEPENDENCE,
  appraisalQuestion: APPRAISAL_QUESTIONS,
  appraisalAnswer: APPRAISAL_ANSWERS,
  quality: QUALITY_LEVELS,
  state: ITEM_STATES,
  role: ROLES,
  type: SEARCH_TYPES,
} as const satisfies Record<string, readonly Term[]>;
export type VocabularyName = keyof typeof VOCABULARIES;

/** The label of a code in a language; the code itself when the vocabulary does not know it. */
export function termLabel(vocabulary: VocabularyName, code: string, lang: UiLanguage): string {
  const list: readonly Term[] = VOCABULARIES[vocabulary];
  return list.find((t) => t.code === code)?.label[lang] ?? code;
}
