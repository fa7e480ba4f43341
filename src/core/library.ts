/**
 * The practice & evidence library: what a record, an organisation and a study hold (the same
 * schema validates the content files in content/library/, the edit forms' payloads and the API's
 * answers), and the shapes of the library, search, workflow and account API.
 */
import { z } from 'zod';
import { wholeNumber } from './params.js';
import { UI_LANGUAGES } from './languages.js';
import {
  AGREEMENT_SCOPES,
  APPRAISAL_ANSWERS,
  APPRAISAL_QUESTIONS,
  codesOf,
  COUNTRY_ROLES,
  CROSS_CUTTING_THEMES,
  EFFECT_DIRECTIONS,
  GCM_OBJECTIVES,
  INDEPENDENCE,
  INSTRUMENTS,
  INTERVENTIONS,
  ITEM_STATES,
  KNOMAD_THEMES,
  ORGANISATION_ROLES,
  ORGANISATION_TYPES,
  OUTCOMES,
  QUALITY_LEVELS,
  RECORD_KINDS,
  RECORD_STATUSES,
  ROLES,
  SDG_TARGETS,
  SEARCH_TYPES,
  SECTORS,
  STAGES,
  STUDY_DESIGNS,
  LIBRARY_YEARS,
} from './library-vocab.js';
import { hiddenCharacter } from './typed-text.js';

/** A library item's id: a readable slug, unique across records, organisations and studies. */
export const ItemId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and single hyphens')
  .max(80);

/**
 * The longest text in one language: a long description runs to a few thousand characters, and
 * every save keeps a whole copy as a revision.
 */
export const MAX_TEXT = 20_000;
/** The longest name, title, label or section heading: a line, not a text. */
export const MAX_LINE = 1_000;

/** Trimmed text with none of the hidden characters `hiddenCharacter` refuses. */
const typed = (max: number, message?: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .refine((text) => hiddenCharacter(text) === undefined, {
      error: (issue) => hiddenCharacter(String(issue.input)) ?? 'holds a hidden character',
    });
const Text = typed(MAX_TEXT, `must be at most ${MAX_TEXT.toLocaleString('en')} characters`);
/** A name, title or heading: one line's worth of text, at least one character. */
const Line = typed(MAX_LINE).min(1);
/** A text of at least one character. */
const SomeText = Text.min(1);

/** Text in the UI languages; English is required, French and Spanish are welcome. */
export const Multilingual = z.strictObject({
  en: Text.pipe(z.string().min(1, 'English text is required')),
  fr: Text.pipe(z.string().min(1)).optional(),
  es: Text.pipe(z.string().min(1)).optional(),
});
export type Multilingual = z.infer<typeof Multilingual>;

/** An acronym or short name as it is written: MIDA, IOM, UN DESA. */
const Acronym = typed(40).min(1);

/**
 * An item's acronym in French and Spanish, only where it differs from `acronym` (OIM for IOM,
 * PNUD for UNDP); `acronym` is the English one, or the one every language uses (MIDA, KNOMAD).
 * The item page shows the reader's language's (`acronym` where it has none of its own); search
 * finds the item by every one of them, whatever the interface language.
 */
export const LocalAcronyms = z
  .strictObject({ fr: Acronym.optional(), es: Acronym.optional() })
  .describe('The acronym in French and Spanish where it differs from `acronym`: OIM for IOM');
export type LocalAcronyms = z.infer<typeof LocalAcronyms>;

const CountryCode = z.string().regex(/^[A-Z][A-Z0-9_]{2,}$/, 'must be a Bridges area code such as PHL or XKX');
const Year = z.number().int().min(LIBRARY_YEARS.min).max(LIBRARY_YEARS.max);

/** A period in years; either end may be unknown. */
export const Period = z
  .strictObject({ start: Year.optional(), end: Year.optional() })
  .refine((p) => p.start === undefined || p.end === undefined || p.start <= p.end, {
    message: 'start must not be after end',
    path: ['end'],
  });

/**
 * Where a statement comes from: a bundled source document and its section (the corpus the
 * starting content was drawn from), or an outside publication by title with its DOI or address.
 */
export const SourceRef = z
  .strictObject({
    document: z
      .string()
      .regex(/^[\w.-]+\.txt$/, 'must be a bundled source document file name, e.g. 002_93ee955995179cfa.txt')
      .optional(),
    section: Line.optional(),
    title: Line.optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/\S+$/, 'must be a DOI such as 10.1596/978-1-4648-0319-2')
      .optional(),
    note: SomeText.optional(),
  })
  .refine((s) => (s.document ? Boolean(s.section) : Boolean(s.title)), {
    message: 'a source names a bundled document and its section, or an outside publication by title',
  });
export type SourceRef = z.infer<typeof SourceRef>;

/**
 * What a bundled source document is (content/sources/catalogue.yaml): how the library's pages name
 * it, and what a reference manager needs to cite it. `talks`: an account of a meeting's talks (a
 * study drawn from it credits its speakers); `paper`, `conclusions`: a document with its own title.
 */
export const SourceDocument = z.strictObject({
  label: typed(300).min(1).describe('How the library names the document, in English'),
  kind: z.enum(['talks', 'paper', 'conclusions']),
  title: Line.optional().describe('The document’s own title (papers, conclusions)'),
  authors: z.array(Line).optional().describe('Who the document is by; a talk is by its speakers'),
  year: Year.optional(),
  talk: Line.optional().describe('What kind of talk an account of talks reports'),
  account: Line.optional().describe('How a citation’s note names an account of talks'),
  container: Line.optional().describe('The title of the proceedings an account of talks is'),
  event: Line,
  eventPlace: Line.optional(),
  eventDate: z
    .array(z.tuple([z.number().int(), z.number().int().min(1).max(12), z.number().int().min(1).max(31)]))
    .min(1)
    .max(2)
    .optional()
    .describe('The first and last day, [year, month, day]'),
  publisher: Line.optional(),
  publisherPlace: Line.optional(),
  organizers: z.array(Line).optional(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;
export const SourceDocumentList = z.object({
  documents: z.array(SourceDocument.extend({ file: z.string().describe('Its file name, as citations name it') })),
});
export type SourceDocumentList = z.infer<typeof SourceDocumentList>;

const unique = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .refine((list) => new Set(list.map((x) => JSON.stringify(x))).size === list.length, 'has repeated entries');

/** A programme, policy, agreement, institution or guideline. */
export const RecordData = z
  .strictObject({
    kind: z.enum(codesOf(RECORD_KINDS)),
    agreementScope: z.enum(codesOf(AGREEMENT_SCOPES)).optional(),
    title: Multilingual,
    acronym: Acronym.optional(),
    acronyms: LocalAcronyms.optional(),
    summary: Multilingual,
    description: Multilingual.optional(),
    countries: unique(z.strictObject({ code: CountryCode, role: z.enum(codesOf(COUNTRY_ROLES)) })).default([]),
    organisations: unique(z.strictObject({ id: ItemId, role: z.enum(codesOf(ORGANISATION_ROLES)) })).default([]),
    period: Period.optional(),
    status: z.enum(codesOf(RECORD_STATUSES)).default('unknown'),
    instruments: unique(z.enum(codesOf(INSTRUMENTS))).min(1, 'name at least one policy instrument'),
    themes: unique(z.enum(codesOf(KNOMAD_THEMES))).min(1, 'name at least one KNOMAD thematic area'),
    crossCutting: unique(z.enum(codesOf(CROSS_CUTTING_THEMES))).default([]),
    stages: unique(z.enum(codesOf(STAGES))).default([]),
    sectors: unique(z.enum(codesOf(SECTORS))).default([]),
    gcm: unique(z.enum(codesOf(GCM_OBJECTIVES))).default([]),
    sdg: unique(z.enum(codesOf(SDG_TARGETS))).default([]),
    interventions: unique(z.enum(codesOf(INTERVENTIONS))).min(1, 'name at least one intervention category'),
    website: z.url({ protocol: /^https?$/ }).optional(),
    sources: z.array(SourceRef).min(1, 'cite at least one source'),
    related: unique(ItemId).default([]),
  })
  .refine((r) => r.kind === 'agreement' || r.agreementScope === undefined, {
    message: 'only an agreement has a scope',
    path: ['agreementScope'],
  })
  .refine((r) => r.kind !== 'agreement' || r.agreementScope !== undefined, {
    message: 'an agreement says whether it is bilateral, regional or multilateral',
    path: ['agreementScope'],
  });
export type RecordData = z.infer<typeof RecordData>;

/** A government body, international organisation, civil-society group, university or company. */
export const OrganisationData = z.strictObject({
  name: Multilingual,
  acronym: Acronym.optional(),
  acronyms: LocalAcronyms.optional(),
  type: z.enum(codesOf(ORGANISATION_TYPES)),
  countries: unique(CountryCode).default([]).describe('Where it is based'),
  summary: Multilingual.optional(),
  website: z.url({ protocol: /^https?$/ }).optional(),
  sources: z.array(SourceRef).default([]),
});
export type OrganisationData = z.infer<typeof OrganisationData>;

/** Every checklist question answered. */
export const Appraisal = z.strictObject(
  Object.fromEntries(APPRAISAL_QUESTIONS.map((q) => [q.code, z.enum(codesOf(APPRAISAL_ANSWERS))])) as Record<
    (typeof APPRAISAL_QUESTIONS)[number]['code'],
    z.ZodEnum<{ [K in (typeof APPRAISAL_ANSWERS)[number]['code']]: K }>
  >,
);
export type Appraisal = z.infer<typeof Appraisal>;

/** A study, evaluation or documented finding about one or more records. */
export const StudyData = z.strictObject({
  title: Multilingual,
  summary: Multilingual.describe('What the study found, in our own words'),
  authors: z.array(Line).default([]),
  year: Year,
  design: z.enum(codesOf(STUDY_DESIGNS)),
  population: SomeText.describe('Who was studied'),
  places: unique(CountryCode).default([]).describe('Countries studied'),
  period: Period.optional(),
  outcomes: z
    .array(
      z.strictObject({
        outcome: z.enum(codesOf(OUTCOMES)),
        effect: z.enum(codesOf(EFFECT_DIRECTIONS)),
        finding: SomeText.optional(),
      }),
    )
    .min(1, 'name at least one outcome measured'),
  independence: z.enum(codesOf(INDEPENDENCE)),
  appraisal: Appraisal,
  appraisalNote: SomeText.optional(),
  citation: SourceRef,
  records: unique(ItemId).default([]).describe('The records whose effects it speaks to'),
});
export type StudyData = z.infer<typeof StudyData>;

export const ItemType = z.enum(['record', 'organisation', 'study']);
export const ItemState = z.enum(codesOf(ITEM_STATES));
export type ItemState = z.infer<typeof ItemState>;
export const Role = z.enum(codesOf(ROLES));

/** The data schema of each item type. */
export const ITEM_DATA = { record: RecordData, organisation: OrganisationData, study: StudyData } as const;

/** An item as stored and edited: its type, and the data of that type. */
export const ItemInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record'), id: ItemId, data: RecordData }),
  z.strictObject({ type: z.literal('organisation'), id: ItemId, data: OrganisationData }),
  z.strictObject({ type: z.literal('study'), id: ItemId, data: StudyData }),
]);
export type ItemInput = z.infer<typeof ItemInput>;

const Ref = z.object({ id: z.string(), type: ItemType, title: z.string() });
const UserRef = z.object({ id: z.number().int(), name: z.string() }).nullable();

/** One item as the API presents it: its data, where it stands, and its links resolved. */
export const ItemView = z
  .object({
    id: z.string(),
    type: ItemType,
    state: ItemState,
    version: z.number().int().describe('Send it back when saving: a save against an older version is a conflict'),
    publishedVersion: z.number().int().nullable(),
    view: z.enum(['published', 'working']).describe('Published copy (everyone) or working copy (editors)'),
    data: z.union([RecordData, OrganisationData, StudyData]),
    title: z.string().describe('In the requested language, English when not translated'),
    quality: z.enum(codesOf(QUALITY_LEVELS)).optional().describe('Studies: the appraisal’s verdict'),
    reviewComment: z.string().nullable(),
    contentFile: z.string().nullable().describe('The repository file the item was first loaded from'),
    updatedAt: z.string(),
    updatedBy: UserRef,
    links: z.object({
      countries: z.array(z.object({ code: z.string(), name: z.string(), role: z.string().optional() })),
      organisations: z.array(Ref.extend({ role: z.string().optional(), orgType: z.string().optional() })),
      related: z.array(Ref),
      records: z.array(Ref).describe('Studies: what they evaluate; organisations: records they take part in'),
      evidence: z.array(
        Ref.extend({
          year: z.number().int(),
          design: z.string(),
          quality: z.enum(codesOf(QUALITY_LEVELS)),
          outcomes: z.array(z.object({ outcome: z.string(), effect: z.string() })),
        }),
      ),
    }),
  })
  .meta({ id: 'LibraryItem' });
export type ItemView = z.infer<typeof ItemView>;

export const ItemParams = z.strictObject({ id: ItemId });
export const ItemQuery = z.strictObject({
  lang: z.enum(UI_LANGUAGES).default('en'),
  view: z.enum(['published', 'working']).optional().describe('Editors may ask for the working copy'),
});

export const CreateItemBody = ItemInput;
export const SaveItemBody = z.strictObject({
  version: z.number().int().describe('The version the edit started from'),
  data: z.record(z.string(), z.unknown()).describe('The whole data of the item, validated against its type'),
});
export type SaveItemBody = z.infer<typeof SaveItemBody>;
export const TransitionBody = z.strictObject({
  action: z.enum(['submit', 'publish', 'return', 'withdraw', 'retire']),
  version: z.number().int(),
  comment: typed(4000).optional(),
});

export type TransitionBody = z.infer<typeof TransitionBody>;
export const RevisionSummary = z.object({
  version: z.number().int(),
  action: z.enum(['load', 'create', 'edit', 'submit', 'publish', 'return', 'withdraw', 'restore', 'retire']),
  state: ItemState,
  author: UserRef,
  authorLabel: z.string().describe('The user’s name, or "content file" for loads from the repository'),
  comment: z.string().nullable(),
  createdAt: z.string(),
  changedFields: z.array(z.string()),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;
export const RevisionList = z.object({ id: z.string(), revisions: z.array(RevisionSummary) });

/** One field's change between two revisions; text fields come with a word diff. */
export type RevisionList = z.infer<typeof RevisionList>;
export const FieldChange = z.object({
  field: z.string().describe('Dotted path, e.g. "summary.fr" or "countries"'),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  words: z
    .array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() }))
    .optional()
    .describe('Text fields: the word diff'),
});
export type FieldChange = z.infer<typeof FieldChange>;
export const RevisionDetail = RevisionSummary.extend({
  id: z.string(),
  data: z.unknown(),
  against: z.number().int().nullable().describe('The version compared with (the previous one)'),
  changes: z.array(FieldChange),
});
export type RevisionDetail = z.infer<typeof RevisionDetail>;
export const RevisionParams = z.strictObject({ id: ItemId, version: wholeNumber(1, 2_147_483_647) });
export const RestoreBody = z.strictObject({ version: z.number().int().describe('The current version') });

export const ReviewQueue = z.object({
  inReview: z.array(
    z.object({
      id: z.string(),
      type: ItemType,
      title: z.string(),
      version: z.number().int(),
      updatedAt: z.string(),
      updatedBy: UserRef,
    }),
  ),
  mine: z.array(
    z.object({
      id: z.string(),
      type: ItemType,
      title: z.string(),
      state: ItemState,
      version: z.number().int(),
      updatedAt: z.string(),
      reviewComment: z.string().nullable(),
    }),
  ),
});

export type ReviewQueue = z.infer<typeof ReviewQueue>;
// ---- search -------------------------------------------------------------------------------

const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item));

export { SEARCH_FACETS, type SearchFacet } from './library-vocab.js';

export const SearchQuery = z.strictObject({
  q: z.string().trim().max(200).default('').describe('Words; the last is matched as a prefix; typos are corrected'),
  lang: z.enum(UI_LANGUAGES).default('en'),
  type: csvList(z.enum(codesOf(SEARCH_TYPES))).optional(),
  kind: csvList(z.enum(codesOf(RECORD_KINDS))).optional(),
  theme: csvList(z.enum(codesOf(KNOMAD_THEMES))).optional(),
  stage: csvList(z.enum(codesOf(STAGES))).optional(),
  region: csvList(z.string().regex(/^\d{3}$/, 'must be an M49 region or sub-region code such as 002'))
    .optional()
    .describe(
      'M49 regions or sub-regions, comma-separated, e.g. 002 (Africa) or 035 (South-eastern Asia); /api/regions lists them. A code that is neither is a 400',
    ),
  country: csvList(CountryCode)
    .optional()
    .describe('Country or area codes, comma-separated, e.g. PHL,MEX; a code no country or area has is a 400'),
  instrument: csvList(z.enum(codesOf(INSTRUMENTS))).optional(),
  sector: csvList(z.enum(codesOf(SECTORS))).optional(),
  design: csvList(z.enum(codesOf(STUDY_DESIGNS))).optional(),
  limit: wholeNumber(1, 100).default(20),
  offset: wholeNumber(0, 10_000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.object({
  type: z.enum(codesOf(SEARCH_TYPES)),
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable().describe('Kind, publisher or region, in the requested language'),
  snippet: z
    .array(z.object({ text: z.string(), hit: z.boolean() }))
    .describe('Summary excerpt split into plain and matched parts (render matches highlighted)'),
  url: z.string().describe('The UI page'),
  score: z.number(),
  titleLang: z.enum(UI_LANGUAGES).describe('The language of `title`: the requested one, or en where it has none'),
  snippetLang: z.enum(UI_LANGUAGES).describe('The language of `snippet`, likewise'),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResponse = z
  .object({
    query: z.string(),
    correctedQuery: z.string().nullable().describe('The words searched for when the typed ones matched nothing'),
    total: z.number().int().describe('Documents matched: exact, or an estimate when `approximate`'),
    approximate: z
      .boolean()
      .describe(
        'The match is too large to count exactly: the total and the facet counts are estimates from a sample of the index, rounded to two significant figures',
      ),
    corridor: z
      .object({
        from: z.object({ code: z.string(), name: z.string() }),
        to: z.object({ code: z.string(), name: z.string() }),
        url: z.string().describe('The corridor page'),
        reverseUrl: z.string().describe('The corridor the other way'),
      })
      .nullable()
      .describe(
        'The migration corridor the query names, when it names exactly two countries or areas (by a name in any language, or a code in capitals): from = origin of the migrants, to = destination, in the order typed unless a "from" word says otherwise ("USA from the Philippines"); names in the requested language',
      ),
    results: z.array(SearchHit),
    facets: z.record(
      z.string(),
      z.array(
        z.object({
          value: z.string(),
          label: z.string(),
          count: z.number().int(),
          approximate: z
            .literal(true)
            .optional()
            .describe(
              'Present when this count is an estimate from a sample (as every count is when the answer is `approximate`)',
            ),
        }),
      ),
    ),
  })
  .meta({ id: 'SearchResponse' });
export type SearchResponse = z.infer<typeof SearchResponse>;

// ---- evidence gap map ---------------------------------------------------------------------

export const GapMapQuery = z.strictObject({
  lang: z.enum(UI_LANGUAGES).default('en'),
  region: csvList(z.string().regex(/^\d{3}$/, 'must be an M49 region or sub-region code such as 002')).optional(),
  theme: csvList(z.enum(codesOf(KNOMAD_THEMES))).optional(),
  design: csvList(z.enum(codesOf(STUDY_DESIGNS))).optional(),
  from: wholeNumber(LIBRARY_YEARS.min, LIBRARY_YEARS.max).optional(),
  to: wholeNumber(LIBRARY_YEARS.min, LIBRARY_YEARS.max).optional(),
});
export type GapMapQuery = z.infer<typeof GapMapQuery>;
export const GapMapCell = z.object({
  intervention: z.string(),
  outcome: z.string(),
  count: z.number().int().describe('Studies; 0 is a gap'),
  quality: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  studies: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      year: z.number().int(),
      quality: z.enum(codesOf(QUALITY_LEVELS)),
      effect: z.string(),
    }),
  ),
});
export type GapMapCell = z.infer<typeof GapMapCell>;
export const GapMap = z
  .object({
    interventions: z.array(z.object({ code: z.string(), label: z.string() })),
    outcomes: z.array(z.object({ code: z.string(), label: z.string() })),
    cells: z.array(GapMapCell).describe('Every intervention × outcome pair, empty ones included'),
    studies: z.number().int().describe('Studies matching the filters that are on the map'),
    unplaced: z
      .array(z.object({ id: z.string(), title: z.string(), year: z.number().int() }))
      .describe('Studies matching the filters that evaluate no practice in the library, so have no row'),
    filters: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'GapMap' });

export type GapMap = z.infer<typeof GapMap>;
// ---- accounts -----------------------------------------------------------------------------

export const Password = z.string().min(12, 'must be at least 12 characters').max(200);
export const Email = z
  .email()
  .max(200)
  .transform((e) => e.toLowerCase());
export const User = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: Role,
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;
export const LoginBody = z.strictObject({ email: z.string().trim().max(200), password: z.string().max(200) });
export const SessionInfo = z.object({
  user: User.nullable(),
  csrfToken: z.string().nullable().describe('Send it as the X-CSRF-Token header on every state-changing request'),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const CreateUserBody = z.strictObject({
  email: Email,
  name: typed(200).min(1),
  role: Role,
  password: Password,
});
export const UserList = z.object({ users: z.array(User) });

export type UserList = z.infer<typeof UserList>;
