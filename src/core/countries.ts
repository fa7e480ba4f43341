import { z } from 'zod';
import { Citation } from './citation.js';
import { AREA_KINDS, FIRST_FISCAL_YEAR, INCOME_GROUPS, LAST_FISCAL_YEAR, parseFiscalYear } from './classifications.js';
import { NAME_LANGUAGES } from './languages.js';
import { OUTPUT_FORMATS } from './statistics-terms.js';

// The zod-free vocabularies live in classifications.ts (the UI imports them without zod).
export * from './classifications.js';

const NamesByLanguage = z
  .object(
    Object.fromEntries(NAME_LANGUAGES.map((l) => [l, z.string().nullable()])) as Record<
      (typeof NAME_LANGUAGES)[number],
      z.ZodNullable<z.ZodString>
    >,
  )
  .describe('Short name in each UN language, null where the source has none');

export const RegionRef = z.object({ code: z.string(), name: z.string() });
export type RegionRef = z.infer<typeof RegionRef>;

export const IncomeClassification = z.object({
  fiscalYear: z.number().int().describe('Bank fiscal year, e.g. 2025 for FY25'),
  fiscalYearLabel: z.string(),
  gniYear: z.number().int().nullable().describe('Calendar year of the GNI data the classification used'),
  group: z.enum(INCOME_GROUPS).nullable().describe('null: not classified that year (".." in the source)'),
  sourceValue: z.string().nullable().describe('The value as printed in the source, e.g. "LM*"'),
});
export type IncomeClassification = z.infer<typeof IncomeClassification>;

export const CountrySummary = z
  .object({
    code: z.string().describe('ISO 3166-1 alpha-3, or the code the data sources use for a non-ISO area'),
    kind: z.enum(AREA_KINDS),
    iso2: z.string().nullable(),
    isoNumeric: z.string().nullable(),
    m49: z.string().nullable(),
    name: z.string().describe('Name in the requested language, English where the source has none'),
    names: NamesByLanguage,
    region: RegionRef.nullable(),
    subregion: RegionRef.nullable(),
    intermediateRegion: RegionRef.nullable(),
    wbRegion: z.string().nullable(),
    incomeGroup: IncomeClassification.nullable().describe('Classification in the requested fiscal year'),
    ldc: z.boolean(),
    lldc: z.boolean(),
    sids: z.boolean(),
    hasData: z
      .boolean()
      .describe(
        'Whether any loaded dataset has statistics of it (as reference or counterpart area); false: its profile is empty',
      ),
  })
  .meta({ id: 'CountrySummary' });
export type CountrySummary = z.infer<typeof CountrySummary>;

export const SourceCitation = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  licence: z.string(),
  url: z.string().nullable(),
  file: z.string(),
});
export type SourceCitation = z.infer<typeof SourceCitation>;

/** A bundled reference file as an answer cites it: the file, and how to cite it. */
export const CitedSource = SourceCitation.extend({
  edition: z.string().describe('Which version of the publisher’s file is bundled'),
  citation: z.string().describe('How to cite it; every CSV row drawn on it carries this citation and licence'),
}).meta({ id: 'CitedSource' });
export type CitedSource = z.infer<typeof CitedSource>;

export const AggregateDataset = Citation.extend({
  aggregates: z.array(z.string()).describe('The codes of the answer’s aggregates whose series it has'),
}).meta({ id: 'AggregateDataset' });
export type AggregateDataset = z.infer<typeof AggregateDataset>;

const AggregateDatasets = z
  .array(AggregateDataset)
  .describe(
    'The datasets whose series carry the publishers’ aggregates in the answer (`kind=aggregate`): an aggregate’s CSV row cites them, not the reference files; empty when the answer has none',
  );

export const CountryDetail = CountrySummary.extend({
  formalNames: NamesByLanguage.describe('Formal (long) name in each UN language'),
  otherNames: z.array(z.object({ lang: z.string(), name: z.string() })),
  aliases: z.array(z.object({ code: z.string(), source: z.string() })).describe('Other codes sources use'),
  incomeHistory: z.array(IncomeClassification),
  incomeHistoryCitation: Citation.describe(
    'Where the income history comes from, as the statistics cite their datasets',
  ),
  note: z.string().nullable(),
  sources: z.array(CitedSource).describe('The reference files Bridges draws its countries and areas from'),
  datasets: AggregateDatasets,
}).meta({ id: 'CountryDetail' });
export type CountryDetail = z.infer<typeof CountryDetail>;

export const CountryListResponse = z
  .object({
    items: z.array(CountrySummary),
    total: z.number().int(),
    fiscalYear: z.number().int().describe('Fiscal year of the income groups shown'),
    sources: z.array(CitedSource).describe('The reference files Bridges draws its countries and areas from'),
    datasets: AggregateDatasets,
  })
  .meta({ id: 'CountryList' });
export type CountryListResponse = z.infer<typeof CountryListResponse>;

const trimmed = z.string().trim();

// NOTE: the same two parameters as the data hub's (statistics.ts FormatQuery), declared here
// because statistics.ts imports this module: importing them back would be a cycle.
/** json or csv; without it the Accept header chooses. */
export const AnswerFormatParam = z
  .enum(OUTPUT_FORMATS)
  .optional()
  .describe(
    'json (default) or csv. Without it the Accept header chooses: text/csv (or text/*) preferred to application/json asks for CSV; an Accept that takes neither is a 406',
  );
export const CsvBomParam = z
  .enum(['true', 'false'])
  .optional()
  .describe(
    'CSV only (ignored for JSON): true starts the file with a UTF-8 byte-order mark, so that Excel reads names in every script right; default false, for programs',
  );

export const CountryListQuery = z.strictObject({
  q: trimmed
    .min(1)
    .max(100)
    .optional()
    .describe('Name in any UN language; case, accents and punctuation ignored; prefixes match'),
  region: trimmed.regex(/^\d{1,3}$/, 'must be an M49 region code such as 002 or 142').optional(),
  subregion: trimmed.regex(/^\d{1,3}$/, 'must be an M49 sub-region code such as 035').optional(),
  incomeGroup: z.enum(INCOME_GROUPS).optional(),
  fiscalYear: trimmed
    .refine((v) => parseFiscalYear(v) !== null, {
      message: `must be a fiscal year between FY${String(FIRST_FISCAL_YEAR % 100)} and FY${String(LAST_FISCAL_YEAR % 100)}, e.g. FY25 or 2025`,
    })
    .optional(),
  kind: z
    .enum([...AREA_KINDS, 'all'])
    .optional()
    .describe('Default and `all`: every country and area but publisher aggregates, which `aggregate` lists'),
  lang: z.enum(NAME_LANGUAGES).optional().describe('Language of `name` and of the sort order; default en'),
  format: AnswerFormatParam,
  bom: CsvBomParam,
});
export type CountryListQuery = z.infer<typeof CountryListQuery>;

/**
 * An area code as a request gives it: ISO alpha-3 (PHL), a source's own code for a non-ISO area
 * (XKX, AB9: letters and digits), or a publisher aggregate's (WB_LMY). Never a number: an M49
 * code (608) is refused by the server with the code to use (src/server/countries/m49-numbers.ts).
 */
export const AreaCodeParam = trimmed
  .regex(/^[A-Za-z][A-Za-z0-9_]{1,39}$/, 'must be an area code such as PHL, AB9 or WB_LMY')
  .describe(
    'ISO 3166-1 alpha-3 (PHL), a source’s own code for a non-ISO area (XKX) or a publisher’s aggregate (WB_LMY), any case; an M49 number (608) is a 400 naming the code to use',
  );

export const CountryParams = z.strictObject({ code: AreaCodeParam });

export const CountryDetailQuery = z.strictObject({
  lang: z.enum(NAME_LANGUAGES).optional(),
  format: AnswerFormatParam,
  bom: CsvBomParam,
});

export const RegionsQuery = z.strictObject({ format: AnswerFormatParam, bom: CsvBomParam });

export const RegionsResponse = z
  .object({
    regions: z.array(RegionRef.extend({ subregions: z.array(RegionRef) })),
    incomeGroups: z.array(z.object({ code: z.enum(INCOME_GROUPS), name: z.string() })),
    fiscalYears: z.array(z.number().int()),
    sources: z
      .array(CitedSource)
      .describe('UN M49 (regions and sub-regions) and the World Bank’s income classification (groups, fiscal years)'),
  })
  .meta({ id: 'Regions' });
export type RegionsResponse = z.infer<typeof RegionsResponse>;
