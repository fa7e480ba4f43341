import { z } from 'zod';
import { wholeNumber } from './params.js';
import { AREA_KINDS, FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, parseFiscalYear } from './classifications.js';
import { Citation } from './citation.js';
import { AreaCodeParam, SourceCitation } from './countries.js';
import { NAME_LANGUAGES } from './languages.js';
import {
  COMPUTED_BY,
  OUTPUT_FORMATS,
  PROFILE_FLOW_NAMES,
  RANKING_GROUPINGS,
  repeatedDimension,
  SEXES,
  type ProfileFlow,
} from './statistics-terms.js';

// The zod-free vocabularies and arithmetic live in statistics-terms.ts (the UI imports them without zod).
export * from './statistics-terms.js';
export * from './citation.js';

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/** A figure Bridges computed from publishers' figures (a sum, a mean, a share), with its method. */
export const Computation = z.object({
  computedBy: z.literal(COMPUTED_BY),
  method: z.string(),
});
export type Computation = z.infer<typeof Computation>;

export const AreaRef = z.object({
  code: z.string(),
  name: z.string().describe('In the requested language, English where the reference has none'),
  kind: z.enum(AREA_KINDS),
});
export type AreaRef = z.infer<typeof AreaRef>;

const Status = z
  .string()
  .describe(
    'SDMX observation status (A normal, E estimated, P provisional, I imputed, F forecast); a sum of values of different statuses lists each letter, e.g. "AI"',
  );

const Period = z.string().describe('2020, 2011-Q1 or 2011-S1');

const Unit = z.object({
  unit: z.string().describe('The unit the publisher printed, e.g. "US$ millions"'),
  toUsd: z.number().nullable().describe('Multiplier to US$ (1e6 for US$ millions); null for non-money units'),
});

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const trimmed = z.string().trim();
const format = z
  .enum(OUTPUT_FORMATS)
  .optional()
  .describe(
    'json (default) or csv. Without it the Accept header chooses: text/csv (or text/*) preferred to application/json asks for CSV; an Accept that takes neither is a 406',
  );
const bom = z
  .enum(['true', 'false'])
  .optional()
  .describe(
    'CSV only (ignored for JSON): true starts the file with a UTF-8 byte-order mark, so that Excel reads accented names right, as CKAN’s bom=True does; default false, for programs',
  );
const lang = z
  .enum(NAME_LANGUAGES)
  .optional()
  .describe(
    'Language of the names of areas and groups, and of what Bridges says it computed (`method` texts, `computed_by` in CSV, coverage notes: in French or Spanish, English for the other languages); default en',
  );
const areaCode = AreaCodeParam;
// Year 0000 does not exist (the proleptic calendar goes from 1 BC to AD 1): refused here, not by the database.
// Spelled out in either case, as the document's pattern cannot carry the i flag: 2020-q3 is 2020-Q3.
const periodParam = trimmed.regex(
  /^(?!0000)\d{4}(-([Qq][1-4]|[Ss][12]))?$/,
  'must be a period such as 2020 or 2020-Q3',
);
const datasetId = trimmed.regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a dataset id such as undesa-ims-2024');
const indicatorId = trimmed.regex(/^[a-z0-9_]+$/, 'must be an indicator id such as migrant_stock');
const dimsParam = trimmed
  .regex(
    /^[a-z0-9_]+:[^,:]+(,[a-z0-9_]+:[^,:]+)*$/i,
    'must list dimension filters as key:value pairs separated by commas, e.g. amount:200',
  )
  .refine((text) => repeatedDimension(text) === undefined, {
    error: (issue) => `gives dimension "${repeatedDimension(String(issue.input)) ?? ''}" twice; give each once`,
  })
  .describe('Dimension filters, e.g. `amount:200` or `group:refugee`');

export const FormatQuery = z.strictObject({ format, bom });
export type FormatQuery = z.infer<typeof FormatQuery>;

export const DatasetListQuery = z.strictObject({
  format,
  bom,
  q: trimmed
    .max(200)
    .default('')
    .describe(
      'Words, every one of which an edition must hold (case and accents ignored, a word may be the start of one) in its title, publisher, edition, id, citation or the names of its indicators in English, French or Spanish',
    ),
  topic: trimmed
    .regex(/^[a-z]+(,[a-z]+)*$/, 'must list topics, comma-separated, such as migration,remittances')
    .optional()
    .describe(
      "Indicator topics, comma-separated (an edition with an indicator of any of them): `facets.topic` lists the catalogue's, /api/indicators gives each indicator's",
    ),
  publisher: trimmed
    .min(1)
    .max(300)
    .optional()
    .describe('The publisher, exactly as the catalogue names it (`facets.publisher` lists them)'),
});
export type DatasetListQuery = z.infer<typeof DatasetListQuery>;

export const DatasetParams = z.strictObject({ id: datasetId });
export const DatasetFileParams = z.strictObject({
  id: datasetId,
  name: trimmed.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a file name such as data.csv.gz'),
});

export const ProfileParams = z.strictObject({ code: areaCode });
export const ProfileQuery = z.strictObject({
  edition: datasetId
    .optional()
    .describe('UN DESA edition of the migrant stock (dataset id); default the latest revision'),
  lang,
  format,
  bom,
});
export type ProfileQuery = z.infer<typeof ProfileQuery>;

export const CorridorParams = z.strictObject({
  from: areaCode.describe(
    'Origin of the migrants (where they were born); remittances and their cost are given both ways',
  ),
  to: areaCode.describe('Destination of the migrants (where they live), from which they send money home'),
});
export const CorridorQuery = z.strictObject({ lang, format, bom });
export type CorridorQuery = z.infer<typeof CorridorQuery>;

const COUNTERPART =
  'Only the series with this counterpart area (origin of the migrants, sender of the money); only for an indicator with counterpart areas (a 400 otherwise). A code no country or area has is a 400';

export const RankingParams = z.strictObject({ indicator: indicatorId });
export const RankingQuery = z.strictObject({
  period: periodParam.optional().describe('Default: the latest period with data'),
  dataset: datasetId.optional().describe('Default: the edition with the latest data'),
  groupBy: z
    .enum(RANKING_GROUPINGS)
    .optional()
    .describe('Totals by M49 region or sub-region, or by World Bank income group (see incomeFiscalYear); default none'),
  incomeFiscalYear: trimmed
    .refine((v) => parseFiscalYear(v) !== null, {
      message: `must be a fiscal year between FY${String(FIRST_FISCAL_YEAR % 100)} and FY${String(LAST_FISCAL_YEAR % 100)}, e.g. FY25`,
    })
    .meta({ pattern: '^([Ff][Yy])?([0-9]{2}|[0-9]{4})$' })
    .optional()
    .describe(
      `Only with groupBy=incomeGroup (a 400 otherwise): the World Bank fiscal year of the income groups, FY${String(FIRST_FISCAL_YEAR % 100)} to FY${String(LAST_FISCAL_YEAR % 100)}, written FY25, 25 or 2025 (any case); default the fiscal year whose classification used GNI of the data year`,
    ),
  counterpart: areaCode.optional().describe(COUNTERPART),
  sex: z.enum(SEXES).optional().describe('_T (default) both sexes, M, F'),
  dims: dimsParam.optional(),
  limit: wholeNumber(1, 1000).optional().describe('Rows of the ranking; default all'),
  lang,
  format,
  bom,
});
export type RankingQuery = z.infer<typeof RankingQuery>;

export const SeriesQuery = z.strictObject({
  indicator: indicatorId,
  areas: trimmed
    .regex(
      /^[A-Za-z][A-Za-z0-9_]{1,39}(,[A-Za-z][A-Za-z0-9_]{1,39}){0,49}$/,
      'must be up to 50 area codes (letters, digits and _) separated by commas, e.g. PHL,MEX',
    )
    .describe(
      'Countries or publishers’ aggregates, comma-separated; codes no country or area has are a 400 naming them all',
    ),
  counterpart: areaCode.optional().describe(COUNTERPART),
  sex: z.enum(SEXES).optional(),
  dataset: datasetId.optional().describe('Default: every edition that carries the indicator, side by side'),
  dims: dimsParam.optional(),
  from: periodParam.optional(),
  to: periodParam.optional(),
  lang,
  format,
  bom,
});
export type SeriesQuery = z.infer<typeof SeriesQuery>;

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export const DatasetIndicator = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  measureType: z.enum(['stock', 'flow', 'rate']),
  topic: z.string().describe('migration, remittances, displacement, economy, finance or population'),
  seriesCount: z.number().int(),
  observationCount: z.number().int(),
  firstPeriod: z.string().nullable(),
  lastPeriod: z.string().nullable(),
  periods: z.array(z.string()).describe('Every period with data, oldest first'),
  sexes: z.array(z.enum(SEXES)),
  dimensions: z.record(z.string(), z.array(z.string())).describe('Extra dimensions and their values'),
});

export const DatasetSummary = Citation.omit({ dataset: true })
  .extend({
    id: z.string(),
    methodNotes: z.string().nullable(),
    caveats: z.string().nullable(),
    provenance: z.string(),
    observationCount: z.number().int(),
    loadedAt: z.string().describe('ISO timestamp of the load'),
    indicators: z.array(DatasetIndicator),
    periods: z.object({ first: z.string().nullable(), last: z.string().nullable() }),
    areas: z.object({
      reference: z.number().int().describe('Reference areas (countries and aggregates)'),
      counterpart: z.number().int().describe('Counterpart areas (origins, senders)'),
      aggregates: z.number().int().describe('Publisher aggregates among the reference areas'),
    }),
  })
  .meta({ id: 'DatasetSummary' });
export type DatasetSummary = z.infer<typeof DatasetSummary>;

const CatalogueFacetValue = z.object({ value: z.string(), count: z.number().int() });

export const DatasetListResponse = z
  .object({
    items: z.array(DatasetSummary),
    families: z
      .array(
        z.object({
          family: z.string(),
          title: z
            .string()
            .describe(
              "The family's name: its one edition's title, or its editions' titles without their year, each distinct one once, joined by ' / '",
            ),
          datasets: z
            .array(z.string())
            .describe(
              'Newest edition first: by release date; where the publisher gives none, by the year (and month or quarter) the dataset id is named after, undesa-ims-2024 → 2024, a year counting as its start; editions with neither last, most recently loaded first',
            ),
        }),
      )
      .describe(
        'Editions of one publication or series, to compare side by side, in the order of their family ids (those with an edition the filters keep)',
      ),
    catalogueSize: z.number().int().describe('Editions loaded, whatever the filters'),
    facets: z
      .object({ topic: z.array(CatalogueFacetValue), publisher: z.array(CatalogueFacetValue) })
      .describe(
        "Every topic and publisher of the catalogue, with how many editions have it among those `q` and the other facet's filter keep (as a search's facets)",
      ),
    sources: z.array(Citation),
  })
  .meta({ id: 'DatasetList' });
export type DatasetListResponse = z.infer<typeof DatasetListResponse>;

export const DatasetDetailResponse = DatasetSummary.extend({
  otherEditions: z.array(z.string()).describe('Other datasets of the same family, newest first (as in the list)'),
  files: z
    .array(
      z.object({
        name: z.string(),
        bytes: z.number().int(),
        sha256: z.string(),
        url: z.string().describe('Where to download it'),
      }),
    )
    .describe(
      'The files this edition was loaded from, as bundled (gzipped where the name ends .gz; `provenance` says where each comes from); empty for a user’s own import',
    ),
  sources: z.array(Citation),
}).meta({ id: 'DatasetDetail' });
export type DatasetDetailResponse = z.infer<typeof DatasetDetailResponse>;

export const IndicatorSummary = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  description: z.string(),
  measureType: z.enum(['stock', 'flow', 'rate']),
  topic: z.string(),
  datasets: z.array(
    z.object({
      id: z.string(),
      family: z.string(),
      edition: z.string(),
      firstPeriod: z.string().nullable(),
      lastPeriod: z.string().nullable(),
      seriesCount: z.number().int(),
      observationCount: z.number().int(),
    }),
  ),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummary>;

export const IndicatorListResponse = z
  .object({ items: z.array(IndicatorSummary), sources: z.array(Citation) })
  .meta({ id: 'IndicatorList' });
export type IndicatorListResponse = z.infer<typeof IndicatorListResponse>;

// ---------------------------------------------------------------------------------------------
// Country profile
// ---------------------------------------------------------------------------------------------

const SexBreakdown = z.object({
  male: z.number().nullable(),
  female: z.number().nullable(),
  total: z.number().describe('Both sexes: male + female (UN DESA publishes no separate total)'),
});

export const StockPoint = SexBreakdown.extend({ period: Period });
export type StockPoint = z.infer<typeof StockPoint>;

/** Where a stock's latest figures repeat the period before exactly (see repeatedLatest). */
export const RepeatedLatest = z.object({ period: Period, previous: Period }).nullable();

export const ImmigrantPoint = StockPoint.extend({
  population: z.number().nullable().describe('Total population (persons) used for the share'),
  sharePct: z.number().nullable().describe('Immigrants as % of the population, computed by Bridges'),
});
export type ImmigrantPoint = z.infer<typeof ImmigrantPoint>;

export const EmigrantPoint = StockPoint.extend({
  population: z.number().nullable().describe('Total population (persons) of the country of origin used for the share'),
  sharePct: z
    .number()
    .nullable()
    .describe(
      'Emigrants as % of the population living in the country of origin (the World Bank Factbook’s emigrants as percentage of population), computed by Bridges',
    ),
});
export type EmigrantPoint = z.infer<typeof EmigrantPoint>;

/** A rank in competition ranking, as every ranked list of the data hub gives it. */
const Rank = z
  .number()
  .int()
  .describe('Equal values share a rank and are listed by area code: 1, 2, 2, 4 (competition ranking)');

/** A figure of a destination that only repeats the period before's: its destination's figures do, and it with them. */
const RepeatedFigure = RepeatedLatest.describe(
  "This figure (total, women and men) only repeats that of the period before (`previous`) exactly: its destination's figures in this edition (all origins, total, women and men) at its latest period (`period`) are those of the period before (UN DESA 2024 repeats 2020 for two destinations, the Philippines and Niue), and so is this figure. Read its change between the two as not estimated, not as none. null otherwise: also where the destination's totals repeat but this figure moved (Revision 2020 keeps Niue's totals of 2015, not its women by origin), and for every edition but UN DESA's",
);

export const PartnerStock = SexBreakdown.extend({
  rank: Rank,
  area: AreaRef,
  sharePct: z.number().nullable().describe('% of all immigrants (or emigrants) in that year'),
  repeats: RepeatedFigure,
});
export type PartnerStock = z.infer<typeof PartnerStock>;

export const MigrationBlock = z.object({
  dataset: z.string().nullable().describe('The UN DESA edition used'),
  immigrants: z.object({
    series: z.array(ImmigrantPoint).describe('Every year of the edition; sum over all origins, including unknown'),
    latest: ImmigrantPoint.nullable(),
    latestRepeats: RepeatedLatest.describe(
      "The latest period's totals (both sexes, women and men) are exactly those of the period before (UN DESA 2024 repeats 2020 for two destinations, the Philippines and Niue): read the change between the two as not estimated, not as none",
    ),
    population: z
      .object({
        indicator: z.string(),
        dataset: z.string(),
        unit: z.string(),
        multiplier: z.number().describe('To persons: 1000 for thousands'),
      })
      .nullable()
      .describe('The population series the share divides by; null where none is loaded'),
    share: Computation,
  }),
  emigrants: z.object({
    series: z.array(EmigrantPoint).describe('Sum over all destinations of people born in the country'),
    latest: EmigrantPoint.nullable(),
    latestRepeats: RepeatedLatest.describe(
      "The emigrants' latest totals only repeat those of the period before: every destination's figure of them does (as `topDestinations.items[].repeats` finds it), and so the totals. null otherwise",
    ),
    share: Computation.describe("How `sharePct` is computed: the same population series as the immigrants' share"),
  }),
  otherEditions: z
    .array(
      z.object({
        dataset: z.string(),
        edition: z.string().describe('As the publisher names it: "Revision 2020"'),
        immigrants: z.array(StockPoint),
        emigrants: z.array(StockPoint),
        totalPublished: z.boolean().describe('As `stocks.totalPublished`, for this edition'),
        latestRepeats: z
          .object({ immigrants: RepeatedLatest, emigrants: RepeatedLatest })
          .describe("As `immigrants.latestRepeats` and `emigrants.latestRepeats`, this edition's own"),
      }),
    )
    .describe(
      "The same totals in the other loaded UN DESA editions, summed the same way: each revision revises past years too, and editions disagree (the Philippines' immigrants in 2020: 225,525 in Revision 2020, 87,212 in Revision 2024)",
    ),
  topOrigins: z.object({
    period: z.string().nullable(),
    items: z.array(PartnerStock).describe('Ten largest origins; unknown origin (OOO) and aggregates excluded'),
    unknownOrigin: SexBreakdown.extend({ repeats: RepeatedFigure })
      .nullable()
      .describe('Migrants whose origin the source does not give (OOO)'),
  }),
  topDestinations: z.object({
    period: z.string().nullable(),
    items: z.array(PartnerStock),
  }),
  stocks: Computation.extend({
    totalPublished: z.boolean().describe('The edition prints a both-sexes total; false: total = male + female'),
  }).describe('Every figure of this block is a sum Bridges computed of the edition’s bilateral stocks'),
  sources: z.array(Citation),
});
export type MigrationBlock = z.infer<typeof MigrationBlock>;

export const FlowPoint = z.object({
  period: Period,
  value: z.number().describe('As the publisher printed it, in `unit`'),
  valueUsd: z.number().nullable().describe('value × toUsd; null for a unit that is not US$'),
  pctOfGdp: z.number().nullable().describe('% of same-year GDP, computed by Bridges'),
  status: Status,
});
export type FlowPoint = z.infer<typeof FlowPoint>;

export const FlowSeries = Unit.extend({
  flow: z.enum(PROFILE_FLOW_NAMES as [ProfileFlow, ...ProfileFlow[]]),
  indicator: z.string(),
  indicatorName: z.string(),
  dataset: z.string(),
  conversion: z.string().describe('The unit conversion applied, in words'),
  points: z.array(FlowPoint),
});
export type FlowSeries = z.infer<typeof FlowSeries>;

export const CorridorAmount = z.object({
  rank: Rank,
  area: AreaRef,
  valueUsdMillions: z.number(),
  valueUsd: z.number(),
  sharePct: z.number().nullable().describe('% of the sum over all sending countries in the matrix'),
});

export const RemittanceBlock = z.object({
  unit: z.literal('current US$').describe('The unit of valueUsd everywhere in this block'),
  flows: z
    .array(FlowSeries)
    .describe('Remittances received and sent, ODA received, FDI inflows: one series per indicator and edition'),
  gdp: z
    .object({
      indicator: z.string(),
      dataset: z.string(),
      unit: z.string(),
      points: z.array(z.object({ period: Period, valueUsd: z.number() })),
    })
    .nullable(),
  pctOfGdp: Computation,
  publishedPctOfGdp: z
    .array(
      z.object({
        indicator: z.string(),
        dataset: z.string(),
        unit: z.string(),
        points: z.array(z.object({ period: Period, value: z.number(), status: Status })),
      }),
    )
    .describe(
      'Remittances received as a share of GDP as a publisher printed it (KNOMAD, with the IMF’s GDP), beside the share Bridges computes: one entry per edition',
    ),
  topSendingCorridors: z.object({
    dataset: z.string().nullable().describe('Latest edition of the KNOMAD bilateral matrix with data'),
    period: z.string().nullable(),
    unit: z.literal('US$ millions'),
    items: z.array(CorridorAmount),
  }),
  sources: z.array(Citation),
});
export type RemittanceBlock = z.infer<typeof RemittanceBlock>;

export const CostCorridor = z.object({
  dataset: z.string(),
  direction: z.enum(['inbound', 'outbound']).describe('inbound: money sent to the country'),
  from: AreaRef,
  to: AreaRef,
  amountUsd: z.string(),
  latest: z.object({ period: Period, value: z.number() }),
  aboveFive: z
    .boolean()
    .describe('Whether `latest`, the corridor’s own latest cost, is above the SDG 10.c ceiling of 5 %'),
  points: z.array(z.object({ period: Period, value: z.number() })),
});
export type CostCorridor = z.infer<typeof CostCorridor>;

export const CostMean = Computation.extend({
  dataset: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  period: Period,
  meanPct: z.number(),
  corridorCount: z.number().int(),
  corridorsAboveFive: z.number().int(),
  belowThree: z.boolean().describe('Mean below the SDG 10.c average target of 3 %'),
});
export type CostMean = z.infer<typeof CostMean>;

export const CostBlock = z.object({
  indicator: z.string(),
  unit: z.string(),
  amountUsd: z.string().describe('Transfer amount of the costs shown (US$ 200, the SDG 10.c.1 basis)'),
  sdg: z.object({ averageBelowPct: z.number(), corridorCeilingPct: z.number(), target: z.string() }),
  corridors: z.array(CostCorridor),
  means: z.array(CostMean).describe('Unweighted mean of the corridors in the latest period, per edition and direction'),
  sources: z.array(Citation),
});
export type CostBlock = z.infer<typeof CostBlock>;

const GroupValues = z.record(z.string(), z.number()).describe('Persons by UNHCR group');

/** One period of UNHCR's groups: their values, the total of the stock groups, their statuses. */
export const DisplacementPoint = z.object({
  period: Period,
  total: z.number().describe('Stock groups'),
  byGroup: GroupValues,
  status: Status,
});

export const DisplacementSide = z.object({
  latestPeriod: z.string().nullable(),
  latestStatus: Status.nullable().describe(
    'The statuses of the latest period’s values (P: UNHCR’s mid-year figures, provisional; see the dataset’s method notes)',
  ),
  total: z
    .number()
    .nullable()
    .describe('Latest period, all stock groups: returns (refugee return, idp return) are flows, in byGroup only'),
  byGroup: GroupValues,
  top: z
    .array(z.object({ rank: Rank, area: AreaRef, total: z.number(), byGroup: GroupValues }))
    .describe('Partners by their total of stock groups'),
  trend: z.array(DisplacementPoint),
});
export type DisplacementSide = z.infer<typeof DisplacementSide>;

export const RefugeeBlock = z.object({
  dataset: z.string().nullable(),
  fromCountry: DisplacementSide.describe('People from the country, in other countries (by country of asylum)'),
  hosted: DisplacementSide.describe('People of other origins in the country (by country of origin)'),
  withinCountry: DisplacementSide.describe('Origin and asylum both the country: internally displaced, returnees'),
  groups: z.record(z.string(), z.string()).describe('Labels of the group codes'),
  totals: Computation.describe('How every `total` of the block is made from its `byGroup`'),
  sources: z.array(Citation),
});
export type RefugeeBlock = z.infer<typeof RefugeeBlock>;

const DiocCategory = z.object({
  code: z.string(),
  key: z.string(),
  label: z.string(),
  value: z.number(),
  sharePct: z.number().nullable(),
});

const DiocDistribution = z.object({
  dataset: z.string().nullable(),
  period: z.string().nullable(),
  dimension: z.string().nullable().describe('The dimension read, e.g. edu_lfs'),
  population: z.string().describe('Who is counted'),
  populationKind: z
    .enum(['all', 'aged15PlusOrUnknown', 'aged15Plus'])
    .describe('Who is counted, as a code: everyone; under-15s left out; a table of people aged 15 and over'),
  total: z.number().nullable().describe('The sum of the values, computed by Bridges'),
  items: z.array(DiocCategory),
  computedBy: z
    .string()
    .nullable()
    .describe(
      'Bridges: each value is a sum of the file’s cells (the OECD prints no such total), each share its part of the sum; null when there is no data',
    ),
  over: z
    .array(z.string())
    .describe('What each value is summed over: sex and the file’s other dimensions that vary between its cells'),
  kept: z
    .record(z.string(), z.array(z.string()))
    .describe(
      'Codes of another dimension the figures keep where they leave some out (age_lfs 1, 2, 3, 99: under-15s left out); empty when every cell is summed',
    ),
});

export const DiocBlock = z.object({
  education: DiocDistribution,
  labourForce: DiocDistribution,
  codes: z.string().describe('What the codes mean'),
  sources: z.array(Citation),
});
export type DiocBlock = z.infer<typeof DiocBlock>;

/**
 * An SDMX dataflow an answer draws on: one dataset edition and indicator, with the keys of the
 * source's own dimensions, so a client can write its series key (`sdmxOwnDimensions` orders them).
 */
export const DataflowRef = z.object({
  dataset: z.string(),
  indicator: z.string(),
  flow: z.string().describe('SDMX dataflow id, agency BRIDGES, version 1.0: /api/sdmx/data/{flow}/{key}'),
  dims: z.array(z.string()).describe("The source's own dimension keys (the SDMX key's positions after SEX)"),
});
export type DataflowRef = z.infer<typeof DataflowRef>;

export const ProfileResponse = z
  .object({
    area: AreaRef,
    edition: z.string().nullable().describe('UN DESA edition of the migration block'),
    availableEditions: z.array(z.object({ id: z.string(), edition: z.string() })),
    migration: MigrationBlock,
    remittances: RemittanceBlock,
    cost: CostBlock,
    refugees: RefugeeBlock,
    emigrantsInOecd: DiocBlock,
    sources: z.array(Citation).describe('Every dataset cited in the blocks'),
    dataflows: z.array(DataflowRef).describe('The SDMX dataflows behind the blocks, to pull the same numbers'),
  })
  .meta({ id: 'CountryProfile' });
export type ProfileResponse = z.infer<typeof ProfileResponse>;

// ---------------------------------------------------------------------------------------------
// Corridor
// ---------------------------------------------------------------------------------------------

export const CorridorResponse = z
  .object({
    from: AreaRef.describe('A: origin of the migrants'),
    to: AreaRef.describe('B: destination of the migrants'),
    migrantStock: z.object({
      indicator: z.string(),
      unit: z.string(),
      description: z.string(),
      editions: z
        .array(
          z.object({
            dataset: z.string(),
            totalPublished: z
              .boolean()
              .describe('The edition prints a both-sexes total; false: total = male + female, computed by Bridges'),
            typesOfData: z
              .array(z.string())
              .describe(
                "The source's type-of-data codes of these figures (UN DESA: B foreign-born, C foreign citizens where birthplace is not recorded, R refugees added, I imputed)",
              ),
            points: z.array(StockPoint),
            destinationRepeats: RepeatedLatest.describe(
              "The destination's figures in this edition (all origins, total, women and men) at its latest period are exactly those of the period before (UN DESA 2024 repeats 2020 for two destinations), and so are the corridor's own (total, women and men): read the corridor's change between the two as not estimated, not as none. null otherwise: also where the corridor has no figure then, or its figures moved while the destination's totals repeat (Revision 2020 keeps Niue's totals of 2015, not its women by origin)",
            ),
          }),
        )
        .describe('Every UN DESA edition side by side, newest first; never spliced'),
      sources: z.array(Citation),
    }),
    remittances: z.object({
      indicator: z.string(),
      unit: z.string(),
      toUsd: z.number(),
      description: z.string(),
      series: z
        .array(
          z.object({
            dataset: z.string(),
            sender: AreaRef,
            receiver: AreaRef,
            points: z.array(z.object({ period: Period, value: z.number(), valueUsd: z.number() })),
          }),
        )
        .describe('Each KNOMAD edition and direction apart: A → B first, then B → A (what migrants send home)'),
      absent: z
        .array(z.object({ dataset: z.string(), sender: AreaRef, receiver: AreaRef }))
        .describe(
          'The editions loaded that have no value for a direction (no estimate, which is not an estimate of zero: KNOMAD 2021 leaves such cells blank); cited in `sources` too',
        ),
      sources: z.array(Citation),
    }),
    cost: z.object({
      indicator: z.string(),
      unit: z.string(),
      description: z.string(),
      series: z.array(
        z.object({
          dataset: z.string(),
          sender: AreaRef,
          receiver: AreaRef,
          amountUsd: z.string().nullable(),
          points: z.array(z.object({ period: Period, value: z.number() })),
          latest: z.object({ period: Period, value: z.number() }).nullable(),
          aboveFive: z
            .boolean()
            .nullable()
            .describe(
              'Whether `latest`, the series’ own latest cost, is above the SDG 10.c ceiling of 5 %; null without a latest cost or when the amount is not US$ 200, the SDG’s basis',
            ),
        }),
      ),
      sources: z.array(Citation),
    }),
    displaced: z
      .object({
        indicator: z.string(),
        dataset: z.string().nullable().describe('The UNHCR edition with data on the corridor; null if none'),
        unit: z.string(),
        description: z.string(),
        trend: z.array(DisplacementPoint).describe('People from A (origin) in B (asylum), by period and UNHCR group'),
        groups: z.record(z.string(), z.string()).describe('Labels of the group codes'),
        totals: Computation.describe('How every `total` is made from its `byGroup`'),
        sources: z.array(Citation),
      })
      .describe('Forcibly displaced people from A in B (UNHCR): refugees, asylum seekers, others; returns to A apart'),
    sources: z.array(Citation),
    dataflows: z.array(DataflowRef).describe('The SDMX dataflows behind the blocks, to pull the same numbers'),
  })
  .meta({ id: 'Corridor' });
export type CorridorResponse = z.infer<typeof CorridorResponse>;

// ---------------------------------------------------------------------------------------------
// Rankings and series
// ---------------------------------------------------------------------------------------------

export const IndicatorRef = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  measureType: z.enum(['stock', 'flow', 'rate']),
});

export const RankingItem = z.object({
  rank: Rank,
  area: AreaRef,
  value: z.number(),
  parts: z.number().int().describe('Series summed (or averaged, for rates) into this value'),
  partsMin: z.number().describe('The lowest value of those series (the value itself for one series)'),
  partsMax: z.number().describe('The highest value of those series (a corridor far above the mean shows here)'),
  status: Status,
  repeats: RepeatedLatest.describe(
    "The area's value at the ranking's period only repeats the period before's exactly in this edition (`previous`), as `repeats` of a series finds it (UN DESA 2024 repeats 2020 for two destinations, the Philippines and Niue): compare it with that period as not estimated, not as no change. null otherwise, and for every indicator but a UN DESA edition's stocks",
  ),
});
export type RankingItem = z.infer<typeof RankingItem>;

/** The members of one of Bridges' totals whose value only repeats the period before's. */
const RepeatingMembers = z
  .array(
    z.object({
      period: Period,
      previous: Period,
      members: z.array(z.string()).describe('Area codes'),
    }),
  )
  .describe(
    "The members with a value whose value at `period` only repeats that of `previous` exactly, as `items[].repeats` says of each (UN DESA 2024 repeats 2020 for the Philippines and Niue): a total including them is partly not estimated across the two. Empty where none does, and for every indicator but a UN DESA edition's stocks",
  );

const RepeatingMembersNote = z
  .string()
  .nullable()
  .describe(
    "How many of the members with a value and which (by name and code) only repeat the period before, in the language asked (`lang`: French or Spanish, else English), as the CSV's `note` says it; null where none does",
  );

export const GroupAggregate = Computation.extend({
  code: z.string(),
  name: z.string(),
  value: z.number().nullable(),
  countWithData: z.number().int(),
  countInGroup: z.number().int().describe('Members counted: every member of the group but those in `notCounted`'),
  coverage: z.string().describe('"n with data / n counted" (countWithData / countInGroup)'),
  members: z
    .array(z.string())
    .describe('Every member of the group that is counted (area codes), with a value or not; `notCounted` apart'),
  missing: z.array(z.string()).describe('Members counted that have no value'),
  notCounted: z
    .array(z.string())
    .describe(
      'Members left out of the coverage (area codes), which no figure could be missing for: no population of their own in the data (no population above zero in any population table loaded, UN DESA’s total population or the World Bank’s SP.POP.TOTL, and no figure in any other dataset): uninhabited territories (Bouvet Island) or areas the publishers count with another (Åland Islands, with Finland). Empty while no population table is loaded',
    ),
  notCountedNote: z
    .string()
    .nullable()
    .describe(
      'The members not counted, named, in the language asked (`lang`: French or Spanish, else English), e.g. "2 areas not counted, with no population of their own in the data (uninhabited, or counted with another area): British Indian Ocean Territory (IOT), French Southern Territories (ATF)"; null when every member is counted',
    ),
  repeats: RepeatingMembers,
  repeatsNote: RepeatingMembersNote,
});
export type GroupAggregate = z.infer<typeof GroupAggregate>;

export const RankingWeights = z
  .object({
    indicator: z.string(),
    name: z.string(),
    unit: z.string(),
    dataset: z.string(),
  })
  .nullable()
  .describe(
    'For a rate that is a share of another indicator of the same edition (migrants as a share of the population): that indicator, whose values weight the means, so a group’s share is its migrants over its population. null: an unweighted mean (a rate) or a sum',
  );
export type RankingWeights = z.infer<typeof RankingWeights>;

export const RankingResponse = z
  .object({
    indicator: IndicatorRef,
    dataset: z.string(),
    period: z.string(),
    filters: z.object({
      counterpart: z.string().nullable(),
      sex: z.enum(SEXES),
      sexes: z
        .array(z.enum(SEXES))
        .describe(
          'The sexes whose series the values are made of: the one asked, or for both sexes M and F (summed) where the edition publishes no total',
        ),
      dims: z.record(z.string(), z.string()),
    }),
    items: z.array(RankingItem).describe('Countries and other areas; publishers’ aggregates are apart'),
    total: Computation.extend({
      value: z.number().nullable(),
      count: z.number().int(),
      weights: RankingWeights,
      repeats: RepeatingMembers,
      repeatsNote: RepeatingMembersNote,
    }),
    grouping: Computation.extend({
      by: z.enum(RANKING_GROUPINGS),
      weights: RankingWeights,
      fiscalYear: z.number().int().nullable(),
      fiscalYearLabel: z.string().nullable(),
      gniYear: z.number().int().nullable(),
      matched: z.boolean().describe('false: no classification on GNI of the data year is loaded; the nearest is used'),
      groups: z
        .array(GroupAggregate)
        .describe('The groups, then (code _Z) the areas with a value that no group holds, so the groups add up'),
      reference: z.array(SourceCitation).describe('The classification the groups come from'),
      citation: Citation.describe(
        'The same classification cited as the datasets are: the CSV rows of the groups carry it beside the dataset',
      ),
    }).nullable(),
    publishedAggregates: z.array(z.object({ area: AreaRef, publisher: z.string(), value: z.number(), status: Status })),
    counterparts: z
      .array(AreaRef)
      .describe(
        'The partner areas the edition has the indicator for, in any period, sex or dimension value (the values `counterpart` takes), by name; empty when its series have no partner',
      ),
    sources: z.array(Citation),
  })
  .meta({ id: 'Ranking' });
export type RankingResponse = z.infer<typeof RankingResponse>;

export const SeriesPoint = z.object({
  period: Period,
  value: z.number(),
  status: Status,
  parts: z
    .number()
    .int()
    .describe('Series summed (or averaged, for rates) into this value: above 1, the value is Bridges’ sum or mean'),
  previousPeriod: z
    .string()
    .nullable()
    .describe('The previous period with data, which may be before `from`; null for the first period of the edition'),
  changePct: z
    .number()
    .nullable()
    .describe(
      "% change from the previous period with data, computed by Bridges; null for a percentage (see changePoints), where the earlier value is zero or negative, and at the series' `repeats.period` (a change not estimated, not none)",
    ),
  changePoints: z
    .number()
    .nullable()
    .describe(
      "For a percentage: the difference from the previous period with data, in percentage points, computed by Bridges; null at the series' `repeats.period`",
    ),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const CombinedDimension = z.object({
  dimension: z.string().describe('sex, counterpart_area, or one of the source’s own dimensions'),
  values: z.array(z.string()).describe('The values whose series went into the combined points'),
});
export type CombinedDimension = z.infer<typeof CombinedDimension>;

export const SeriesItem = z.object({
  area: AreaRef,
  dataset: z.string(),
  unit: z.string(),
  points: z.array(SeriesPoint),
  combined: Computation.extend({
    over: z
      .array(CombinedDimension)
      .describe('The dimensions the query left open whose series were combined, with the values combined'),
  })
    .nullable()
    .describe(
      'Where some point combines several series (parts above 1): what Bridges summed, or averaged for a percentage, and over what; null when every point is one published series',
    ),
  growth: Computation.extend({
    from: z.string().nullable(),
    to: z.string().nullable(),
    fromValue: z.number().nullable(),
    toValue: z.number().nullable(),
    changePct: z
      .number()
      .nullable()
      .describe(
        "% change from `from` to `to`; null for a percentage, where the value at `from` is zero or negative, and where `to` is the series' `repeats.period` (fromValue and toValue are still given)",
      ),
    annualRatePct: z
      .number()
      .nullable()
      .describe(
        "Compound annual rate, for whole years apart; null for a percentage, and where `to` is the series' `repeats.period`",
      ),
    differencePoints: z
      .number()
      .nullable()
      .describe(
        "For a percentage: `to` − `from`, in percentage points; null where `to` is the series' `repeats.period`",
      ),
  }),
  repeats: RepeatedLatest.describe(
    "Where the latest period of the area's figures in this edition (`period`, shown in `points`) only repeats the period before (`previous`) exactly: UN DESA 2024 repeats 2020 so for two destinations, the Philippines and Niue (its caveats). Found in the data, for a UN DESA edition's stocks only (another publisher's equal years are its estimates): the area's figures summed over every counterpart, both sexes, women and men alike, whatever the sex asked (one sex alike by chance while the other moves is no repeat), and the point's own value too. The change to that period (the point's changePct or changePoints, the growth where `to` is that period) is then null: not estimated, not none. null otherwise",
  ),
});
export type SeriesItem = z.infer<typeof SeriesItem>;

export const SeriesResponse = z
  .object({
    indicator: IndicatorRef,
    filters: z.object({
      counterpart: z.string().nullable(),
      sex: z.enum(SEXES),
      dims: z.record(z.string(), z.string()),
      from: z.string().nullable(),
      to: z.string().nullable(),
    }),
    series: z.array(SeriesItem).describe('One per area and edition: editions are never spliced'),
    withoutData: z
      .array(AreaRef)
      .describe('The areas asked that have no value matching the query in any edition used: no data, not zero'),
    sources: z.array(Citation),
  })
  .meta({ id: 'Series' });
export type SeriesResponse = z.infer<typeof SeriesResponse>;
