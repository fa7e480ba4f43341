import type { UiLanguage } from '../core/languages.js';
import { INDICATOR_NAMES, SEX_NAMES, UNIT_NAMES } from '../core/statistics-names.js';
import { DIOC_REGIONS_OF_BIRTH, type ProfileFlow, type RankingGrouping } from '../core/statistics-terms.js';
import { formatNumber } from './format.js';

/** How Bridges' totals combine the areas' values: a sum, a rate's unweighted mean, or a share's mean weighted by (the translated name of) what it is a share of. */
export type Combination = 'sum' | 'mean' | { weightedBy: string };

/**
 * A name after a colon in French and Spanish, which write it in lower case ("Les 15 premiers : stock
 * de migrants"); a name that starts with an acronym or a proper noun's capitals ("PIB", "AOD") stays.
 */
const afterColon = (name: string) =>
  /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;

/** What an indicator's counterpart area is: where its people were born or come from, where its money was sent from. */
export const COUNTERPART_ROLE: Record<string, 'birth' | 'origin' | 'sender' | undefined> = {
  migrant_stock: 'birth',
  forcibly_displaced: 'origin',
  remittance_bilateral_usd_m: 'sender',
  remittance_cost_pct: 'sender',
  remittance_fx_margin_pct: 'sender',
  remittance_providers: 'sender',
};

/**
 * UI strings of the data hub (explorer, catalogue, profiles, corridors, charts) in the three UI
 * languages, merged into the dictionaries of i18n.ts. English is the reference: French and
 * Spanish `satisfy` its type, so a missing or extra key fails to compile.
 */
const en = {
  navDataHubOverview: 'Overview',
  navExplorer: 'Explorer',
  navDatasets: 'Datasets',
  dataHubNavigation: 'Data hub',
  loadingData: (ready: number, total: number, lang: UiLanguage) =>
    `Loading data: ${formatNumber(ready, lang)} of ${formatNumber(total, lang)} datasets ready. Figures may be incomplete until the load ends.`,
  loadFailed: (ids: string) => `Some datasets could not be loaded: ${ids}. Their figures are missing.`,

  // Charts
  sourcePrefix: 'Source:',
  sourcesPrefix: 'Sources:',
  aboutDataset: 'about this dataset',
  downloadCsv: 'Download CSV',
  downloadPng: 'Download image (PNG)',
  downloadSvg: 'SVG',
  downloadSvgLabel: 'Download image (SVG)',
  imageNotDrawn: 'The chart could not be drawn for its image: try again once the page has loaded.',
  chartDownloads: (title: string) => `Downloads: ${title}`,
  sdmxLinkTitle:
    'The publisher’s series behind this chart, from the SDMX API (SDMX-CSV); the totals and means Bridges computed from them are not in it',
  caveatsSummary: (count: number) =>
    count === 1
      ? 'Caveats on this dataset: read before use'
      : `Caveats on these ${String(count)} datasets: read before use`,
  showTable: 'Show the data as a table',
  imageCredit: 'Chart: Bridges, an open platform on migration and development. Figures as published; see the source.',
  imageCreditComputed:
    'Chart: Bridges, an open platform on migration and development. Figures computed by Bridges from the sources; the method is given with the chart.',
  seriesSummary: (label: string, firstPeriod: string, first: string, lastPeriod: string, last: string) =>
    `${label}: ${first} in ${firstPeriod}, ${last} in ${lastPeriod}.`,
  noValues: 'no values',
  noData: 'No data',
  noBundledData: 'No data in the bundled sources.',
  computedByBridges: 'computed by Bridges',
  computedFrom: (a: string, b: string) => `computed by Bridges from ${a} and ${b}`,
  sumOfEdition: (edition: string) => `Bridges’ sum of ${edition}`,
  keyFigures: 'Key figures',
  onThisPage: 'On this page',
  colPeriod: 'Period',
  colRank: 'Rank',
  colShare: 'Share',
  colCategory: 'Category',
  colStatus: 'Status',
  allStatusNormal: 'Every value is as published: none is marked estimated, provisional, imputed or a forecast.',
  colCorridorsAveraged: 'Corridors',
  corridorsAveragedNote: (single: readonly string[]) =>
    `Each value is the unweighted mean of the country’s corridors with a value in that period (the table gives how many).${single.length ? ` ${single.join(', ')}: one corridor only.` : ''}`,
  unusualCostFlag: 'unusual corridor',
  unusualPointsNote: (points: readonly string[]) =>
    `Below 0% or above 30% of the amount sent, as published: ${points.join('; ')}. Check them before use.`,
  unusualCostNote: (areas: readonly string[]) =>
    `Marked ⚠: the value is or averages a corridor cost below 0% (an exchange-rate margin in the sender’s favour larger than the fee) or above 30% of the amount sent: ${areas.join('; ')}. These are the publisher’s figures as published; check them before use.`,
  unusualCostRange: (name: string, min: string, max: string) =>
    min === max ? `${name} (${min})` : `${name} (corridors from ${min} to ${max})`,
  colEdition: 'Edition',
  colDirection: 'Direction',
  sexLabel: 'Sex',
  sexTotal: 'Total',
  sexFemale: 'Women',
  sexMale: 'Men',
  measure: 'Measure',
  currentUsd: 'Current US$',
  percentOfGdp: '% of GDP',
  gdpLabel: 'GDP',
  statuses: {
    A: 'normal',
    E: 'estimated',
    P: 'provisional',
    I: 'imputed',
    F: 'forecast',
  },

  // Country profile
  tabOverview: 'Overview',
  tabProfile: 'Data profile',
  countryViews: 'Views of this country',
  profileTitle: (name: string) => `${name}: migration and development data`,
  profileOf: (name: string) => `Data profile: ${name}`,
  migrationHeading: 'Migration',
  migrationLead: `People born in the country living abroad (emigrants) and people born abroad living in the country (immigrants), at mid-year, from UN DESA's International Migrant Stock.`,
  editionSwitch: 'UN DESA edition',
  editionRevision: (year: string) => `UN DESA Revision ${year}`,
  totalInEdition: (edition: string) => `Total, ${edition}`,
  emigrantsLatest: (period: string) => `Emigrants, ${period}`,
  immigrantsLatest: (period: string) => `Immigrants, ${period}`,
  immigrantShare: (period: string) => `Immigrants as a share of the population, ${period}`,
  emigrantShare: (period: string) => `Emigrants as a share of the population, ${period}`,
  emigrantsTrendTitle: (name: string) => `${name}: emigrants by sex`,
  immigrantsTrendTitle: (name: string) => `${name}: immigrants by sex`,
  personsBySex: 'Persons, at mid-year',
  personsBothSexes: 'Persons, both sexes',
  personsEachEdition: 'persons, each edition as its own line',
  personsAllGroups: 'Persons, all UNHCR groups but returns (flows during the year, in the table)',
  diocPersons: {
    all: 'Persons',
    aged15PlusOrUnknown: 'Persons aged 15 and over or of unknown age',
    aged15Plus: 'Persons aged 15 and over',
  },
  colShareOfPopulation: 'Share of the population',
  shareNote:
    'The share of the population is computed by Bridges: immigrants ÷ total population of the same year (population source named in the source line).',
  emigrantShareNote:
    'The share of the population is computed by Bridges: emigrants ÷ the total population living in the country the same year, which they are not part of (as the World Bank’s Migration and Remittances Factbook gives it; population source named in the source line).',
  topDestinationsTitle: (name: string, period: string, count: number) =>
    `${name}: where emigrants live, ${count === 1 ? 'the one destination' : `top ${String(count)} destinations`}, ${period}`,
  topOriginsTitle: (name: string, period: string, count: number, all = false) =>
    `${name}: where immigrants come from, ${count === 1 ? 'the one origin' : all ? `all ${String(count)} origins named` : `top ${String(count)} origins`}, ${period}`,
  colDestination: 'Destination',
  colOrigin: 'Origin',
  showOnMap: 'Show where these emigrants live on the world map',
  unknownOrigin: (value: string) => `Plus ${value} immigrants whose origin the source does not give.`,
  openCorridor: 'Open a corridor page',
  remittancesHeading: 'Remittances',
  remittancesLead:
    'Money migrants send home, in current US$, set against official development assistance (ODA) and foreign direct investment (FDI). Each edition is its own series.',
  receivedLatest: (period: string) => `Remittances received, ${period}`,
  receivedPctGdp: (period: string) => `Remittances received as % of GDP, ${period}`,
  receivedPctGdpPrinted: (period: string) => `Remittances received as % of GDP, as published, ${period}`,
  imfGdp: 'GDP of the IMF World Economic Outlook',
  sentLatest: (period: string) => `Remittances sent, ${period}`,
  flowNames: {
    remittances_received: 'Remittances received',
    remittances_sent: 'Remittances sent',
    oda_received: 'ODA received',
    fdi_inflows: 'FDI inflows',
  } satisfies Record<ProfileFlow, string>,
  remittancesTrendTitle: (name: string) => `${name}: remittances received and sent`,
  currentUsdEachEdition: 'Current US$, each edition as its own line',
  editionsDiffer: 'Editions differ widely (by 50% or more):',
  editionsWhy: 'A first estimate may be revised; see the caveats.',
  revisionsDiffer: 'The revisions differ widely (by 50% or more):',
  revisionsWhy: 'Each revision estimates past years again; see the caveats.',
  repeatsPrevious: (previous: string) => `exactly the ${previous} figure`,
  corridorRepeated: (edition: string, destination: string, period: string, previous: string) =>
    `In ${edition}, every ${period} figure of ${destination} as a destination (all origins, total, women and men) is exactly that of ${previous}: read this corridor's change between the two as not estimated rather than as none (see the caveats).`,
  repeatedLatest: (period: string, previous: string) =>
    `The ${period} figures are exactly those of ${previous} (total, women and men): read the change between the two as not estimated rather than as none (see the caveats).`,
  /** Said to screen readers beside the mark of a top origin or destination whose figures only repeat the period before. */
  partnerRepeatedFlag: 'only repeats the period before: change not estimated',
  partnersRepeated: (partners: readonly string[], period: string, previous: string) =>
    `${partners.join(', ')}: in this edition, the ${period} figures only repeat those of ${previous} exactly, as the destination's figures do as a whole; read their change between the two as not estimated rather than as none (see the caveats).`,
  /** The latest year the revisions give different figures for, where they part by less than the note above says. */
  revisionsDisagree: (period: string, flow: string, values: readonly string[]) =>
    `The revisions do not agree on ${period} (${flow.toLowerCase()}): ${values.join(' against ')}; each revision estimates past years again.`,
  editionGap: (period: string, flow: string, low: string, lowValue: string, high: string, highValue: string) =>
    `${flow} ${period}: ${lowValue} (${low}) against ${highValue} (${high})`,
  editionsNotSpliced: 'Editions are shown side by side, never spliced: a later edition may revise earlier years.',
  statusesMarked: (items: readonly string[]) => `As the publisher marks them: ${items.join('; ')}.`,
  corridorTotalNote: (editions: readonly string[]) =>
    `Total (${editions.join(', ')}): women + men, as ${editions.length === 1 ? 'this edition prints' : 'these editions print'} no total for a corridor; the SDMX data give women and men, not their total.`,
  corridorCitizensNote: (to: string) =>
    `For ${to}, UN DESA counts migrants by citizenship, not by place of birth (its type-of-data code C): these figures are of citizens of the country of origin, not of the people born there.`,
  displacedSumNote: 'Each bar is the sum of the UNHCR groups in the table, returns apart.',
  groupsSum: (list: string) => `Bridges’ sum: ${list}`,
  comparisonTitle: (name: string) => `${name}: remittances compared with aid (ODA) and investment (FDI)`,
  pctOfGdpNote: 'Shares of GDP are computed by Bridges: flow ÷ GDP in current US$ of the same year.',
  topSendersTitle: (name: string, period: string, count: number) =>
    `${name}: where remittances come from, ${count === 1 ? 'the one sending country' : `top ${String(count)} sending countries`}, ${period}`,
  currentUsdEstimate: 'Current US$, estimates',
  colSendingCountry: 'Sending country',
  colReceivingCountry: 'Receiving country',
  costHeading: 'Cost of sending money',
  costLead: (amount: string) =>
    `Average total cost of sending US$ ${amount} in each corridor, as a percentage of the amount sent, against SDG target 10.c: less than 3% on average, no corridor above 5%.`,
  costInboundTitle: (name: string, amount: string) =>
    `${name}: cost of sending US$ ${amount} to the country, by sending country`,
  costOutboundTitle: (name: string, amount: string) =>
    `${name}: cost of sending US$ ${amount} from the country, by receiving country`,
  costSubtitle: (period: string, edition: string) => `% of the amount sent, latest quarter ${period} · ${edition}`,
  costSubtitleMixed: (period: string, edition: string) =>
    `% of the amount sent, each corridor's latest quarter (${period} unless marked under its name) · ${edition}`,
  costPercentSubtitle: '% of the amount sent, each source and amount as its own line',
  costFlagNote: (ceiling: number) =>
    `Hatched bars marked ▲ are corridors above the SDG 10.c ceiling of ${String(ceiling)}%. Dashed lines: the 3% average target and the 5% ceiling.`,
  costLinesNote: 'Dashed lines: the SDG 10.c average target of 3% and the ceiling of 5% per corridor.',
  costOtherEditions: (editions: readonly string[]) =>
    `The bars are the latest edition’s. ${editions.join('; ')} ${editions.length > 1 ? 'are' : 'is'} left out of this chart and its CSV: each corridor’s page draws every edition, and the whole profile’s CSV has them.`,
  aboveFive: 'above 5%',
  sdgTarget3: 'SDG 10.c: 3%',
  sdgCeiling5: 'ceiling 5%',
  costMeansHeading: 'Average over the corridors',
  costMeanMethod: (amount: string) =>
    `Bridges’ unweighted mean of the average total cost of sending US$ ${amount} in the corridors priced in the latest period of each edition; not the World Bank’s published average, which weights corridors.`,
  sdgTargetText:
    'SDG target 10.c: by 2030, reduce to less than 3 per cent the transaction costs of migrant remittances and eliminate remittance corridors with costs higher than 5 per cent (indicator 10.c.1, for a transfer of US$ 200).',
  costMean: (inbound: boolean, mean: string, period: string, count: number, above: number, edition: string) =>
    `${inbound ? 'Sending money to the country' : 'Sending money from the country'}: ${mean} on average over ${count === 1 ? 'one corridor' : `${String(count)} corridors`} in ${period} (${edition}); ${String(above)} above 5%.`,
  displacementHeading: 'Forced displacement',
  diocPopulation: {
    all: 'Born in the country, living in an OECD country',
    aged15PlusOrUnknown:
      'Born in the country, living in an OECD country, aged 15 and over or of unknown age (those under 15 left out)',
    aged15Plus: 'Born in the country, living in an OECD country, aged 15 and over (DIOC file C)',
  },
  displacementLead:
    'Refugees, asylum seekers, internally displaced and stateless people and others of concern to UNHCR, at the end of each year, except where the source says mid-year (the latest year of an edition can be: see the source line and the caveats).',
  displacedFrom: 'From the country, abroad',
  displacedHosted: 'Hosted in the country',
  displacedWithin: 'Displaced within the country',
  flowsApart: (list: string) => `not in the total, returns during the year: ${list}`,
  displacedByAsylumTitle: (name: string, period: string) =>
    `${name}: people displaced abroad, by country of asylum${period ? `, ${period}` : ''}`,
  displacedByOriginTitle: (name: string, period: string) =>
    `${name}: displaced people hosted, by origin${period ? `, ${period}` : ''}`,
  colAsylumCountry: 'Country of asylum',
  unhcrGroups: {
    refugee: 'Refugees',
    asylum: 'Asylum seekers',
    refugee_return: 'Returned refugees',
    idp: 'Internally displaced',
    idp_return: 'Returned IDPs',
    stateless: 'Stateless',
    other: 'Others of concern',
  },
  oecdHeading: 'Emigrants in OECD countries',
  oecdLead:
    'People born in the country living in OECD countries around 2015/16, by level of education and labour-force status (OECD DIOC).',
  educationTitle: (name: string, period: string) => `${name}: emigrants in OECD countries by education, ${period}`,
  labourForceTitle: (name: string, period: string) =>
    `${name}: emigrants in OECD countries by labour-force status, ${period}`,
  dioc: {
    education: {
      low: 'Low (at most lower secondary)',
      medium: 'Medium (upper secondary)',
      tertiary: 'Tertiary',
      unknown: 'Unknown',
    },
    labourForce: { employed: 'Employed', unemployed: 'Unemployed', inactive: 'Inactive', unknown: 'Unknown' },
  },
  downloadWholeProfile: 'Download the whole profile as CSV (every figure with its source)',

  // Corridor
  corridorTitle: (from: string, to: string) => `${from} → ${to}`,
  corridorLead:
    'People born in the origin country living in the destination country: how many they are, the money sent between the two countries, what sending it costs, and the people forcibly displaced from the one to the other.',
  reverseCorridor: (from: string, to: string) => `Reverse corridor: ${from} → ${to}`,
  corridorDisplacementTitle: (from: string, to: string) =>
    `${from} → ${to}: people forcibly displaced from the origin in the destination, by group`,
  corridorDisplacementLead: (from: string, to: string) =>
    `Refugees, asylum seekers and others of concern to UNHCR from the country of origin (${from}) in the country of asylum (${to}), at the end of each year except where the source says mid-year. Returned refugees went back from ${to} to ${from} during the year: a flow, in the table, never in the total.`,
  personsStockGroups: 'persons, each UNHCR group as its own line (returns in the table)',
  corridorStockTitle: (from: string, to: string) =>
    `${from} → ${to}: people born in the origin living in the destination`,
  corridorStockLead: (from: string, to: string) =>
    `People born in the country of origin (${from}) living in the country of destination (${to}), at mid-year.`,
  corridorRemittancesLead: (from: string, to: string) =>
    `Estimated remittances between the two, each direction apart: ${from} → ${to}, then ${to} → ${from} (what migrants living in the destination, ${to}, send home), in current US$.`,
  corridorCostLead: (ceiling: number) =>
    `Average total cost of sending money, each direction, source and amount apart; SDG 10.c: no corridor above ${String(ceiling)}%.`,
  corridorRemittancesTitle: (from: string, to: string) => `${from} ↔ ${to}: remittances`,
  remittanceAbsent: (edition: string, direction: string) =>
    `${edition} has no value for ${direction}: no estimate, which is not an estimate of zero.`,
  remittanceZero: (edition: string, direction: string) =>
    `${edition} prints 0 for ${direction}: in its whole millions, an estimate below US$ 0.5 million, or perhaps no estimate at all; not a measured absence of remittances.`,
  knomadEstimateNote:
    'KNOMAD bilateral remittances are model estimates (from migrant stocks and incomes), not measured flows; each edition is its own bar.',
  corridorCostTitle: (from: string, to: string) => `${from} ↔ ${to}: cost of sending money`,
  downloadWholeCorridor: 'Download the whole corridor as CSV',

  // Explorer
  explorerTitle: 'Indicator explorer',
  explorerLead:
    'Choose an indicator and a year to see every country on the map, the largest in a chart and all of them in a table, with totals by region or income group.',
  explorerControls: 'Indicator, edition, year and filters',
  explorerUnknownIndicator: (id: string, shown: string) =>
    `There is no indicator “${id}”: the explorer shows “${shown}” instead.`,
  profileUnknownEdition: (id: string) => `There is no edition “${id}”: the profile shows the latest instead.`,
  corridorSameEnds: (code: string) =>
    `A corridor joins two different countries or areas: ${code} → ${code} is not one. Choose another destination.`,
  explorerReset: (choices: readonly string[]) =>
    `This link asks for ${choices.join(', ')}, which the data do not have: the explorer shows its default for each instead (the latest edition and period, all partner countries, both sexes).`,
  indicatorLabel: 'Indicator',
  editionLabel: 'Edition',
  periodLabel: 'Year or period',
  periodRange: (first: string, last: string, count: number) =>
    count === 1 ? `Data for ${first} only.` : `${String(count)} periods with data, ${first} to ${last}.`,
  counterpartLabel: 'Partner country',
  counterpartHint: 'Origin of the migrants, sender of the money',
  /** The partner's role by the indicator's topic, where it has one of its own. */
  counterpartHints: {
    migration: 'Country of origin of the migrants',
    remittances: 'Country the money is sent from',
    displacement: 'Country of origin of the displaced people',
  } as Readonly<Record<string, string>>,
  allCounterparts: 'All (summed)',
  allCounterpartsAveraged: 'All (unweighted mean)',
  /** The counterpart in a chart's title, in what it is for the indicator: where people were born, where money was sent from. */
  counterpartIs: (name: string, indicator: string) =>
    `${({ birth: 'country of birth', origin: 'country of origin', sender: 'sending country' } as Record<string, string>)[COUNTERPART_ROLE[indicator] ?? ''] ?? 'partner'}: ${name}`,
  dimensionLabel: (key: string) =>
    ({
      amount: 'Amount sent',
      group: 'Population group',
      edu_lfs: 'Education level',
      lfs: 'Labour-force status',
      age_lfs: 'Age',
      age: 'Age',
      national: 'Citizenship',
      oecd: 'Country of residence',
      regionb: 'Region of birth',
      oecdb: 'Born in an OECD country',
      fborn: 'Place of birth',
    })[key] ?? `Category (${key})`,
  /** OECD DIOC's codes of its other dimensions (education and labour force are under `dioc`). */
  dimensionValues: {
    age_lfs: { '0': 'Under 15', '1': '15–24', '2': '25–64', '3': '65 and over', '99': 'Unknown' },
    age: { '1': '15–24', '2': '25–64', '3': '65 and over', '1564': '15–64 (Austria and Turkey)', '99': 'Unknown' },
    national: { '0': 'Foreign citizen', '1': 'Citizen of the country of residence', '99': 'Unknown' },
    oecd: { '1': 'An OECD country' },
    regionb: DIOC_REGIONS_OF_BIRTH,
    oecdb: { '0': 'No', '1': 'Yes' },
    fborn: { '0': 'Native-born', '1': 'Foreign-born', '99': 'Unknown' },
  } as Readonly<Record<string, Readonly<Record<string, string>>>>,
  allValuesSummed: 'All (summed)',
  groupByLabel: 'Totals by',
  meansByLabel: 'Means by',
  groupings: {
    m49region: 'Region (UN M49)',
    m49subregion: 'Sub-region (UN M49)',
    incomeGroup: 'Income group (World Bank)',
  } satisfies Record<RankingGrouping, string>,
  /** `notCounted`: some group leaves members out of its coverage (the API's `notCounted`). */
  groupMethod: (grouping: string, how: Combination, period: string, notCounted = false) =>
    `${grouping}: ${how === 'sum' ? 'sum' : how === 'mean' ? 'unweighted mean' : `mean weighted by ${how.weightedBy}`} of the members with a value in ${period}; coverage = members with data / members counted.${notCounted ? ' Not counted: members with no population of their own in the data (uninhabited, or counted with another area).' : ''}`,
  /** The members each group does not count, by name. */
  notCountedList: (groups: readonly { group: string; names: readonly string[] }[]) =>
    `Not counted: ${groups.map((g) => `${g.group} (${g.names.join(', ')})`).join('; ')}.`,
  topics: {
    migration: 'Migration',
    remittances: 'Remittances',
    displacement: 'Displacement',
    economy: 'Economy',
    finance: 'Finance',
    population: 'Population',
  },
  /**
   * Names of the bundled indicators and units where the language has its own (src/core's
   * statistics-names.ts, the SDMX names' too); others show the API's English.
   */
  indicatorNames: {} as Readonly<Record<string, string>>,
  /** The indicators' descriptions, where the API's English has a translation; none in English. */
  indicatorDescriptions: {} as Readonly<Record<string, string>>,
  unitNames: {} as Readonly<Record<string, string>>,
  inEnglish: '(indicator descriptions are in English)',
  skipMap: 'Skip the map (the table under it lists every value)',
  mapTitle: (indicator: string, period: string) => `${indicator}, ${period}`,
  /**
   * What the explorer shows once drawn, for screen readers: the map's title, the edition and
   * filters, how many areas; and the year, when it changed with another choice.
   */
  explorerShown: (title: string, details: string, count: number, yearChangedTo: string | null) =>
    `${title} (${details}): ${count === 1 ? '1 country or area' : `${String(count)} countries and areas`}${yearChangedTo ? `. The year changed to ${yearChangedTo}.` : ''}`,
  mapDescription: (count: number, topName: string, topValue: string) =>
    `World map of ${String(count)} countries and areas with data; largest value: ${topName}, ${topValue}. Countries in grey have no data. The table below lists every value.`,
  mapNote: (count: number) =>
    `${String(count)} countries and areas have a value; small islands and areas the map does not draw are in the table only. Classes are quantiles.`,
  mapFilled: (filled: number, drawn: number) =>
    `${String(filled)} of the ${String(drawn)} countries drawn on the map have a value.`,
  mapKeyboard:
    'Each country is a link to its data profile. With the keyboard the map is one stop: the arrow keys go through the countries with a value in alphabetical order, Enter opens one.',
  topNTitle: (n: number, indicator: string, period: string) => `Top ${String(n)}: ${indicator}, ${period}`,
  aggregatesTitle: (grouping: RankingGrouping, period: string, mean: boolean) =>
    `${mean ? 'Means' : 'Totals'} ${{ m49region: 'by region (UN M49)', m49subregion: 'by sub-region (UN M49)', incomeGroup: 'by income group (World Bank)' }[grouping]}, ${period}`,
  /** A group's coverage: members with data of those counted, and how many it does not count. */
  coverage: (withData: number, inGroup: number, notCounted = 0) =>
    `${String(withData)} of ${String(inGroup)} with data${notCounted ? `; ${String(notCounted)} not counted` : ''}`,
  /** A CSV's computed_by: a both-sexes total Bridges added up (as src/core's bothSexesNote words it). */
  csvTotalBothSexes: 'total = male + female',
  colCoverage: 'Coverage',
  colNotCounted: 'Not counted',
  incomeGroupsShort: { L: 'Low income', LM: 'Lower-middle', UM: 'Upper-middle', H: 'High income' },
  notGrouped: {
    incomeGroup: 'Not classified',
    m49region: 'No M49 region',
    m49subregion: 'No M49 sub-region',
  } satisfies Record<RankingGrouping, string>,
  incomeFiscalYear: (fy: string) => `Income groups of World Bank fiscal year ${fy}.`,
  incomeNotMatched: 'No classification on GNI of the data year is loaded: the nearest one is used.',
  classificationSource: 'Classification',
  trendHeading: 'Over time',
  trendLead: (max: number) =>
    `The same indicator, edition and filters over the years, for up to ${String(max)} countries or areas you choose, with the change between two periods computed by Bridges.`,
  trendTitle: (indicator: string) => `${indicator} over time`,
  trendControls: 'Areas and periods of the chart over time',
  trendAreasShown: 'Shown',
  trendRemoveArea: (name: string) => `Remove ${name}`,
  trendAddArea: 'Add a country or area',
  trendAreasFull: (max: number) => `Up to ${String(max)} at a time: remove one to add another.`,
  trendChooseArea: 'Choose…',
  trendAggregatesGroup: 'Publishers’ aggregates',
  trendCountriesGroup: 'Countries and areas',
  trendFrom: 'From',
  trendTo: 'To',
  trendAdd: 'Add',
  trendAreaAdded: (name: string) => `${name} added to the chart over time.`,
  trendAreaRemoved: (name: string) => `${name} removed from the chart over time.`,
  trendSinglePeriod: (period: string) =>
    `This edition has one period only (${period}): there is nothing to follow over time. Choose another edition or indicator.`,
  trendNoData: (names: string) => `No data with these filters for ${names}.`,
  /** Areas chosen that the view has no value for: left out, or, when none is left, replaced by `instead`. */
  trendAreasDropped: (
    names: readonly string[],
    indicator: string,
    indicatorName: string,
    period: string,
    instead: readonly string[],
  ) =>
    `${names.join(', ')}: no value for “${indicatorName}” in ${period}${COUNTERPART_ROLE[indicator] === 'sender' ? ' (its values are those of the country the money is sent to)' : ''}. ${instead.length ? `The chart over time shows its default instead: ${instead.join(', ')}.` : `The chart over time leaves ${names.length === 1 ? 'it' : 'them'} out.`}`,
  trendGrowthCaption: (from: string, to: string, unit: string) => `Change from ${from} to ${to} (${unit})`,
  trendDifference: 'Difference',
  percentagePoints: 'points',
  trendDifferenceMethod:
    'Difference = value at the end − value at the start, in percentage points for a percentage: a rate’s change is not a percentage of a percentage.',
  trendChange: 'Change',
  trendAnnualRate: 'Per year (compound)',
  trendGrowthMethod:
    'Change = value at the end ÷ value at the start − 1; per year = the compound annual rate, between yearly periods more than a year apart (over one year it is the change). Where a value is missing at either end, both are left blank.',
  /** Said to screen readers beside the mark of an end that only repeats the period before. */
  trendRepeatedFlag: 'repeats the period before: change not estimated',
  trendRepeated: (areas: readonly string[], period: string, previous: string) =>
    `${areas.join(', ')}: the ${period} figures are exactly those of ${previous} in this edition, so the change to ${period} is not estimated rather than none, and is left blank (see the caveats).`,
  /** Said to screen readers beside the mark of a total of Bridges' that includes figures only repeating the period before. */
  groupRepeatedFlag: 'includes figures that only repeat the period before',
  groupsRepeated: (
    groups: readonly { group: string; members: readonly string[] }[],
    period: string,
    previous: string,
  ) =>
    `${groups.map((g) => `${g.group} (${g.members.join(', ')})`).join('; ')}: these totals include figures that only repeat those of ${previous} exactly in ${period} in this edition, so their change from ${previous} to ${period} is partly not estimated (see the caveats).`,
  publishedAggregatesHeading: "Publishers' aggregates and residual categories",
  publishedAggregatesNote:
    'Not countries, so neither ranked nor in Bridges’ totals: the world, regions or income groups the publisher computed, and what it could not assign to a country.',
  noPublishedAggregates: 'The publisher gives no aggregate for this indicator and period.',
  totalComputed: (value: string, count: number) => `Total over ${String(count)} countries and areas: ${value}`,
  meanComputed: (value: string, count: number) => `Unweighted mean over ${String(count)} countries and areas: ${value}`,
  weightedMeanComputed: (value: string, count: number, weight: string) =>
    `Mean over ${String(count)} countries and areas, weighted by ${weight}: ${value}`,
  allCountriesHeading: (count: number) => `All countries and areas (${String(count)})`,
  apiCsvLink: 'The same ranking as CSV from the API (with totals by group)',

  // Catalogue
  datasetsTitle: 'Datasets',
  datasetsLead:
    'Every publisher edition loaded in Bridges, editions of the same publication side by side, with licence, coverage, how to cite it, the publisher’s method notes and caveats, and where the file comes from.',
  datasetCount: (datasets: number, families: number) =>
    `${String(datasets)} editions of ${String(families)} publications`,
  downloadCatalogue: 'Download the catalogue as CSV',
  downloadCatalogueFiltered: 'Download these editions as CSV',
  datasetCountFiltered: (shown: number, total: number, families: number) =>
    `${String(shown)} of ${String(total)} editions, in ${String(families)} ${families === 1 ? 'publication' : 'publications'}`,
  catalogueSearchLabel: 'Search the catalogue',
  catalogueSearchHint: 'Titles, publishers, editions and indicators, in English, French or Spanish.',
  filterTopic: 'Topic',
  allTopics: 'All topics',
  filterPublisher: 'Publisher',
  allPublishers: 'All publishers',
  noDatasetMatches: 'No edition matches this search and these filters.',
  editionsSideBySide: (n: number) =>
    `${String(n)} editions side by side, newest first (by release date, or else by the year in the dataset id). Compare them; do not splice them.`,
  /** The words before a publication's title (English, in a span of its own) in its editions' table caption. */
  familyCaptionBefore: (_title: string) => 'Editions of ',
  colReleaseDate: 'Release date',
  colPeriods: 'Periods',
  colObservations: 'Observations',
  colAreas: 'Areas',
  colIndicators: 'Indicators',
  colSource: 'Source',
  colLoaded: 'Loaded in Bridges',
  areaCounts: (reference: number, counterpart: number, aggregates: number, lang: UiLanguage) =>
    // The aggregates are among the reference areas, not beside them.
    `${formatNumber(reference, lang)} reference areas` +
    (aggregates
      ? ` (${formatNumber(aggregates, lang)} of them publisher aggregate${aggregates === 1 ? '' : 's'})`
      : '') +
    (counterpart ? `, ${formatNumber(counterpart, lang)} partner areas` : ''),
  citationHeading: 'How to cite',
  copyCitation: 'Copy the citation',
  copied: 'Citation copied.',
  copyFailed: 'Could not copy: select the text and copy it.',
  colDatasetId: 'Dataset id',
  colFamily: 'Publication (family)',
  notGiven: 'Not given by the publisher',
  downloadRecord: 'Download this record as CSV',
  methodHeading: 'Method notes',
  caveatsHeading: 'Caveats',
  provenanceHeading: 'Provenance of the bundled file',
  indicatorsCaption: (id: string) => `Indicators of ${id}`,
  colUnit: 'Unit',
  colMeasureType: 'Type',
  colSeries: 'Series',
  colBreakdowns: 'Breakdowns',
  colExplore: 'Explore',
  measureTypes: { stock: 'stock', flow: 'flow', rate: 'rate' },
  bySex: 'By sex',
  exploreOnMap: 'On the map',
  sdmxData: (period: string) => `SDMX data, ${period} (CSV)`,
  sdmxDataAll: 'SDMX data, every period (CSV)',
  filesHeading: 'Source files',
  filesLead:
    'The files this edition was loaded from, as bundled with Bridges (gzipped where the name ends in .gz); the provenance above says where each comes from and whether it is the publisher’s own. Check a copy against its SHA-256.',
  filesNone: 'This edition was imported from a file Bridges does not bundle: there is no copy to download.',
  fileSize: (bytes: string) => `${bytes} bytes`,
  sdmxHeading: 'SDMX API',
  sdmxLead:
    'Each indicator of this edition is an SDMX 2.1 dataflow: any SDMX client (the sdmx1 library, .Stat Suite, R rsdmx) can query it with its series key, given beside each flow: FREQ.REF_AREA.COUNTERPART_AREA.SEX, then the source’s own dimensions.',
  sdmxStructure: 'structure',
  sdmxKeyLabel: 'key',
  otherEditionsHeading: 'Other editions',
  compareEditions: 'Compare the editions side by side',

  // Data hub front page
  dataHubTitle: 'Data hub',
  dataHubLead:
    'Migration, remittances, their cost, forced displacement and the economy, from UN DESA, the World Bank and KNOMAD, the OECD and UNHCR: every figure with its source, every chart downloadable.',
  explorerCard: 'Any indicator on a world map, in a chart and a table, year by year.',
  datasetsCard: 'The catalogue: editions side by side, licences, citations, caveats and provenance.',
  profilesCardTitle: 'Country profiles',
  countryLabel: 'Country',
  openProfile: 'Open the profile',
  corridorsCardTitle: 'Corridors',
  originLabel: 'Origin',
  destinationLabel: 'Destination',
  openCorridorButton: 'Open the corridor',
  sdmxCard: 'The same numbers for SDMX clients: dataflows, structures and data in SDMX-JSON and SDMX-CSV.',
  homeDataHubCard:
    'Explore migration, remittances and their cost by country, corridor and indicator, with every source.',
};

export type DatahubMessages = typeof en;

const fr = {
  navDataHubOverview: 'Présentation',
  navExplorer: 'Explorateur',
  navDatasets: 'Jeux de données',
  dataHubNavigation: 'Pôle de données',
  loadingData: (ready: number, total: number, lang: UiLanguage) =>
    `Chargement des données\u00a0: ${formatNumber(ready, lang)} jeux de données prêts sur ${formatNumber(total, lang)}. Les chiffres peuvent être incomplets jusqu’à la fin du chargement.`,
  loadFailed: (ids: string) =>
    `Certains jeux de données n’ont pas pu être chargés\u00a0: ${ids}. Leurs chiffres manquent.`,

  sourcePrefix: 'Source\u00a0:',
  sourcesPrefix: 'Sources\u00a0:',
  aboutDataset: 'à propos de ce jeu de données',
  downloadCsv: 'Télécharger le CSV',
  downloadPng: 'Télécharger l’image (PNG)',
  downloadSvg: 'SVG',
  downloadSvgLabel: 'Télécharger l’image (SVG)',
  imageNotDrawn: 'Le graphique n’a pas pu être dessiné pour son image\u00a0: réessayez une fois la page chargée.',
  chartDownloads: (title: string) => `Téléchargements\u00a0: ${title}`,
  sdmxLinkTitle:
    'Les séries de l’éditeur derrière ce graphique, depuis l’API SDMX (SDMX-CSV)\u00a0; les totaux et moyennes que Bridges en a calculés n’y sont pas',
  caveatsSummary: (count: number) =>
    count === 1
      ? 'Mises en garde sur ce jeu de données (en anglais)\u00a0: à lire avant usage'
      : `Mises en garde sur ces ${String(count)} jeux de données (en anglais)\u00a0: à lire avant usage`,
  showTable: 'Afficher les données sous forme de tableau',
  imageCredit:
    'Graphique\u00a0: Bridges, plateforme ouverte sur la migration et le développement. Chiffres tels que publiés\u00a0; voir la source.',
  imageCreditComputed:
    'Graphique\u00a0: Bridges, plateforme ouverte sur la migration et le développement. Chiffres calculés par Bridges à partir des sources\u00a0; la méthode accompagne le graphique.',
  seriesSummary: (label: string, firstPeriod: string, first: string, lastPeriod: string, last: string) =>
    `${label}\u00a0: ${first} en ${firstPeriod}, ${last} en ${lastPeriod}.`,
  noValues: 'aucune valeur',
  noData: 'Pas de données',
  noBundledData: 'Aucune donnée dans les sources fournies.',
  computedByBridges: 'calculé par Bridges',
  computedFrom: (a, b) => `calculé par Bridges à partir de ${a} et ${b}`,
  sumOfEdition: (edition) => `somme de ${edition} calculée par Bridges`,
  keyFigures: 'Chiffres clés',
  onThisPage: 'Sur cette page',
  colPeriod: 'Période',
  colRank: 'Rang',
  colShare: 'Part',
  colCategory: 'Catégorie',
  colStatus: 'Statut',
  allStatusNormal:
    'Toutes les valeurs sont telles que publiées\u00a0: aucune n’est marquée estimée, provisoire, imputée ou prévision.',
  colCorridorsAveraged: 'Corridors',
  corridorsAveragedNote: (single: readonly string[]) =>
    `Chaque valeur est la moyenne non pondérée des corridors du pays ayant une valeur sur la période (le tableau en donne le nombre).${single.length ? ` ${single.join(', ')} : un seul corridor.` : ''}`,
  unusualCostFlag: 'corridor inhabituel',
  unusualPointsNote: (points: readonly string[]) =>
    `Inférieurs à 0\u00a0% ou supérieurs à 30\u00a0% du montant envoyé, tels que publiés\u00a0: ${points.join('\u00a0; ')}. Vérifiez-les avant usage.`,
  unusualCostNote: (areas: readonly string[]) =>
    `Marqué ⚠\u00a0: la valeur est, ou moyenne, un coût de corridor inférieur à 0\u00a0% (une marge de change favorable à l’expéditeur plus grande que les frais) ou supérieur à 30\u00a0% du montant envoyé\u00a0: ${areas.join('\u00a0; ')}. Ce sont les chiffres de l’éditeur tels que publiés\u00a0; vérifiez-les avant usage.`,
  unusualCostRange: (name: string, min: string, max: string) =>
    min === max ? `${name} (${min})` : `${name} (corridors de ${min} à ${max})`,
  colEdition: 'Édition',
  colDirection: 'Sens',
  sexLabel: SEX_NAMES.fr.SEX,
  sexTotal: SEX_NAMES.fr._T,
  sexFemale: SEX_NAMES.fr.F,
  sexMale: SEX_NAMES.fr.M,
  measure: 'Mesure',
  currentUsd: 'Dollars US courants',
  percentOfGdp: '% du PIB',
  gdpLabel: 'PIB',
  statuses: {
    A: 'normale',
    E: 'estimée',
    P: 'provisoire',
    I: 'imputée',
    F: 'prévision',
  },

  tabOverview: 'Présentation',
  tabProfile: 'Profil statistique',
  countryViews: 'Vues de ce pays',
  profileTitle: (name: string) => `${name}\u00a0: données sur la migration et le développement`,
  profileOf: (name: string) => `Profil statistique\u00a0: ${name}`,
  migrationHeading: 'Migration',
  migrationLead:
    'Personnes nées dans le pays vivant à l’étranger (émigrés) et personnes nées à l’étranger vivant dans le pays (immigrés), en milieu d’année, selon l’International Migrant Stock du DAES des Nations Unies.',
  editionSwitch: 'Édition du DAES (UN DESA)',
  editionRevision: (year) => `Révision ${year}`,
  totalInEdition: (edition) => `Total, ${edition}`,
  emigrantsLatest: (period: string) => `Émigrés, ${period}`,
  immigrantsLatest: (period: string) => `Immigrés, ${period}`,
  immigrantShare: (period: string) => `Part des immigrés dans la population, ${period}`,
  emigrantShare: (period: string) => `Émigrés rapportés à la population, ${period}`,
  emigrantsTrendTitle: (name: string) => `${name}\u00a0: émigrés par sexe`,
  immigrantsTrendTitle: (name: string) => `${name}\u00a0: immigrés par sexe`,
  personsBySex: 'Personnes, en milieu d’année',
  personsBothSexes: 'Personnes, deux sexes',
  personsEachEdition: 'personnes, une courbe par édition',
  personsAllGroups: 'Personnes, tous groupes du HCR sauf les retours (flux de l’année, dans le tableau)',
  diocPersons: {
    all: 'Personnes',
    aged15PlusOrUnknown: 'Personnes de 15 ans et plus ou d’âge inconnu',
    aged15Plus: 'Personnes de 15 ans et plus',
  },
  colShareOfPopulation: 'Part de la population',
  shareNote:
    'La part de la population est calculée par Bridges\u00a0: immigrés ÷ population totale de la même année (source de la population citée dans la ligne des sources).',
  emigrantShareNote:
    'La part de la population est calculée par Bridges\u00a0: émigrés ÷ population totale vivant dans le pays la même année, dont ils ne font pas partie (comme le Migration and Remittances Factbook de la Banque mondiale la donne\u00a0; source de la population citée dans la ligne des sources).',
  topDestinationsTitle: (name: string, period: string, count: number) =>
    `${name}\u00a0: où vivent les émigrés, ${count === 1 ? 'la seule destination' : `les ${String(count)} premières destinations`}, ${period}`,
  topOriginsTitle: (name: string, period: string, count: number, all = false) =>
    `${name}\u00a0: d’où viennent les immigrés, ${count === 1 ? 'la seule origine' : all ? `les ${String(count)} origines nommées` : `les ${String(count)} premières origines`}, ${period}`,
  colDestination: 'Destination',
  colOrigin: 'Origine',
  showOnMap: 'Voir sur la carte du monde où vivent ces émigrés',
  unknownOrigin: (value: string) => `S’y ajoutent ${value} immigrés dont la source ne donne pas l’origine.`,
  openCorridor: 'Ouvrir la page d’un corridor',
  remittancesHeading: 'Envois de fonds',
  remittancesLead:
    'L’argent que les migrants envoient chez eux, en dollars US courants, comparé à l’aide publique au développement (APD) et aux investissements directs étrangers (IDE). Chaque édition forme sa propre série.',
  receivedLatest: (period: string) => `Envois de fonds reçus, ${period}`,
  receivedPctGdp: (period: string) => `Envois de fonds reçus en % du PIB, ${period}`,
  receivedPctGdpPrinted: (period: string) => `Envois de fonds reçus en % du PIB, tel que publié, ${period}`,
  imfGdp: 'PIB des Perspectives de l’économie mondiale du FMI',
  sentLatest: (period: string) => `Envois de fonds émis, ${period}`,
  flowNames: {
    remittances_received: 'Envois de fonds reçus',
    remittances_sent: 'Envois de fonds émis',
    oda_received: 'APD reçue',
    fdi_inflows: 'Entrées d’IDE',
  },
  remittancesTrendTitle: (name: string) => `${name}\u00a0: envois de fonds reçus et émis`,
  currentUsdEachEdition: 'Dollars US courants, une courbe par édition',
  editionsDiffer: 'Des éditions diffèrent fortement (de 50\u00a0% ou plus)\u00a0:',
  editionsWhy: 'Une première estimation peut être révisée\u00a0; voir les mises en garde.',
  revisionsDiffer: 'Les révisions diffèrent fortement (de 50\u00a0% ou plus)\u00a0:',
  revisionsWhy: 'Chaque révision estime à nouveau les années passées\u00a0; voir les mises en garde.',
  repeatsPrevious: (previous) => `exactement le chiffre de ${previous}`,
  corridorRepeated: (edition, destination, period, previous) =>
    `Dans ${edition}, les chiffres de ${period} du pays de destination (${destination}\u00a0; toutes origines, total, femmes et hommes) sont exactement ceux de ${previous}\u00a0: lire l’évolution de ce corridor entre les deux comme non estimée plutôt que nulle (voir les mises en garde).`,
  repeatedLatest: (period, previous) =>
    `Les chiffres de ${period} sont exactement ceux de ${previous} (total, femmes et hommes)\u00a0: lire leur évolution entre les deux comme non estimée plutôt que nulle (voir les mises en garde).`,
  partnerRepeatedFlag: 'ne fait que reprendre la période précédente\u00a0: évolution non estimée',
  partnersRepeated: (partners, period, previous) =>
    `${partners.join(', ')}\u00a0: dans cette édition, les chiffres de ${period} ne font que reprendre exactement ceux de ${previous}, comme l’ensemble des chiffres du pays de destination\u00a0; lire leur évolution entre les deux comme non estimée plutôt que nulle (voir les mises en garde).`,
  revisionsDisagree: (period: string, flow: string, values: readonly string[]) =>
    `Les révisions ne concordent pas pour ${period} (${flow.toLowerCase()})\u00a0: ${values.join(' contre ')}\u00a0; chaque révision estime à nouveau les années passées.`,
  editionGap: (period: string, flow: string, low: string, lowValue: string, high: string, highValue: string) =>
    `${flow} ${period}\u00a0: ${lowValue} (${low}) contre ${highValue} (${high})`,
  editionsNotSpliced:
    'Les éditions sont présentées côte à côte, jamais raccordées\u00a0: une édition plus récente peut réviser les années antérieures.',
  statusesMarked: (items: readonly string[]) => `Selon les marques de l’éditeur\u00a0: ${items.join('\u00a0; ')}.`,
  corridorTotalNote: (editions: readonly string[]) =>
    `Total (${editions.join(', ')})\u00a0: femmes + hommes, car ${editions.length === 1 ? 'cette édition ne publie' : 'ces éditions ne publient'} pas de total par corridor\u00a0; les données SDMX donnent les femmes et les hommes, pas leur total.`,
  corridorCitizensNote: (to: string) =>
    `Pour ${to}, le DAES de l’ONU compte les migrants par nationalité, non par lieu de naissance (type de données C)\u00a0: ces chiffres sont ceux des ressortissants du pays d’origine, non des personnes qui y sont nées.`,
  displacedSumNote: 'Chaque barre est la somme des groupes du HCR du tableau, hors retours.',
  groupsSum: (list: string) => `somme calculée par Bridges\u00a0: ${list}`,
  comparisonTitle: (name: string) =>
    `${name}\u00a0: envois de fonds comparés à l’aide (APD) et aux investissements (IDE)`,
  pctOfGdpNote:
    'Les parts du PIB sont calculées par Bridges\u00a0: flux ÷ PIB en dollars US courants de la même année.',
  topSendersTitle: (name: string, period: string, count: number) =>
    `${name}\u00a0: d’où viennent les envois de fonds, ${count === 1 ? 'le seul pays d’envoi' : `les ${String(count)} premiers pays d’envoi`}, ${period}`,
  currentUsdEstimate: 'Dollars US courants, estimations',
  colSendingCountry: 'Pays d’envoi',
  colReceivingCountry: 'Pays de réception',
  costHeading: 'Coût des envois d’argent',
  costLead: (amount: string) =>
    `Coût total moyen d’un envoi de ${amount}\u00a0dollars US dans chaque corridor, en pourcentage du montant envoyé, au regard de la cible 10.c des ODD\u00a0: moins de 3\u00a0% en moyenne, aucun corridor au-dessus de 5\u00a0%.`,
  costInboundTitle: (name: string, amount: string) =>
    `${name}\u00a0: coût d’un envoi de ${amount}\u00a0dollars US vers le pays, par pays d’envoi`,
  costOutboundTitle: (name: string, amount: string) =>
    `${name}\u00a0: coût d’un envoi de ${amount}\u00a0dollars US depuis le pays, par pays de réception`,
  costSubtitle: (period: string, edition: string) => `% du montant envoyé, dernier trimestre ${period} · ${edition}`,
  costSubtitleMixed: (period: string, edition: string) =>
    `% du montant envoyé, dernier trimestre de chaque corridor (${period}, sauf mention sous son nom) · ${edition}`,
  costPercentSubtitle: '% du montant envoyé, une courbe par source et par montant',
  costFlagNote: (ceiling: number) =>
    `Les barres hachurées marquées ▲ sont les corridors au-dessus du plafond de ${String(ceiling)}\u00a0% de la cible 10.c des ODD. Lignes pointillées\u00a0: la cible moyenne de 3\u00a0% et le plafond de 5\u00a0%.`,
  costLinesNote:
    'Lignes pointillées\u00a0: la cible moyenne de 3\u00a0% de l’ODD 10.c et le plafond de 5\u00a0% par corridor.',
  costOtherEditions: (editions: readonly string[]) =>
    `Les barres sont celles de l’édition la plus récente. ${editions.join('\u00a0; ')} ${editions.length > 1 ? 'sont laissées' : 'est laissée'} hors de ce graphique et de son CSV\u00a0: la page de chaque corridor trace toutes les éditions, et le CSV du profil complet les contient.`,
  aboveFive: 'au-dessus de 5\u00a0%',
  sdgTarget3: 'ODD 10.c\u00a0: 3\u00a0%',
  sdgCeiling5: 'plafond 5\u00a0%',
  costMeansHeading: 'Moyenne sur les corridors',
  costMeanMethod: (amount: string) =>
    `Moyenne non pondérée, calculée par Bridges, du coût total moyen d’un envoi de ${amount}\u00a0dollars US dans les corridors relevés à la dernière période de chaque édition\u00a0; ce n’est pas la moyenne publiée par la Banque mondiale, qui pondère les corridors.`,
  sdgTargetText:
    'Cible 10.c des ODD\u00a0: d’ici à 2030, faire baisser au-dessous de 3\u00a0pour cent les coûts de transaction des envois de fonds effectués par les migrants et éliminer les circuits d’envois de fonds dont les coûts sont supérieurs à 5\u00a0pour cent (indicateur 10.c.1, pour un envoi de 200\u00a0$ US).',
  costMean: (inbound: boolean, mean: string, period: string, count: number, above: number, edition: string) =>
    `${inbound ? 'Envois vers le pays' : 'Envois depuis le pays'}\u00a0: ${mean} en moyenne sur ${count === 1 ? 'un seul corridor' : `${String(count)} corridors`} en ${period} (${edition})\u00a0; ${String(above)} au-dessus de 5\u00a0%.`,
  displacementHeading: 'Déplacements forcés',
  diocPopulation: {
    all: 'Nés dans le pays, vivant dans un pays de l’OCDE',
    aged15PlusOrUnknown:
      'Nés dans le pays, vivant dans un pays de l’OCDE, âgés de 15 ans ou plus ou d’âge inconnu (les moins de 15 ans exclus)',
    aged15Plus: 'Nés dans le pays, vivant dans un pays de l’OCDE, âgés de 15 ans ou plus (fichier C de DIOC)',
  },
  displacementLead:
    'Réfugiés, demandeurs d’asile, personnes déplacées internes, apatrides et autres personnes relevant du HCR, en fin d’année, sauf là où la source indique la mi-année (c’est possible pour la dernière année d’une édition\u00a0: voir la ligne de source et les mises en garde).',
  displacedFrom: 'Originaires du pays, à l’étranger',
  displacedHosted: 'Accueillies dans le pays',
  displacedWithin: 'Déplacées à l’intérieur du pays',
  flowsApart: (list: string) => `hors total, retours pendant l’année\u00a0: ${list}`,
  displacedByAsylumTitle: (name: string, period: string) =>
    `${name}\u00a0: personnes déplacées à l’étranger, par pays d’asile${period ? `, ${period}` : ''}`,
  displacedByOriginTitle: (name: string, period: string) =>
    `${name}\u00a0: personnes déplacées accueillies, par origine${period ? `, ${period}` : ''}`,
  colAsylumCountry: 'Pays d’asile',
  unhcrGroups: {
    refugee: 'Réfugiés',
    asylum: 'Demandeurs d’asile',
    refugee_return: 'Réfugiés rapatriés',
    idp: 'Déplacés internes',
    idp_return: 'Déplacés internes rentrés',
    stateless: 'Apatrides',
    other: 'Autres personnes relevant du HCR',
  },
  oecdHeading: 'Émigrés dans les pays de l’OCDE',
  oecdLead:
    'Personnes nées dans le pays vivant dans les pays de l’OCDE vers 2015-2016, par niveau d’instruction et situation au regard de l’activité (DIOC de l’OCDE).',
  educationTitle: (name: string, period: string) =>
    `${name}\u00a0: émigrés dans les pays de l’OCDE par niveau d’instruction, ${period}`,
  labourForceTitle: (name: string, period: string) =>
    `${name}\u00a0: émigrés dans les pays de l’OCDE par situation au regard de l’activité, ${period}`,
  dioc: {
    education: {
      low: 'Faible (premier cycle du secondaire au plus)',
      medium: 'Moyen (second cycle du secondaire)',
      tertiary: 'Supérieur',
      unknown: 'Inconnu',
    },
    labourForce: { employed: 'En emploi', unemployed: 'Au chômage', inactive: 'Inactifs', unknown: 'Inconnu' },
  },
  downloadWholeProfile: 'Télécharger tout le profil en CSV (chaque chiffre avec sa source)',

  corridorTitle: (from: string, to: string) => `${from} → ${to}`,
  corridorLead:
    'Personnes nées dans le pays d’origine vivant dans le pays de destination\u00a0: leur nombre, l’argent envoyé entre les deux pays, le coût de ces envois et les personnes déplacées de force de l’un vers l’autre.',
  reverseCorridor: (from: string, to: string) => `Corridor inverse\u00a0: ${from} → ${to}`,
  corridorDisplacementTitle: (from: string, to: string) =>
    `${from} → ${to}\u00a0: personnes du pays d’origine déplacées de force dans le pays de destination, par groupe`,
  corridorDisplacementLead: (from: string, to: string) =>
    `Réfugiés, demandeurs d’asile et autres personnes relevant du HCR originaires du pays d’origine (${from}) dans le pays d’asile (${to}), à la fin de chaque année sauf là où la source indique le milieu d’année. Les réfugiés rapatriés sont rentrés pendant l’année du pays d’asile vers le pays d’origine\u00a0: un flux, dans le tableau, jamais dans le total.`,
  personsStockGroups: 'personnes, une courbe par groupe du HCR (les retours dans le tableau)',
  corridorStockTitle: (from: string, to: string) =>
    `${from} → ${to}\u00a0: personnes nées dans le pays d’origine vivant dans le pays de destination`,
  corridorStockLead: (from: string, to: string) =>
    `Personnes nées dans le pays d’origine (${from}) et vivant dans le pays de destination (${to}), au milieu de l’année.`,
  corridorRemittancesLead: (from: string, to: string) =>
    `Envois de fonds estimés entre les deux pays, chaque sens à part\u00a0: ${from} → ${to}, puis ${to} → ${from} (ce que les migrants vivant dans le pays de destination, ${to}, envoient chez eux), en dollars US courants.`,
  corridorCostLead: (ceiling: number) =>
    `Coût total moyen d’un envoi d’argent, chaque sens, source et montant à part\u00a0; ODD 10.c\u00a0: aucun corridor au-dessus de ${String(ceiling)}\u00a0%.`,
  corridorRemittancesTitle: (from: string, to: string) => `${from} ↔ ${to}\u00a0: envois de fonds`,
  remittanceAbsent: (edition: string, direction: string) =>
    `${edition} ne donne aucune valeur pour ${direction}\u00a0: pas d’estimation, ce qui n’est pas une estimation nulle.`,
  remittanceZero: (edition: string, direction: string) =>
    `${edition} indique 0 pour ${direction}\u00a0: en millions entiers, une estimation inférieure à 0,5 million de dollars US, ou peut-être l’absence d’estimation\u00a0; non une absence constatée d’envois.`,
  knomadEstimateNote:
    'Les envois bilatéraux de KNOMAD sont des estimations par modèle (à partir des effectifs de migrants et des revenus), non des flux mesurés\u00a0; chaque édition a sa propre barre.',
  corridorCostTitle: (from: string, to: string) => `${from} ↔ ${to}\u00a0: coût des envois d’argent`,
  downloadWholeCorridor: 'Télécharger tout le corridor en CSV',

  explorerTitle: 'Explorateur d’indicateurs',
  explorerLead:
    'Choisissez un indicateur et une année pour voir tous les pays sur la carte, les premiers dans un graphique et tous dans un tableau, avec des totaux par région ou par catégorie de revenu.',
  explorerControls: 'Indicateur, édition, année et filtres',
  explorerUnknownIndicator: (id: string, shown: string) =>
    `Il n’y a pas d’indicateur «\u00a0${id}\u00a0»\u00a0: l’explorateur montre «\u00a0${shown}\u00a0» à la place.`,
  profileUnknownEdition: (id: string) =>
    `Il n’y a pas d’édition «\u00a0${id}\u00a0»\u00a0: le profil montre la plus récente à la place.`,
  corridorSameEnds: (code: string) =>
    `Un corridor relie deux pays ou zones différents\u00a0: ${code} → ${code} n’en est pas un. Choisissez une autre destination.`,
  explorerReset: (choices: readonly string[]) =>
    `Ce lien demande ${choices.join(', ')}, que les données n’ont pas\u00a0: l’explorateur montre à la place ce qu’il montre par défaut (la dernière édition et la dernière période, tous les pays partenaires, les deux sexes).`,
  indicatorLabel: 'Indicateur',
  editionLabel: 'Édition',
  periodLabel: 'Année ou période',
  periodRange: (first: string, last: string, count: number) =>
    count === 1
      ? `Données pour ${first} seulement.`
      : `${String(count)} périodes avec des données, de ${first} à ${last}.`,
  counterpartLabel: 'Pays partenaire',
  counterpartHint: 'Origine des migrants, pays d’envoi de l’argent',
  counterpartHints: {
    migration: 'Pays d’origine des migrants',
    remittances: 'Pays d’où l’argent est envoyé',
    displacement: 'Pays d’origine des personnes déplacées',
  },
  allCounterparts: 'Tous (somme)',
  allCounterpartsAveraged: 'Tous (moyenne simple)',
  counterpartIs: (name: string, indicator: string) =>
    `${({ birth: 'pays de naissance', origin: 'pays d’origine', sender: 'pays d’envoi' } as Record<string, string>)[COUNTERPART_ROLE[indicator] ?? ''] ?? 'partenaire'}\u00a0: ${name}`,
  dimensionLabel: (key: string) =>
    ({
      amount: 'Montant envoyé',
      group: 'Groupe de population',
      edu_lfs: 'Niveau d’études',
      lfs: 'Situation au regard de l’emploi',
      age_lfs: 'Âge',
      age: 'Âge',
      national: 'Nationalité',
      oecd: 'Pays de résidence',
      regionb: 'Région de naissance',
      oecdb: 'Né dans un pays de l’OCDE',
      fborn: 'Lieu de naissance',
    })[key] ?? `Catégorie (${key})`,
  dimensionValues: {
    age_lfs: { '0': 'Moins de 15 ans', '1': '15–24 ans', '2': '25–64 ans', '3': '65 ans et plus', '99': 'Inconnu' },
    age: {
      '1': '15–24 ans',
      '2': '25–64 ans',
      '3': '65 ans et plus',
      '1564': '15–64 ans (Autriche et Turquie)',
      '99': 'Inconnu',
    },
    national: { '0': 'Ressortissant étranger', '1': 'Ressortissant du pays de résidence', '99': 'Inconnue' },
    oecd: { '1': 'Un pays de l’OCDE' },
    regionb: {
      AFRI: 'Afrique',
      ASIA: 'Asie',
      EURO: 'Europe',
      NOAM: 'Amérique du Nord',
      OCEA: 'Océanie',
      SCAC: 'Amérique du Sud, Amérique centrale et Caraïbes',
      UNK: 'Inconnue',
    },
    oecdb: { '0': 'Non', '1': 'Oui' },
    fborn: { '0': 'Né dans le pays', '1': 'Né à l’étranger', '99': 'Inconnu' },
  },
  allValuesSummed: 'Toutes (somme)',
  groupByLabel: 'Totaux par',
  meansByLabel: 'Moyennes par',
  groupings: {
    m49region: 'Région (M49 de l’ONU)',
    m49subregion: 'Sous-région (M49 de l’ONU)',
    incomeGroup: 'Catégorie de revenu (Banque mondiale)',
  },
  groupMethod: (grouping: string, how: Combination, period: string, notCounted = false) =>
    `${grouping}\u00a0: ${how === 'sum' ? 'somme' : how === 'mean' ? 'moyenne non pondérée' : `moyenne pondérée par «\u00a0${how.weightedBy}\u00a0»`} des membres ayant une valeur en ${period}\u00a0; couverture = membres avec données / membres comptés.${notCounted ? ' Non comptés\u00a0: les membres sans population propre dans les données (inhabités, ou comptés avec une autre zone).' : ''}`,
  notCountedList: (groups: readonly { group: string; names: readonly string[] }[]) =>
    `Non comptés\u00a0: ${groups.map((g) => `${g.group} (${g.names.join(', ')})`).join('\u00a0; ')}.`,
  topics: {
    migration: 'Migration',
    remittances: 'Envois de fonds',
    displacement: 'Déplacements',
    economy: 'Économie',
    finance: 'Finance',
    population: 'Population',
  },
  indicatorDescriptions: {
    migrant_stock:
      'Nombre de personnes vivant dans un pays autre que leur pays de naissance (ou, là où le lieu de naissance n’est pas enregistré, de nationalité), en milieu d’année. Zone de référence\u00a0: pays de destination\u00a0; zone partenaire\u00a0: pays d’origine.',
    migrant_stock_total:
      'Ensemble des migrants internationaux vivant dans la zone de référence, tel que le DAES de l’ONU le publie par destination (pays et agrégats de l’ONU).',
    migrant_share_pct:
      'Stock de migrants internationaux en pourcentage de la population totale, tel que le publie le DAES de l’ONU.',
    population_thousands: 'Population totale en milieu d’année, publiée avec le stock de migrants internationaux.',
    population: 'Population totale, Indicateurs du développement dans le monde (WDI).',
    remittance_bilateral_usd_m:
      'Estimation des envois de fonds de la zone partenaire (qui envoie) vers la zone de référence (qui reçoit).',
    remittance_inflows_usd_m:
      'Envois de fonds personnels reçus, estimés par la Banque mondiale et KNOMAD (y compris des estimations pour les pays qui ne déclarent pas).',
    remittance_inflows_pct_gdp:
      'Envois de fonds reçus en pourcentage du PIB, tels que la Banque mondiale et KNOMAD les publient pour leur dernière année (PIB des Perspectives de l’économie mondiale du FMI).',
    remittances_received_usd:
      'Transferts personnels et rémunération des salariés reçus, Indicateurs du développement dans le monde (WDI).',
    remittances_paid_usd:
      'Transferts personnels et rémunération des salariés versés, Indicateurs du développement dans le monde (WDI).',
    fdi_inflows_usd:
      'Entrées nettes d’investissements visant à acquérir un intérêt durable dans la gestion d’une entreprise, Indicateurs du développement dans le monde (WDI).',
    fdi_outflows_usd: 'Sorties nettes d’investissements directs, Indicateurs du développement dans le monde (WDI).',
    gdp_usd:
      'Produit intérieur brut aux prix d’acquisition, en dollars US courants, Indicateurs du développement dans le monde (WDI).',
    oda_received_usd_m: 'Aide publique au développement, versements nets de tous les donneurs, prix courants.',
    remittance_cost_pct:
      'Coût total moyen (frais et marge de change) d’un envoi de fonds de la zone partenaire (qui envoie) vers la zone de référence (qui reçoit), en pourcentage du montant envoyé (dimension «\u00a0montant envoyé\u00a0»\u00a0: 200 ou 500\u00a0dollars US). Cible 10.c des ODD\u00a0: moins de 3\u00a0% en moyenne, aucun corridor au-dessus de 5\u00a0%.',
    remittance_fx_margin_pct:
      'Marge de change moyenne dans le corridor, en pourcentage du montant envoyé (dimension «\u00a0montant envoyé\u00a0»).',
    remittance_providers: 'Nombre de prestataires dont les prix ont été relevés dans le corridor et le trimestre.',
    forcibly_displaced:
      'Personnes relevant du mandat du HCR, par pays d’asile (zone de référence) et d’origine (zone partenaire)\u00a0; dimension «\u00a0groupe de population\u00a0»\u00a0: réfugiés, demandeurs d’asile, réfugiés rapatriés, déplacés internes, déplacés internes rentrés, apatrides, autres.',
    dioc_emigrants:
      'Population née à l’étranger des pays de l’OCDE, par pays de naissance (zone de référence\u00a0: pays de naissance), avec des dimensions telles que le niveau d’instruction, la situation au regard de l’activité, l’âge et la durée de séjour.',
  },
  indicatorNames: INDICATOR_NAMES.fr,
  unitNames: UNIT_NAMES.fr,
  inEnglish: '(les descriptions des indicateurs sont en anglais)',
  skipMap: 'Passer la carte (le tableau en dessous donne toutes les valeurs)',
  mapTitle: (indicator: string, period: string) => `${indicator}, ${period}`,
  explorerShown: (title: string, details: string, count: number, yearChangedTo: string | null) =>
    `${title} (${details})\u00a0: ${count === 1 ? '1 pays ou zone' : `${String(count)} pays et zones`}${yearChangedTo ? `. L’année est passée à ${yearChangedTo}.` : ''}`,
  mapDescription: (count: number, topName: string, topValue: string) =>
    `Carte du monde de ${String(count)} pays et zones ayant des données\u00a0; valeur la plus élevée\u00a0: ${topName}, ${topValue}. Les pays en gris n’ont pas de données. Le tableau ci-dessous donne toutes les valeurs.`,
  mapNote: (count: number) =>
    `${String(count)} pays et zones ont une valeur\u00a0; les petites îles et les zones que la carte ne dessine pas figurent seulement dans le tableau. Classes par quantiles.`,
  mapFilled: (filled: number, drawn: number) =>
    `${String(filled)} des ${String(drawn)} pays dessinés sur la carte ont une valeur.`,
  mapKeyboard:
    'Chaque pays est un lien vers son profil statistique. Au clavier, la carte est un seul arrêt\u00a0: les flèches parcourent les pays qui ont une valeur, par ordre alphabétique, et Entrée en ouvre un.',
  topNTitle: (n: number, indicator: string, period: string) =>
    `Les ${String(n)} premiers\u00a0: ${afterColon(indicator)}, ${period}`,
  aggregatesTitle: (grouping: RankingGrouping, period: string, mean: boolean) =>
    `${mean ? 'Moyennes' : 'Totaux'} ${{ m49region: 'par région (M49 de l’ONU)', m49subregion: 'par sous-région (M49 de l’ONU)', incomeGroup: 'par catégorie de revenu (Banque mondiale)' }[grouping]}, ${period}`,
  coverage: (withData: number, inGroup: number, notCounted = 0) =>
    `${String(withData)} sur ${String(inGroup)} avec données${notCounted ? `\u00a0; ${String(notCounted)} ${notCounted === 1 ? 'non compté' : 'non comptés'}` : ''}`,
  csvTotalBothSexes: 'total = hommes + femmes',
  colCoverage: 'Couverture',
  colNotCounted: 'Non comptés',
  incomeGroupsShort: { L: 'Faible revenu', LM: 'Interm. inférieur', UM: 'Interm. supérieur', H: 'Revenu élevé' },
  notGrouped: {
    incomeGroup: 'Non classés',
    m49region: 'Sans région M49',
    m49subregion: 'Sans sous-région M49',
  },
  incomeFiscalYear: (fy: string) => `Catégories de revenu de l’exercice ${fy} de la Banque mondiale.`,
  incomeNotMatched:
    'Aucune classification fondée sur le RNB de l’année des données n’est chargée\u00a0: la plus proche est utilisée.',
  classificationSource: 'Classification',
  trendHeading: 'Évolution dans le temps',
  trendLead: (max: number) =>
    `Le même indicateur, la même édition et les mêmes filtres au fil des années, pour ${String(max)} pays ou zones au plus, à votre choix, avec la variation entre deux périodes calculée par Bridges.`,
  trendTitle: (indicator: string) => `${indicator}\u00a0: évolution`,
  trendControls: 'Zones et périodes du graphique d’évolution',
  trendAreasShown: 'Affichés',
  trendRemoveArea: (name: string) => `Retirer ${name}`,
  trendAddArea: 'Ajouter un pays ou une zone',
  trendAreasFull: (max: number) => `${String(max)} au plus à la fois\u00a0: retirez-en un pour en ajouter un autre.`,
  trendChooseArea: 'Choisir…',
  trendAggregatesGroup: 'Agrégats des éditeurs',
  trendCountriesGroup: 'Pays et zones',
  trendFrom: 'De',
  trendTo: 'À',
  trendAdd: 'Ajouter',
  trendAreaAdded: (name: string) => `Ajouté au graphique d’évolution\u00a0: ${name}.`,
  trendAreaRemoved: (name: string) => `Retiré du graphique d’évolution\u00a0: ${name}.`,
  trendSinglePeriod: (period: string) =>
    `Cette édition n’a qu’une période (${period})\u00a0: rien à suivre dans le temps. Choisissez une autre édition ou un autre indicateur.`,
  trendNoData: (names: string) => `Pas de données avec ces filtres pour\u00a0: ${names}.`,
  trendAreasDropped: (
    names: readonly string[],
    indicator: string,
    indicatorName: string,
    period: string,
    instead: readonly string[],
  ) =>
    `${names.join(', ')}\u00a0: aucune valeur pour «\u00a0${indicatorName}\u00a0» en ${period}${COUNTERPART_ROLE[indicator] === 'sender' ? ' (ses valeurs sont celles du pays qui reçoit l’argent)' : ''}. ${instead.length ? `Le graphique dans le temps montre à la place ce qu’il montre par défaut\u00a0: ${instead.join(', ')}.` : `Le graphique dans le temps ${names.length === 1 ? 'le laisse' : 'les laisse'} de côté.`}`,
  trendGrowthCaption: (from: string, to: string, unit: string) => `Variation de ${from} à ${to} (${unit})`,
  trendDifference: 'Écart',
  percentagePoints: 'points',
  trendDifferenceMethod:
    'Écart = valeur de fin − valeur de début, en points de pourcentage pour un pourcentage\u00a0: la variation d’un taux n’est pas un pourcentage de pourcentage.',
  trendChange: 'Variation',
  trendAnnualRate: 'Par an (composé)',
  trendGrowthMethod:
    'Variation = valeur de fin ÷ valeur de début − 1\u00a0; par an = taux annuel composé, entre périodes annuelles distantes de plus d’un an (sur un an, c’est la variation). Une valeur manquante à l’un des bouts laisse les deux vides.',
  trendRepeatedFlag: 'reprend la période précédente\u00a0: évolution non estimée',
  trendRepeated: (areas, period, previous) =>
    `${areas.join(', ')}\u00a0: les chiffres de ${period} sont exactement ceux de ${previous} dans cette édition\u00a0; l’évolution jusqu’à ${period} est donc non estimée plutôt que nulle, et laissée en blanc (voir les mises en garde).`,
  groupRepeatedFlag: 'comprend des chiffres qui ne font que reprendre la période précédente',
  groupsRepeated: (groups, period, previous) =>
    `${groups.map((g) => `${g.group} (${g.members.join(', ')})`).join('\u00a0; ')}\u00a0: ces totaux comprennent des chiffres de ${period} qui ne font que reprendre exactement ceux de ${previous} dans cette édition\u00a0; leur évolution de ${previous} à ${period} est donc en partie non estimée (voir les mises en garde).`,
  publishedAggregatesHeading: 'Agrégats et catégories résiduelles des éditeurs',
  publishedAggregatesNote:
    'Ce ne sont pas des pays\u00a0: ils ne sont ni classés ni comptés dans les totaux de Bridges. Ce sont le monde, les régions ou catégories de revenu calculés par l’éditeur, et ce qu’il n’a pu rattacher à aucun pays.',
  noPublishedAggregates: 'L’éditeur ne publie pas d’agrégat pour cet indicateur et cette période.',
  totalComputed: (value: string, count: number) => `Total sur ${String(count)} pays et zones\u00a0: ${value}`,
  meanComputed: (value: string, count: number) =>
    `Moyenne non pondérée sur ${String(count)} pays et zones\u00a0: ${value}`,
  weightedMeanComputed: (value: string, count: number, weight: string) =>
    `Moyenne sur ${String(count)} pays et zones, pondérée par «\u00a0${weight}\u00a0»\u00a0: ${value}`,
  allCountriesHeading: (count: number) => `Tous les pays et zones (${String(count)})`,
  apiCsvLink: 'Le même classement en CSV depuis l’API (avec les totaux par groupe)',

  datasetsTitle: 'Jeux de données',
  datasetsLead:
    'Chaque édition chargée dans Bridges, les éditions d’une même publication côte à côte, avec leur licence, leur couverture, la manière de les citer, les notes méthodologiques et mises en garde de l’éditeur et l’origine du fichier.',
  datasetCount: (datasets: number, families: number) =>
    `${String(datasets)} éditions de ${String(families)} publications`,
  downloadCatalogue: 'Télécharger le catalogue en CSV',
  downloadCatalogueFiltered: 'Télécharger ces éditions en CSV',
  datasetCountFiltered: (shown, total, families) =>
    `${String(shown)} ${shown > 1 ? 'éditions' : 'édition'} sur ${String(total)}, dans ${String(families)} ${families > 1 ? 'publications' : 'publication'}`,
  catalogueSearchLabel: 'Rechercher dans le catalogue',
  catalogueSearchHint: 'Titres, éditeurs, éditions et indicateurs, en anglais, en français ou en espagnol.',
  filterTopic: 'Thème',
  allTopics: 'Tous les thèmes',
  filterPublisher: 'Éditeur',
  allPublishers: 'Tous les éditeurs',
  noDatasetMatches: 'Aucune édition ne correspond à cette recherche et à ces filtres.',
  editionsSideBySide: (n: number) =>
    `${String(n)} éditions côte à côte, la plus récente d’abord (par date de publication, à défaut par l’année inscrite dans l’identifiant du jeu de données). Comparez-les\u00a0; ne les raccordez pas.`,
  // « d’ » before a vowel: « Éditions d’International Migrant Stock ».
  familyCaptionBefore: (title) => `Éditions ${/^[aeiouyàâéèêîôûAEIOUYÀÂÉÈÊÎÔÛ]/.test(title) ? 'd’' : 'de '}`,
  colReleaseDate: 'Date de publication',
  colPeriods: 'Périodes',
  colObservations: 'Observations',
  colAreas: 'Zones',
  colIndicators: 'Indicateurs',
  colSource: 'Source',
  colLoaded: 'Chargé dans Bridges',
  areaCounts: (reference: number, counterpart: number, aggregates: number, lang: UiLanguage) =>
    `${formatNumber(reference, lang)} zones de référence` +
    (aggregates ? ` (dont ${formatNumber(aggregates, lang)} agrégat${aggregates === 1 ? '' : 's'} de l’éditeur)` : '') +
    (counterpart ? `, ${formatNumber(counterpart, lang)} zones partenaires` : ''),
  citationHeading: 'Comment citer',
  copyCitation: 'Copier la citation',
  copied: 'Citation copiée.',
  copyFailed: 'Copie impossible\u00a0: sélectionnez le texte et copiez-le.',
  colDatasetId: 'Identifiant du jeu de données',
  colFamily: 'Publication (famille)',
  notGiven: 'Non précisé par l’éditeur',
  downloadRecord: 'Télécharger cette fiche en CSV',
  // The notes are the publishers' and Bridges' own words, in English: the headings say so.
  methodHeading: 'Notes méthodologiques (en anglais)',
  caveatsHeading: 'Mises en garde (en anglais)',
  provenanceHeading: 'Origine du fichier fourni (en anglais)',
  indicatorsCaption: (id: string) => `Indicateurs de ${id}`,
  colUnit: 'Unité',
  colMeasureType: 'Type',
  colSeries: 'Séries',
  colBreakdowns: 'Ventilations',
  colExplore: 'Explorer',
  measureTypes: { stock: 'stock', flow: 'flux', rate: 'taux' },
  bySex: 'Par sexe',
  exploreOnMap: 'Sur la carte',
  sdmxData: (period: string) => `Données SDMX, ${period} (CSV)`,
  sdmxDataAll: 'Données SDMX, toutes les périodes (CSV)',
  filesHeading: 'Fichiers sources',
  filesLead:
    'Les fichiers dont cette édition a été chargée, tels que Bridges les fournit (compressés en gzip quand le nom finit par .gz)\u00a0; l’origine ci-dessus dit d’où vient chacun et si c’est celui de l’éditeur. Vérifiez une copie avec son SHA-256.',
  filesNone:
    'Cette édition a été importée d’un fichier que Bridges ne fournit pas\u00a0: il n’y a pas de copie à télécharger.',
  fileSize: (bytes: string) => `${bytes}\u00a0octets`,
  sdmxHeading: 'API SDMX',
  sdmxLead:
    'Chaque indicateur de cette édition est un flux de données SDMX 2.1\u00a0: tout client SDMX (bibliothèque sdmx1, .Stat Suite, rsdmx pour R) peut l’interroger avec sa clé de série, donnée à côté de chaque flux\u00a0: FREQ.REF_AREA.COUNTERPART_AREA.SEX, puis les dimensions propres à la source.',
  sdmxStructure: 'structure',
  sdmxKeyLabel: 'clé',
  otherEditionsHeading: 'Autres éditions',
  compareEditions: 'Comparer les éditions côte à côte',

  dataHubTitle: 'Pôle de données',
  dataHubLead:
    'Migration, envois de fonds et leur coût, déplacements forcés et économie, selon le DAES des Nations Unies, la Banque mondiale et KNOMAD, l’OCDE et le HCR\u00a0: chaque chiffre avec sa source, chaque graphique téléchargeable.',
  explorerCard: 'N’importe quel indicateur sur une carte du monde, dans un graphique et un tableau, année par année.',
  datasetsCard:
    'Le catalogue\u00a0: éditions côte à côte, licences, citations, mises en garde et origine des fichiers.',
  profilesCardTitle: 'Profils de pays',
  countryLabel: 'Pays',
  openProfile: 'Ouvrir le profil',
  corridorsCardTitle: 'Corridors',
  originLabel: 'Origine',
  destinationLabel: 'Destination',
  openCorridorButton: 'Ouvrir le corridor',
  sdmxCard:
    'Les mêmes chiffres pour les clients SDMX\u00a0: flux de données, structures et données en SDMX-JSON et SDMX-CSV.',
  homeDataHubCard:
    'Explorer la migration, les envois de fonds et leur coût par pays, par corridor et par indicateur, avec toutes les sources.',
} satisfies DatahubMessages;

const es = {
  navDataHubOverview: 'Presentación',
  navExplorer: 'Explorador',
  navDatasets: 'Conjuntos de datos',
  dataHubNavigation: 'Centro de datos',
  loadingData: (ready: number, total: number, lang: UiLanguage) =>
    `Cargando datos: ${formatNumber(ready, lang)} de ${formatNumber(total, lang)} conjuntos de datos listos. Las cifras pueden estar incompletas hasta que termine la carga.`,
  loadFailed: (ids: string) => `No se pudieron cargar algunos conjuntos de datos: ${ids}. Faltan sus cifras.`,

  sourcePrefix: 'Fuente:',
  sourcesPrefix: 'Fuentes:',
  aboutDataset: 'acerca de este conjunto de datos',
  downloadCsv: 'Descargar CSV',
  downloadPng: 'Descargar imagen (PNG)',
  downloadSvg: 'SVG',
  downloadSvgLabel: 'Descargar imagen (SVG)',
  imageNotDrawn: 'No se pudo dibujar el gráfico para su imagen: vuelva a intentarlo cuando la página haya cargado.',
  chartDownloads: (title: string) => `Descargas: ${title}`,
  sdmxLinkTitle:
    'Las series del editor detrás de este gráfico, desde la API SDMX (SDMX-CSV); los totales y medias que Bridges calculó con ellas no están',
  caveatsSummary: (count: number) =>
    count === 1
      ? 'Advertencias sobre este conjunto de datos (en inglés): leer antes de usar'
      : `Advertencias sobre estos ${String(count)} conjuntos de datos (en inglés): leer antes de usar`,
  showTable: 'Mostrar los datos en una tabla',
  imageCredit:
    'Gráfico: Bridges, plataforma abierta sobre migración y desarrollo. Cifras tal como se publicaron; véase la fuente.',
  imageCreditComputed:
    'Gráfico: Bridges, plataforma abierta sobre migración y desarrollo. Cifras calculadas por Bridges a partir de las fuentes; el método acompaña al gráfico.',
  seriesSummary: (label: string, firstPeriod: string, first: string, lastPeriod: string, last: string) =>
    `${label}: ${first} en ${firstPeriod}, ${last} en ${lastPeriod}.`,
  noValues: 'sin valores',
  noData: 'Sin datos',
  noBundledData: 'No hay datos en las fuentes incluidas.',
  computedByBridges: 'calculado por Bridges',
  computedFrom: (a, b) => `calculado por Bridges a partir de ${a} y ${b}`,
  sumOfEdition: (edition) => `suma de ${edition} calculada por Bridges`,
  keyFigures: 'Cifras clave',
  onThisPage: 'En esta página',
  colPeriod: 'Período',
  colRank: 'Puesto',
  colShare: 'Proporción',
  colCategory: 'Categoría',
  colStatus: 'Estado',
  allStatusNormal:
    'Todos los valores son los publicados: ninguno está marcado como estimado, provisional, imputado o previsión.',
  colCorridorsAveraged: 'Corredores',
  corridorsAveragedNote: (single: readonly string[]) =>
    `Cada valor es la media no ponderada de los corredores del país con un valor en ese período (la tabla indica cuántos).${single.length ? ` ${single.join(', ')}: un solo corredor.` : ''}`,
  unusualCostFlag: 'corredor inusual',
  unusualPointsNote: (points: readonly string[]) =>
    `Inferiores al 0\u00a0% o superiores al 30\u00a0% del monto enviado, tal como se publicaron: ${points.join('; ')}. Verifíquelos antes de usarlos.`,
  unusualCostNote: (areas: readonly string[]) =>
    `Marcado ⚠: el valor es, o promedia, un costo de corredor inferior al 0\u00a0% (un margen cambiario a favor del remitente mayor que la comisión) o superior al 30\u00a0% del monto enviado: ${areas.join('; ')}. Son las cifras del editor tal como se publicaron; verifíquelas antes de usarlas.`,
  unusualCostRange: (name: string, min: string, max: string) =>
    min === max ? `${name} (${min})` : `${name} (corredores de ${min} a ${max})`,
  colEdition: 'Edición',
  colDirection: 'Sentido',
  sexLabel: SEX_NAMES.es.SEX,
  sexTotal: SEX_NAMES.es._T,
  sexFemale: SEX_NAMES.es.F,
  sexMale: SEX_NAMES.es.M,
  measure: 'Medida',
  currentUsd: 'US$ corrientes',
  percentOfGdp: '% del PIB',
  gdpLabel: 'PIB',
  statuses: {
    A: 'normal',
    E: 'estimado',
    P: 'provisional',
    I: 'imputado',
    F: 'previsión',
  },

  tabOverview: 'Presentación',
  tabProfile: 'Perfil estadístico',
  countryViews: 'Vistas de este país',
  profileTitle: (name: string) => `${name}: datos de migración y desarrollo`,
  profileOf: (name: string) => `Perfil estadístico: ${name}`,
  migrationHeading: 'Migración',
  migrationLead:
    'Personas nacidas en el país que viven en el extranjero (emigrantes) y personas nacidas en el extranjero que viven en el país (inmigrantes), a mitad de año, según el International Migrant Stock del DAES de las Naciones Unidas.',
  editionSwitch: 'Edición del DAES (UN DESA)',
  editionRevision: (year) => `Revisión ${year}`,
  totalInEdition: (edition) => `Total, ${edition}`,
  emigrantsLatest: (period: string) => `Emigrantes, ${period}`,
  immigrantsLatest: (period: string) => `Inmigrantes, ${period}`,
  immigrantShare: (period: string) => `Inmigrantes como proporción de la población, ${period}`,
  emigrantShare: (period: string) => `Emigrantes como proporción de la población, ${period}`,
  emigrantsTrendTitle: (name: string) => `${name}: emigrantes por sexo`,
  immigrantsTrendTitle: (name: string) => `${name}: inmigrantes por sexo`,
  personsBySex: 'Personas, a mitad de año',
  personsBothSexes: 'Personas, ambos sexos',
  personsEachEdition: 'personas, una línea por edición',
  personsAllGroups: 'Personas, todos los grupos del ACNUR salvo los retornos (flujos del año, en la tabla)',
  diocPersons: {
    all: 'Personas',
    aged15PlusOrUnknown: 'Personas de 15 años o más o de edad desconocida',
    aged15Plus: 'Personas de 15 años o más',
  },
  colShareOfPopulation: 'Proporción de la población',
  shareNote:
    'La proporción de la población la calcula Bridges: inmigrantes ÷ población total del mismo año (la fuente de la población figura en la línea de fuentes).',
  emigrantShareNote:
    'La proporción de la población la calcula Bridges: emigrantes ÷ población total que vive en el país el mismo año, de la que no forman parte (como la da el Migration and Remittances Factbook del Banco Mundial; la fuente de la población figura en la línea de fuentes).',
  topDestinationsTitle: (name: string, period: string, count: number) =>
    `${name}: dónde viven los emigrantes, ${count === 1 ? 'el único destino' : `los ${String(count)} principales destinos`}, ${period}`,
  topOriginsTitle: (name: string, period: string, count: number, all = false) =>
    `${name}: de dónde vienen los inmigrantes, ${count === 1 ? 'el único origen' : all ? `los ${String(count)} orígenes nombrados` : `los ${String(count)} principales orígenes`}, ${period}`,
  colDestination: 'Destino',
  colOrigin: 'Origen',
  showOnMap: 'Ver en el mapa mundial dónde viven estos emigrantes',
  unknownOrigin: (value: string) => `Además, ${value} inmigrantes cuyo origen la fuente no indica.`,
  openCorridor: 'Abrir la página de un corredor',
  remittancesHeading: 'Remesas',
  remittancesLead:
    'El dinero que los migrantes envían a sus países, en US$ corrientes, comparado con la asistencia oficial para el desarrollo (AOD) y la inversión extranjera directa (IED). Cada edición es su propia serie.',
  receivedLatest: (period: string) => `Remesas recibidas, ${period}`,
  receivedPctGdp: (period: string) => `Remesas recibidas en % del PIB, ${period}`,
  receivedPctGdpPrinted: (period: string) => `Remesas recibidas en % del PIB, tal como se publicó, ${period}`,
  imfGdp: 'PIB de Perspectivas de la economía mundial del FMI',
  sentLatest: (period: string) => `Remesas enviadas, ${period}`,
  flowNames: {
    remittances_received: 'Remesas recibidas',
    remittances_sent: 'Remesas enviadas',
    oda_received: 'AOD recibida',
    fdi_inflows: 'Entradas de IED',
  },
  remittancesTrendTitle: (name: string) => `${name}: remesas recibidas y enviadas`,
  currentUsdEachEdition: 'US$ corrientes, una línea por edición',
  editionsDiffer: 'Las ediciones difieren mucho (un 50\u00a0% o más):',
  editionsWhy: 'Una primera estimación puede revisarse; véanse las advertencias.',
  revisionsDiffer: 'Las revisiones difieren mucho (un 50\u00a0% o más):',
  revisionsWhy: 'Cada revisión vuelve a estimar los años pasados; véanse las advertencias.',
  repeatsPrevious: (previous) => `exactamente la cifra de ${previous}`,
  corridorRepeated: (edition, destination, period, previous) =>
    `En ${edition}, las cifras de ${period} del país de destino (${destination}; todos los orígenes, total, mujeres y hombres) son exactamente las de ${previous}: la variación de este corredor entre ambos años debe leerse como no estimada, no como nula (véanse las advertencias).`,
  repeatedLatest: (period, previous) =>
    `Las cifras de ${period} son exactamente las de ${previous} (total, mujeres y hombres): su variación entre ambos años debe leerse como no estimada, no como nula (véanse las advertencias).`,
  partnerRepeatedFlag: 'solo repite el período anterior: variación no estimada',
  partnersRepeated: (partners, period, previous) =>
    `${partners.join(', ')}: en esta edición, las cifras de ${period} solo repiten exactamente las de ${previous}, como el conjunto de las cifras del país de destino; su variación entre ambos años debe leerse como no estimada, no como nula (véanse las advertencias).`,
  revisionsDisagree: (period: string, flow: string, values: readonly string[]) =>
    `Las revisiones no coinciden para ${period} (${flow.toLowerCase()}): ${values.join(' frente a ')}; cada revisión vuelve a estimar los años pasados.`,
  editionGap: (period: string, flow: string, low: string, lowValue: string, high: string, highValue: string) =>
    `${flow} ${period}: ${lowValue} (${low}) frente a ${highValue} (${high})`,
  editionsNotSpliced:
    'Las ediciones se muestran lado a lado, nunca empalmadas: una edición posterior puede revisar los años anteriores.',
  statusesMarked: (items: readonly string[]) => `Según las marcas del editor: ${items.join('; ')}.`,
  corridorTotalNote: (editions: readonly string[]) =>
    `Total (${editions.join(', ')}): mujeres + hombres, pues ${editions.length === 1 ? 'esta edición no publica' : 'estas ediciones no publican'} un total por corredor; los datos SDMX dan mujeres y hombres, no su total.`,
  corridorCitizensNote: (to: string) =>
    `Para ${to}, el DAES de las Naciones Unidas cuenta a los migrantes por nacionalidad, no por lugar de nacimiento (tipo de datos C): estas cifras son las de los nacionales del país de origen, no las de las personas nacidas en él.`,
  displacedSumNote: 'Cada barra es la suma de los grupos del ACNUR de la tabla, sin los retornos.',
  groupsSum: (list: string) => `suma calculada por Bridges: ${list}`,
  comparisonTitle: (name: string) => `${name}: remesas comparadas con la ayuda (AOD) y la inversión (IED)`,
  pctOfGdpNote: 'Las proporciones del PIB las calcula Bridges: flujo ÷ PIB en US$ corrientes del mismo año.',
  topSendersTitle: (name: string, period: string, count: number) =>
    `${name}: de dónde vienen las remesas, ${count === 1 ? 'el único país de envío' : `los ${String(count)} principales países de envío`}, ${period}`,
  currentUsdEstimate: 'US$ corrientes, estimaciones',
  colSendingCountry: 'País de envío',
  colReceivingCountry: 'País de recepción',
  costHeading: 'Costo de enviar dinero',
  costLead: (amount: string) =>
    `Costo total promedio de enviar ${amount} US$ en cada corredor, como porcentaje del monto enviado, frente a la meta 10.c de los ODS: menos del 3\u00a0% en promedio y ningún corredor por encima del 5\u00a0%.`,
  costInboundTitle: (name: string, amount: string) =>
    `${name}: costo de enviar ${amount} US$ al país, por país de envío`,
  costOutboundTitle: (name: string, amount: string) =>
    `${name}: costo de enviar ${amount} US$ desde el país, por país de recepción`,
  costSubtitle: (period: string, edition: string) => `% del monto enviado, último trimestre ${period} · ${edition}`,
  costSubtitleMixed: (period: string, edition: string) =>
    `% del monto enviado, último trimestre de cada corredor (${period}, salvo indicación bajo su nombre) · ${edition}`,
  costPercentSubtitle: '% del monto enviado, una línea por fuente y monto',
  costFlagNote: (ceiling: number) =>
    `Las barras rayadas marcadas con ▲ son corredores por encima del tope del ${String(ceiling)}\u00a0% de la meta 10.c de los ODS. Líneas discontinuas: la meta promedio del 3\u00a0% y el tope del 5\u00a0%.`,
  costLinesNote: 'Líneas discontinuas: la meta promedio del 3\u00a0% del ODS 10.c y el tope del 5\u00a0% por corredor.',
  costOtherEditions: (editions: readonly string[]) =>
    `Las barras son las de la edición más reciente. ${editions.join('; ')} ${editions.length > 1 ? 'quedan' : 'queda'} fuera de este gráfico y de su CSV: la página de cada corredor traza todas las ediciones, y el CSV del perfil completo las contiene.`,
  aboveFive: 'por encima del 5\u00a0%',
  sdgTarget3: 'ODS 10.c: 3\u00a0%',
  sdgCeiling5: 'tope 5\u00a0%',
  costMeansHeading: 'Promedio de los corredores',
  costMeanMethod: (amount: string) =>
    `Media no ponderada, calculada por Bridges, del costo total promedio de enviar ${amount} US$ en los corredores relevados en el último período de cada edición; no es el promedio publicado por el Banco Mundial, que pondera los corredores.`,
  sdgTargetText:
    'Meta 10.c de los ODS: de aquí a 2030, reducir a menos del 3\u00a0% los costos de transacción de las remesas de los migrantes y eliminar los corredores de remesas con un costo superior al 5\u00a0% (indicador 10.c.1, para un envío de 200 US$).',
  costMean: (inbound: boolean, mean: string, period: string, count: number, above: number, edition: string) =>
    `${inbound ? 'Envíos hacia el país' : 'Envíos desde el país'}: ${mean} en promedio en ${count === 1 ? 'un solo corredor' : `${String(count)} corredores`} en ${period} (${edition}); ${String(above)} por encima del 5\u00a0%.`,
  displacementHeading: 'Desplazamiento forzado',
  diocPopulation: {
    all: 'Nacidos en el país, que viven en un país de la OCDE',
    aged15PlusOrUnknown:
      'Nacidos en el país, que viven en un país de la OCDE, de 15 años o más o de edad desconocida (sin los menores de 15 años)',
    aged15Plus: 'Nacidos en el país, que viven en un país de la OCDE, de 15 años o más (archivo C de DIOC)',
  },
  displacementLead:
    'Refugiados, solicitantes de asilo, desplazados internos, apátridas y otras personas de interés para el ACNUR, al final de cada año, salvo donde la fuente indica mitad de año (puede ocurrir en el último año de una edición: véanse la línea de fuente y las advertencias).',
  displacedFrom: 'Del país, en el extranjero',
  displacedHosted: 'Acogidas en el país',
  displacedWithin: 'Desplazadas dentro del país',
  flowsApart: (list: string) => `fuera del total, retornos durante el año: ${list}`,
  displacedByAsylumTitle: (name: string, period: string) =>
    `${name}: personas desplazadas en el extranjero, por país de asilo${period ? `, ${period}` : ''}`,
  displacedByOriginTitle: (name: string, period: string) =>
    `${name}: personas desplazadas acogidas, por origen${period ? `, ${period}` : ''}`,
  colAsylumCountry: 'País de asilo',
  unhcrGroups: {
    refugee: 'Refugiados',
    asylum: 'Solicitantes de asilo',
    refugee_return: 'Refugiados retornados',
    idp: 'Desplazados internos',
    idp_return: 'Desplazados internos retornados',
    stateless: 'Apátridas',
    other: 'Otras personas de interés',
  },
  oecdHeading: 'Emigrantes en países de la OCDE',
  oecdLead:
    'Personas nacidas en el país que vivían en países de la OCDE hacia 2015/16, por nivel educativo y situación laboral (DIOC de la OCDE).',
  educationTitle: (name: string, period: string) =>
    `${name}: emigrantes en países de la OCDE por nivel educativo, ${period}`,
  labourForceTitle: (name: string, period: string) =>
    `${name}: emigrantes en países de la OCDE por situación laboral, ${period}`,
  dioc: {
    education: {
      low: 'Bajo (a lo sumo secundaria inferior)',
      medium: 'Medio (secundaria superior)',
      tertiary: 'Terciario',
      unknown: 'Desconocido',
    },
    labourForce: { employed: 'Ocupados', unemployed: 'Desocupados', inactive: 'Inactivos', unknown: 'Desconocido' },
  },
  downloadWholeProfile: 'Descargar todo el perfil en CSV (cada cifra con su fuente)',

  corridorTitle: (from: string, to: string) => `${from} → ${to}`,
  corridorLead:
    'Personas nacidas en el país de origen que viven en el país de destino: cuántas son, el dinero enviado entre ambos países, lo que cuesta enviarlo y las personas desplazadas por la fuerza de uno a otro.',
  reverseCorridor: (from: string, to: string) => `Corredor inverso: ${from} → ${to}`,
  corridorDisplacementTitle: (from: string, to: string) =>
    `${from} → ${to}: personas del origen desplazadas por la fuerza en el destino, por grupo`,
  corridorDisplacementLead: (from: string, to: string) =>
    `Refugiados, solicitantes de asilo y otras personas de interés para el ACNUR de ${from} (origen) en ${to} (país de asilo), al final de cada año salvo donde la fuente indica mitad de año. Los refugiados retornados volvieron de ${to} a ${from} durante el año: un flujo, en la tabla, nunca en el total.`,
  personsStockGroups: 'personas, una línea por grupo del ACNUR (los retornos en la tabla)',
  corridorStockTitle: (from: string, to: string) =>
    `${from} → ${to}: personas nacidas en el origen que viven en el destino`,
  corridorStockLead: (from: string, to: string) =>
    `Personas nacidas en ${from} (origen) que viven en ${to} (destino), a mitad de año.`,
  corridorRemittancesLead: (from: string, to: string) =>
    `Remesas estimadas entre ambos, cada sentido por separado: ${from} → ${to}, luego ${to} → ${from} (lo que los migrantes en ${to} envían a casa), en US$ corrientes.`,
  corridorCostLead: (ceiling: number) =>
    `Costo total promedio de enviar dinero, cada sentido, fuente y monto por separado; ODS 10.c: ningún corredor por encima del ${String(ceiling)}\u00a0%.`,
  corridorRemittancesTitle: (from: string, to: string) => `${from} ↔ ${to}: remesas`,
  remittanceAbsent: (edition: string, direction: string) =>
    `${edition} no da ningún valor para ${direction}: no hay estimación, lo que no equivale a una estimación de cero.`,
  remittanceZero: (edition: string, direction: string) =>
    `${edition} indica 0 para ${direction}: en millones enteros, una estimación inferior a 0,5 millones de dólares, o quizá la falta de estimación; no una ausencia comprobada de remesas.`,
  knomadEstimateNote:
    'Las remesas bilaterales de KNOMAD son estimaciones de un modelo (a partir de los stocks de migrantes y los ingresos), no flujos medidos; cada edición tiene su propia barra.',
  corridorCostTitle: (from: string, to: string) => `${from} ↔ ${to}: costo de enviar dinero`,
  downloadWholeCorridor: 'Descargar todo el corredor en CSV',

  explorerTitle: 'Explorador de indicadores',
  explorerLead:
    'Elija un indicador y un año para ver todos los países en el mapa, los principales en un gráfico y todos en una tabla, con totales por región o grupo de ingreso.',
  explorerControls: 'Indicador, edición, año y filtros',
  explorerUnknownIndicator: (id: string, shown: string) =>
    `No hay ningún indicador «${id}»: el explorador muestra «${shown}» en su lugar.`,
  profileUnknownEdition: (id: string) =>
    `No hay ninguna edición «${id}»: el perfil muestra la más reciente en su lugar.`,
  corridorSameEnds: (code: string) =>
    `Un corredor une dos países o zonas diferentes: ${code} → ${code} no lo es. Elija otro destino.`,
  explorerReset: (choices: readonly string[]) =>
    `Este enlace pide ${choices.join(', ')}, que los datos no tienen: el explorador muestra en su lugar lo que muestra por defecto (la última edición y el último período, todos los países de contrapartida, ambos sexos).`,
  indicatorLabel: 'Indicador',
  editionLabel: 'Edición',
  periodLabel: 'Año o período',
  periodRange: (first: string, last: string, count: number) =>
    count === 1 ? `Datos solo para ${first}.` : `${String(count)} períodos con datos, de ${first} a ${last}.`,
  counterpartLabel: 'País socio',
  counterpartHint: 'Origen de los migrantes, país que envía el dinero',
  counterpartHints: {
    migration: 'País de origen de los migrantes',
    remittances: 'País desde el que se envía el dinero',
    displacement: 'País de origen de las personas desplazadas',
  },
  allCounterparts: 'Todos (suma)',
  allCounterpartsAveraged: 'Todos (media simple)',
  counterpartIs: (name: string, indicator: string) =>
    `${({ birth: 'país de nacimiento', origin: 'país de origen', sender: 'país de envío' } as Record<string, string>)[COUNTERPART_ROLE[indicator] ?? ''] ?? 'socio'}: ${name}`,
  dimensionLabel: (key: string) =>
    ({
      amount: 'Monto enviado',
      group: 'Grupo de población',
      edu_lfs: 'Nivel educativo',
      lfs: 'Situación en la fuerza de trabajo',
      age_lfs: 'Edad',
      age: 'Edad',
      national: 'Nacionalidad',
      oecd: 'País de residencia',
      regionb: 'Región de nacimiento',
      oecdb: 'Nacido en un país de la OCDE',
      fborn: 'Lugar de nacimiento',
    })[key] ?? `Categoría (${key})`,
  dimensionValues: {
    age_lfs: {
      '0': 'Menos de 15 años',
      '1': '15–24 años',
      '2': '25–64 años',
      '3': '65 años y más',
      '99': 'Desconocida',
    },
    age: {
      '1': '15–24 años',
      '2': '25–64 años',
      '3': '65 años y más',
      '1564': '15–64 años (Austria y Turquía)',
      '99': 'Desconocida',
    },
    national: { '0': 'Extranjero', '1': 'Nacional del país de residencia', '99': 'Desconocida' },
    oecd: { '1': 'Un país de la OCDE' },
    regionb: {
      AFRI: 'África',
      ASIA: 'Asia',
      EURO: 'Europa',
      NOAM: 'América del Norte',
      OCEA: 'Oceanía',
      SCAC: 'América del Sur, América Central y el Caribe',
      UNK: 'Desconocida',
    },
    oecdb: { '0': 'No', '1': 'Sí' },
    fborn: { '0': 'Nativo', '1': 'Nacido en el extranjero', '99': 'Desconocido' },
  },
  allValuesSummed: 'Todas (suma)',
  groupByLabel: 'Totales por',
  meansByLabel: 'Medias por',
  groupings: {
    m49region: 'Región (M49 de la ONU)',
    m49subregion: 'Subregión (M49 de la ONU)',
    incomeGroup: 'Grupo de ingreso (Banco Mundial)',
  },
  groupMethod: (grouping: string, how: Combination, period: string, notCounted = false) =>
    `${grouping}: ${how === 'sum' ? 'suma' : how === 'mean' ? 'media no ponderada' : `media ponderada por «${how.weightedBy}»`} de los miembros con un valor en ${period}; cobertura = miembros con datos / miembros contados.${notCounted ? ' No contados: los miembros sin población propia en los datos (deshabitados, o contados con otra zona).' : ''}`,
  notCountedList: (groups: readonly { group: string; names: readonly string[] }[]) =>
    `No contados: ${groups.map((g) => `${g.group} (${g.names.join(', ')})`).join('; ')}.`,
  topics: {
    migration: 'Migración',
    remittances: 'Remesas',
    displacement: 'Desplazamiento',
    economy: 'Economía',
    finance: 'Finanzas',
    population: 'Población',
  },
  indicatorDescriptions: {
    migrant_stock:
      'Número de personas que viven en un país distinto de su país de nacimiento (o, donde no se registra el lugar de nacimiento, de su nacionalidad), a mitad de año. Zona de referencia: país de destino; zona de contrapartida: país de origen.',
    migrant_stock_total:
      'Todos los migrantes internacionales que viven en la zona de referencia, tal como los publica el DAES de la ONU por destino (países y agregados de la ONU).',
    migrant_share_pct:
      'Stock de migrantes internacionales como porcentaje de la población total, tal como lo publica el DAES de la ONU.',
    population_thousands: 'Población total a mitad de año, publicada junto con el stock de migrantes internacionales.',
    population: 'Población total, Indicadores del desarrollo mundial (WDI).',
    remittance_bilateral_usd_m:
      'Estimación de las remesas enviadas desde la zona de contrapartida (que envía) a la zona de referencia (que recibe).',
    remittance_inflows_usd_m:
      'Remesas personales recibidas, estimadas por el Banco Mundial y KNOMAD (incluye estimaciones para los países que no declaran).',
    remittance_inflows_pct_gdp:
      'Remesas recibidas como porcentaje del PIB, tal como las publican el Banco Mundial y KNOMAD para su último año (PIB de Perspectivas de la economía mundial del FMI).',
    remittances_received_usd:
      'Transferencias personales y remuneración de empleados recibidas, Indicadores del desarrollo mundial (WDI).',
    remittances_paid_usd:
      'Transferencias personales y remuneración de empleados pagadas, Indicadores del desarrollo mundial (WDI).',
    fdi_inflows_usd:
      'Entradas netas de inversión para adquirir una participación duradera en la gestión de una empresa, Indicadores del desarrollo mundial (WDI).',
    fdi_outflows_usd: 'Salidas netas de inversión directa, Indicadores del desarrollo mundial (WDI).',
    gdp_usd:
      'Producto interno bruto a precios de comprador, en US$ corrientes, Indicadores del desarrollo mundial (WDI).',
    oda_received_usd_m:
      'Asistencia oficial para el desarrollo, desembolsos netos de todos los donantes, precios corrientes.',
    remittance_cost_pct:
      'Costo total promedio (comisiones y margen cambiario) de enviar dinero desde la zona de contrapartida (que envía) a la zona de referencia (que recibe), como porcentaje del monto enviado (dimensión «monto enviado»: 200 o 500 US$). Meta 10.c de los ODS: menos del 3\u00a0% en promedio, ningún corredor por encima del 5\u00a0%.',
    remittance_fx_margin_pct:
      'Margen cambiario promedio en el corredor, como porcentaje del monto enviado (dimensión «monto enviado»).',
    remittance_providers: 'Número de proveedores cuyos precios se relevaron en el corredor y el trimestre.',
    forcibly_displaced:
      'Personas bajo el mandato del ACNUR, por país de asilo (zona de referencia) y de origen (zona de contrapartida); dimensión «grupo de población»: refugiados, solicitantes de asilo, refugiados retornados, desplazados internos, desplazados internos retornados, apátridas, otros.',
    dioc_emigrants:
      'Población nacida en el extranjero de los países de la OCDE, por país de nacimiento (zona de referencia: país de nacimiento), con dimensiones como el nivel educativo, la situación laboral, la edad y la duración de la estancia.',
  },
  indicatorNames: INDICATOR_NAMES.es,
  unitNames: UNIT_NAMES.es,
  inEnglish: '(las descripciones de los indicadores están en inglés)',
  skipMap: 'Saltar el mapa (la tabla de abajo da todos los valores)',
  mapTitle: (indicator: string, period: string) => `${indicator}, ${period}`,
  explorerShown: (title: string, details: string, count: number, yearChangedTo: string | null) =>
    `${title} (${details}): ${count === 1 ? '1 país o zona' : `${String(count)} países y zonas`}${yearChangedTo ? `. El año cambió a ${yearChangedTo}.` : ''}`,
  mapDescription: (count: number, topName: string, topValue: string) =>
    `Mapa mundial de ${String(count)} países y zonas con datos; valor más alto: ${topName}, ${topValue}. Los países en gris no tienen datos. La tabla siguiente da todos los valores.`,
  mapNote: (count: number) =>
    `${String(count)} países y zonas tienen un valor; las islas pequeñas y las zonas que el mapa no dibuja solo figuran en la tabla. Clases por cuantiles.`,
  mapFilled: (filled: number, drawn: number) =>
    `${String(filled)} de los ${String(drawn)} países dibujados en el mapa tienen un valor.`,
  mapKeyboard:
    'Cada país es un enlace a su perfil estadístico. Con el teclado, el mapa es una sola parada: las flechas recorren los países con un valor, en orden alfabético, y Intro abre uno.',
  topNTitle: (n: number, indicator: string, period: string) =>
    `Los ${String(n)} primeros: ${afterColon(indicator)}, ${period}`,
  aggregatesTitle: (grouping: RankingGrouping, period: string, mean: boolean) =>
    `${mean ? 'Medias' : 'Totales'} ${{ m49region: 'por región (M49 de la ONU)', m49subregion: 'por subregión (M49 de la ONU)', incomeGroup: 'por grupo de ingreso (Banco Mundial)' }[grouping]}, ${period}`,
  coverage: (withData: number, inGroup: number, notCounted = 0) =>
    `${String(withData)} de ${String(inGroup)} con datos${notCounted ? `; ${String(notCounted)} ${notCounted === 1 ? 'no contado' : 'no contados'}` : ''}`,
  csvTotalBothSexes: 'total = hombres + mujeres',
  colCoverage: 'Cobertura',
  colNotCounted: 'No contados',
  incomeGroupsShort: { L: 'Ingreso bajo', LM: 'Mediano bajo', UM: 'Mediano alto', H: 'Ingreso alto' },
  notGrouped: {
    incomeGroup: 'Sin clasificar',
    m49region: 'Sin región M49',
    m49subregion: 'Sin subregión M49',
  },
  incomeFiscalYear: (fy: string) => `Grupos de ingreso del ejercicio ${fy} del Banco Mundial.`,
  incomeNotMatched:
    'No hay cargada ninguna clasificación basada en el INB del año de los datos: se usa la más cercana.',
  classificationSource: 'Clasificación',
  trendHeading: 'Evolución en el tiempo',
  trendLead: (max: number) =>
    `El mismo indicador, edición y filtros a lo largo de los años, para hasta ${String(max)} países o zonas que usted elija, con la variación entre dos períodos calculada por Bridges.`,
  trendTitle: (indicator: string) => `${indicator}: evolución`,
  trendControls: 'Zonas y períodos del gráfico de evolución',
  trendAreasShown: 'Mostrados',
  trendRemoveArea: (name: string) => `Quitar ${name}`,
  trendAddArea: 'Añadir un país o zona',
  trendAreasFull: (max: number) => `Hasta ${String(max)} a la vez: quite uno para añadir otro.`,
  trendChooseArea: 'Elegir…',
  trendAggregatesGroup: 'Agregados de los editores',
  trendCountriesGroup: 'Países y zonas',
  trendFrom: 'Desde',
  trendTo: 'Hasta',
  trendAdd: 'Añadir',
  trendAreaAdded: (name: string) => `Añadido al gráfico de evolución: ${name}.`,
  trendAreaRemoved: (name: string) => `Quitado del gráfico de evolución: ${name}.`,
  trendSinglePeriod: (period: string) =>
    `Esta edición tiene un solo período (${period}): no hay nada que seguir en el tiempo. Elija otra edición u otro indicador.`,
  trendNoData: (names: string) => `Sin datos con estos filtros para ${names}.`,
  trendAreasDropped: (
    names: readonly string[],
    indicator: string,
    indicatorName: string,
    period: string,
    instead: readonly string[],
  ) =>
    `${names.join(', ')}: sin valor para «${indicatorName}» en ${period}${COUNTERPART_ROLE[indicator] === 'sender' ? ' (sus valores son los del país que recibe el dinero)' : ''}. ${instead.length ? `El gráfico en el tiempo muestra en su lugar lo que muestra por defecto: ${instead.join(', ')}.` : `El gráfico en el tiempo ${names.length === 1 ? 'lo deja' : 'los deja'} fuera.`}`,
  trendGrowthCaption: (from: string, to: string, unit: string) => `Variación de ${from} a ${to} (${unit})`,
  trendDifference: 'Diferencia',
  percentagePoints: 'puntos',
  trendDifferenceMethod:
    'Diferencia = valor final − valor inicial, en puntos porcentuales para un porcentaje: la variación de una tasa no es un porcentaje de un porcentaje.',
  trendChange: 'Variación',
  trendAnnualRate: 'Por año (compuesta)',
  trendGrowthMethod:
    'Variación = valor final ÷ valor inicial − 1; por año = tasa anual compuesta, solo entre períodos anuales separados por más de un año (en un año, es la variación). Un valor que falta en uno de los extremos deja ambos en blanco.',
  trendRepeatedFlag: 'repite el período anterior: variación no estimada',
  trendRepeated: (areas, period, previous) =>
    `${areas.join(', ')}: las cifras de ${period} son exactamente las de ${previous} en esta edición, de modo que la variación hasta ${period} no está estimada, no es nula, y se deja en blanco (véanse las advertencias).`,
  groupRepeatedFlag: 'incluye cifras que solo repiten el período anterior',
  groupsRepeated: (groups, period, previous) =>
    `${groups.map((g) => `${g.group} (${g.members.join(', ')})`).join('; ')}: estos totales incluyen cifras de ${period} que solo repiten exactamente las de ${previous} en esta edición, de modo que su variación de ${previous} a ${period} no está estimada en parte (véanse las advertencias).`,
  publishedAggregatesHeading: 'Agregados y categorías residuales de los editores',
  publishedAggregatesNote:
    'No son países: no se clasifican ni entran en los totales de Bridges. Son el mundo, las regiones o grupos de ingreso que calculó el editor y lo que no pudo asignar a ningún país.',
  noPublishedAggregates: 'El editor no publica agregados para este indicador y período.',
  totalComputed: (value: string, count: number) => `Total de ${String(count)} países y zonas: ${value}`,
  meanComputed: (value: string, count: number) => `Media no ponderada de ${String(count)} países y zonas: ${value}`,
  weightedMeanComputed: (value: string, count: number, weight: string) =>
    `Media de ${String(count)} países y zonas, ponderada por «${weight}»: ${value}`,
  allCountriesHeading: (count: number) => `Todos los países y zonas (${String(count)})`,
  apiCsvLink: 'La misma clasificación en CSV desde la API (con los totales por grupo)',

  datasetsTitle: 'Conjuntos de datos',
  datasetsLead:
    'Cada edición cargada en Bridges, las ediciones de una misma publicación lado a lado, con su licencia, su cobertura, cómo citarla, las notas metodológicas y advertencias del editor y el origen del archivo.',
  datasetCount: (datasets: number, families: number) =>
    `${String(datasets)} ediciones de ${String(families)} publicaciones`,
  downloadCatalogue: 'Descargar el catálogo en CSV',
  downloadCatalogueFiltered: 'Descargar estas ediciones en CSV',
  datasetCountFiltered: (shown, total, families) =>
    `${String(shown)} de ${String(total)} ediciones, en ${String(families)} ${families === 1 ? 'publicación' : 'publicaciones'}`,
  catalogueSearchLabel: 'Buscar en el catálogo',
  catalogueSearchHint: 'Títulos, editores, ediciones e indicadores, en inglés, francés o español.',
  filterTopic: 'Tema',
  allTopics: 'Todos los temas',
  filterPublisher: 'Editor',
  allPublishers: 'Todos los editores',
  noDatasetMatches: 'Ninguna edición coincide con esta búsqueda y estos filtros.',
  editionsSideBySide: (n: number) =>
    `${String(n)} ediciones lado a lado, la más reciente primero (por fecha de publicación o, en su defecto, por el año que figura en el identificador del conjunto de datos). Compárelas; no las empalme.`,
  familyCaptionBefore: () => 'Ediciones de ',
  colReleaseDate: 'Fecha de publicación',
  colPeriods: 'Períodos',
  colObservations: 'Observaciones',
  colAreas: 'Zonas',
  colIndicators: 'Indicadores',
  colSource: 'Fuente',
  colLoaded: 'Cargado en Bridges',
  areaCounts: (reference: number, counterpart: number, aggregates: number, lang: UiLanguage) =>
    `${formatNumber(reference, lang)} zonas de referencia` +
    (aggregates
      ? ` (${formatNumber(aggregates, lang)} de ellas agregado${aggregates === 1 ? '' : 's'} del editor)`
      : '') +
    (counterpart ? `, ${formatNumber(counterpart, lang)} zonas de contrapartida` : ''),
  citationHeading: 'Cómo citar',
  copyCitation: 'Copiar la cita',
  copied: 'Cita copiada.',
  copyFailed: 'No se pudo copiar: seleccione el texto y cópielo.',
  colDatasetId: 'Identificador del conjunto de datos',
  colFamily: 'Publicación (familia)',
  notGiven: 'El editor no lo indica',
  downloadRecord: 'Descargar esta ficha en CSV',
  // The notes are the publishers' and Bridges' own words, in English: the headings say so.
  methodHeading: 'Notas metodológicas (en inglés)',
  caveatsHeading: 'Advertencias (en inglés)',
  provenanceHeading: 'Origen del archivo incluido (en inglés)',
  indicatorsCaption: (id: string) => `Indicadores de ${id}`,
  colUnit: 'Unidad',
  colMeasureType: 'Tipo',
  colSeries: 'Series',
  colBreakdowns: 'Desgloses',
  colExplore: 'Explorar',
  measureTypes: { stock: 'stock', flow: 'flujo', rate: 'tasa' },
  bySex: 'Por sexo',
  exploreOnMap: 'En el mapa',
  sdmxData: (period: string) => `Datos SDMX, ${period} (CSV)`,
  sdmxDataAll: 'Datos SDMX, todos los períodos (CSV)',
  filesHeading: 'Archivos fuente',
  filesLead:
    'Los archivos de los que se cargó esta edición, tal como Bridges los incluye (comprimidos con gzip cuando el nombre termina en .gz); el origen de arriba dice de dónde viene cada uno y si es el del editor. Verifique una copia con su SHA-256.',
  filesNone: 'Esta edición se importó de un archivo que Bridges no incluye: no hay copia para descargar.',
  fileSize: (bytes: string) => `${bytes} bytes`,
  sdmxHeading: 'API SDMX',
  sdmxLead:
    'Cada indicador de esta edición es un flujo de datos SDMX 2.1: cualquier cliente SDMX (la biblioteca sdmx1, .Stat Suite, rsdmx para R) puede consultarlo con su clave de serie, indicada junto a cada flujo: FREQ.REF_AREA.COUNTERPART_AREA.SEX y luego las dimensiones propias de la fuente.',
  sdmxStructure: 'estructura',
  sdmxKeyLabel: 'clave',
  otherEditionsHeading: 'Otras ediciones',
  compareEditions: 'Comparar las ediciones lado a lado',

  dataHubTitle: 'Centro de datos',
  dataHubLead:
    'Migración, remesas y su costo, desplazamiento forzado y economía, según el DAES de las Naciones Unidas, el Banco Mundial y KNOMAD, la OCDE y el ACNUR: cada cifra con su fuente, cada gráfico descargable.',
  explorerCard: 'Cualquier indicador en un mapa mundial, en un gráfico y en una tabla, año por año.',
  datasetsCard: 'El catálogo: ediciones lado a lado, licencias, citas, advertencias y origen de los archivos.',
  profilesCardTitle: 'Perfiles de países',
  countryLabel: 'País',
  openProfile: 'Abrir el perfil',
  corridorsCardTitle: 'Corredores',
  originLabel: 'Origen',
  destinationLabel: 'Destino',
  openCorridorButton: 'Abrir el corredor',
  sdmxCard: 'Las mismas cifras para clientes SDMX: flujos de datos, estructuras y datos en SDMX-JSON y SDMX-CSV.',
  homeDataHubCard:
    'Explore la migración, las remesas y su costo por país, corredor e indicador, con todas las fuentes.',
} satisfies DatahubMessages;

export const DATAHUB_MESSAGES: Record<UiLanguage, DatahubMessages> = { en, fr, es };
