import { NAME_LANGUAGES } from '../../core/languages.js';
import { NOT_APPLICABLE, SDMX_AGENCY, SDMX_VERSION, sdmxFlowId, sdmxOwnDimensions } from '../../core/sdmx.js';
import { INDICATOR_NAMES, namesByLanguage, SDMX_NAMES, SEX_NAMES, UNIT_NAMES } from '../../core/statistics-names.js';
import { repeatedFigureNote, sourceDimension, type RepeatedPeriod } from '../../core/statistics-terms.js';
import { codeOfDimsValue } from './sdmx-key.js';
import type { DatasetIndicatorPair, DatasetRow, IndicatorRow } from './sdmx.repository.js';

/**
 * The structural metadata of the SDMX interface as plain values, built from the statistical
 * tables and written out by the SDMX-JSON (and any other) writer: one dataflow per dataset
 * edition and indicator, one data structure per dataflow (same id), the codelists and concepts
 * they use. Pure: the service fetches the rows.
 */

/**
 * A name in each language Bridges has it in, by language tag: English always (`en`), French,
 * Spanish and the UN's other languages where the reference data or Bridges' own tables
 * (src/core/statistics-names.ts) have one. Never translated on the fly: a name Bridges has in
 * English alone is `{ en }`.
 */
export type Names = Readonly<Record<string, string>>;

export type DimensionSource =
  | { kind: 'freq' }
  | { kind: 'refArea' }
  | { kind: 'counterpartArea' }
  | { kind: 'sex' }
  | { kind: 'dims'; key: string }
  | { kind: 'time' };

export interface SdmxDimension {
  id: string;
  /** In English; `names` has it in every language Bridges has. */
  name: string;
  names: Names;
  /** 0-based position in the data structure (TIME_PERIOD is last). */
  position: number;
  /** Null for TIME_PERIOD, which is not coded. */
  codelistId: string | null;
  source: DimensionSource;
}

export interface SdmxAttribute {
  id: string;
  name: string;
  description: string;
  level: 'dataset' | 'observation';
  codelistId: string | null;
  mandatory: boolean;
}

export interface SdmxAnnotation {
  type: string;
  title?: string;
  /** In English; `texts` has it in every language Bridges has, where more than English. */
  text?: string;
  texts?: Names;
  url?: string;
}

export interface SdmxCode {
  id: string;
  name: string;
  /** Names by language where more than English is known. */
  names?: Names;
}

export interface SdmxCodelist {
  id: string;
  name: string;
  /** Names by language where more than English is known. */
  names?: Names;
  description?: string;
  codes: SdmxCode[];
}

export interface SdmxConcept {
  id: string;
  name: string;
  /** Names by language where more than English is known. */
  names?: Names;
  description?: string;
}

export interface SdmxConceptScheme {
  id: string;
  name: string;
  concepts: SdmxConcept[];
}

/** A dataflow: the data of one indicator in one dataset edition, with its source. */
export interface SdmxDataflow {
  id: string;
  /** In English; `names` has it in every language Bridges has its indicator's name in. */
  name: string;
  names: Names;
  description: string;
  annotations: SdmxAnnotation[];
  datasetId: string;
  indicatorId: string;
  /** Values of the attributes attached to the whole data set: unit and source. */
  datasetAttributeValues: Record<string, string>;
  /** Those values by language, where Bridges has more than English (the unit's). */
  datasetAttributeNames: Record<string, Names>;
  /** Sexes present in the flow (`F`, `M`, `_T`). */
  sexes: string[];
}

/** A data structure: its dataflow's dimensions (TIME_PERIOD last), measure and attributes. */
export interface SdmxDataStructure {
  id: string;
  name: string;
  names: Names;
  description: string;
  flow: SdmxDataflow;
  dimensions: SdmxDimension[];
  attributes: SdmxAttribute[];
  conceptSchemeId: string;
}

export const CODELIST_FREQ = 'CL_FREQ';
export const CODELIST_AREA = 'CL_AREA';
export const CODELIST_SEX = 'CL_SEX';
export const CODELIST_OBS_STATUS = 'CL_OBS_STATUS';

/** A series without counterpart area or without a dims key is coded "not applicable" (`_Z`). */
export { NOT_APPLICABLE };

const FREQ_NAMES: Record<string, string> = { A: 'Annual', S: 'Half-yearly, semester', Q: 'Quarterly' };
const SEX_CODE_NAMES: Record<string, string> = { _T: 'Total', F: 'Female', M: 'Male' };
const OBS_STATUS_NAMES: Record<string, string> = {
  A: 'Normal value',
  E: 'Estimated value',
  P: 'Provisional value',
  I: 'Imputed value',
  F: 'Forecast value',
};

export function freqName(code: string): string {
  return FREQ_NAMES[code] ?? code;
}
/** A frequency's names: English, and French and Spanish. */
export function freqNames(code: string): Names {
  return namesByLanguage(SDMX_NAMES, `FREQ.${code}`, freqName(code));
}
/** The names of one of the concepts every dataflow has (FREQ, TIME_PERIOD, OBS_STATUS…): English as given, French and Spanish. */
export function conceptNames(id: string, english: string): Names {
  return namesByLanguage(SDMX_NAMES, id, english);
}
export function sexName(code: string): string {
  return SEX_CODE_NAMES[code] ?? code;
}
/** A sex's names: English, and Bridges' French and Spanish. */
export function sexNames(code: string): Names {
  return namesByLanguage(SEX_NAMES, code, sexName(code));
}
/** The SEX dimension's (and its concept's and codelist's) names. */
const SEX_DIMENSION_NAMES = namesByLanguage(SEX_NAMES, 'SEX', 'Sex');
export function obsStatusName(code: string): string {
  return OBS_STATUS_NAMES[code] ?? code;
}
/** An observation status's names: English, and French and Spanish. */
export function obsStatusNames(code: string): Names {
  return namesByLanguage(SDMX_NAMES, `OBS_STATUS.${code}`, obsStatusName(code));
}

function fixedCodelist(
  id: string,
  name: string | Names,
  codes: Record<string, string>,
  namesOf: (code: string) => Names | undefined = () => undefined,
): SdmxCodelist {
  const names = typeof name === 'string' ? { en: name } : name;
  return {
    id,
    name: names.en ?? id,
    ...(Object.keys(names).length > 1 ? { names } : {}),
    codes: Object.entries(codes).map(([code, n]) => {
      const more = namesOf(code);
      return more && Object.keys(more).length > 1 ? { id: code, name: n, names: more } : { id: code, name: n };
    }),
  };
}

/** Codelists every data structure shares; CL_AREA comes from the area table (see `areaCodelist`). */
export const FIXED_CODELISTS: SdmxCodelist[] = [
  fixedCodelist(CODELIST_FREQ, conceptNames('FREQ', 'Frequency'), FREQ_NAMES, freqNames),
  fixedCodelist(CODELIST_SEX, SEX_DIMENSION_NAMES, SEX_CODE_NAMES, sexNames),
  fixedCodelist(
    CODELIST_OBS_STATUS,
    conceptNames('OBS_STATUS', 'Observation status'),
    OBS_STATUS_NAMES,
    obsStatusNames,
  ),
];

/** One name of an area as the repository reads them: its English name, and a short name in `lang`. */
export interface AreaNameRow {
  code: string;
  name_en: string;
  lang: string | null;
  name: string | null;
}

/** Each area's names by language (English the area's own), from rows in code order. */
export function areaNamesByCode(rows: readonly AreaNameRow[]): Map<string, Names> {
  const byCode = new Map<string, Record<string, string>>();
  for (const row of rows) {
    let names = byCode.get(row.code);
    if (!names) {
      names = { en: row.name_en };
      byCode.set(row.code, names);
    }
    if (row.lang && row.name && row.lang !== 'en') names[row.lang] ??= row.name;
  }
  return byCode;
}

/** Every area Bridges knows (countries, territories, residual categories, publisher aggregates) and `_Z`. */
export function areaCodelist(rows: readonly AreaNameRow[]) {
  const codes: SdmxCode[] = [...areaNamesByCode(rows)].map(([id, names]) => ({ id, name: names.en ?? id, names }));
  codes.push({ id: NOT_APPLICABLE, name: 'Not applicable' });
  return {
    id: CODELIST_AREA,
    name: 'Countries and areas',
    description:
      'ISO 3166-1 alpha-3 codes, codes the data sources use for territories ISO does not code, residual categories (unknown origin, stateless) and publisher aggregates (PUBLISHER_AREA); _Z: not applicable (no counterpart area).',
    codes,
  } satisfies SdmxCodelist;
}

export function dataflowUrn(id: string): string {
  return `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${SDMX_AGENCY}:${id}(${SDMX_VERSION})`;
}
export function dataStructureUrn(id: string): string {
  return `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${SDMX_AGENCY}:${id}(${SDMX_VERSION})`;
}
export function codelistUrn(id: string): string {
  return `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${SDMX_AGENCY}:${id}(${SDMX_VERSION})`;
}
export function conceptSchemeUrn(id: string): string {
  return `urn:sdmx:org.sdmx.infomodel.conceptscheme.ConceptScheme=${SDMX_AGENCY}:${id}(${SDMX_VERSION})`;
}
export function conceptUrn(schemeId: string, conceptId: string): string {
  return `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${SDMX_AGENCY}:${schemeId}(${SDMX_VERSION}).${conceptId}`;
}

/** The dataflow of one dataset edition and indicator, its description and annotations carrying the source. */
export function buildDataflow(pair: DatasetIndicatorPair, dataset: DatasetRow, indicator: IndicatorRow): SdmxDataflow {
  const id = sdmxFlowId(dataset.id, indicator.id);
  const sexes = pair.sexes.split(',').filter(Boolean);
  const sexNote = sexes.includes('_T')
    ? null
    : `SEX: the publisher's breakdown only (${sexes.join(', ')}). Bridges serves published figures and computes no total (_T): where a total makes sense, add the sexes yourself.`;
  const description = [
    indicator.description,
    `Unit: ${indicator.unit}.`,
    `Source: ${dataset.citation}`,
    `Licence: ${dataset.licence}.`,
    sexNote,
    dataset.caveats,
  ]
    .filter((t): t is string => Boolean(t))
    .join(' ');
  const indicatorNames = namesByLanguage(INDICATOR_NAMES, indicator.id, indicator.name);
  const unitNames = namesByLanguage(UNIT_NAMES, indicator.unit, indicator.unit);
  const annotations: SdmxAnnotation[] = [
    { type: 'BRIDGES_DATASET', title: dataset.id, text: dataset.title },
    { type: 'BRIDGES_INDICATOR', title: indicator.id, text: indicator.name, texts: indicatorNames },
    { type: 'PUBLISHER', text: dataset.publisher },
    { type: 'EDITION', text: dataset.edition },
    { type: 'LICENCE', text: dataset.licence },
    { type: 'CITATION', text: dataset.citation },
    { type: 'UNIT_MEASURE', text: indicator.unit, texts: unitNames },
    { type: 'MEASURE_TYPE', title: indicator.measure_type },
    { type: 'LAST_LOADED', title: dataset.loaded_at },
  ];
  if (dataset.release_date) annotations.push({ type: 'RELEASE_DATE', title: dataset.release_date });
  if (dataset.source_url) annotations.push({ type: 'SOURCE_URL', url: dataset.source_url, text: dataset.source_url });
  if (dataset.method_notes) annotations.push({ type: 'METHOD_NOTES', text: dataset.method_notes });
  if (dataset.caveats) annotations.push({ type: 'CAVEATS', text: dataset.caveats });
  if (sexNote) annotations.push({ type: 'NOTE_SEX', text: sexNote });
  annotations.push({ type: 'PROVENANCE', text: dataset.provenance });
  // The indicator's name in each language Bridges has it in; the edition's title is the
  // publisher's, as a book's title stays its own in a citation in another language.
  const names = Object.fromEntries(
    Object.entries(indicatorNames).map(([lang, name]) => [lang, `${name} — ${dataset.title} (${dataset.edition})`]),
  );
  return {
    id,
    name: names.en ?? id,
    names,
    description,
    annotations,
    datasetId: dataset.id,
    indicatorId: indicator.id,
    datasetAttributeValues: {
      UNIT_MEASURE: indicator.unit,
      PUBLISHER: dataset.publisher,
      LICENCE: dataset.licence,
      CITATION: dataset.citation,
    },
    datasetAttributeNames: { UNIT_MEASURE: unitNames },
    sexes,
  };
}

export function dimsCodelistId(flowId: string, dimensionId: string): string {
  return `CL_${flowId}_${dimensionId}`;
}

export function conceptSchemeIdOf(flowId: string): string {
  return `CS_${flowId}`;
}

/**
 * SDMX's cross-domain concept "Observation comment", the attribute that carries Bridges' note on a
 * figure that only repeats the period before's (datahub/repeats.ts).
 */
export const OBSERVATION_COMMENT = 'COMMENT_OBS';

/** Who says it, before the note: Bridges, not the publisher whose figures the message carries. */
const COMMENT_BY: Readonly<Record<'en' | 'fr' | 'es', string>> = {
  en: 'Bridges: ',
  fr: 'Bridges\u00a0: ',
  es: 'Bridges: ',
};

/**
 * The observation comment (COMMENT_OBS) of a figure that only repeats the period before's
 * exactly, in English, French and Spanish: Bridges' note, the words of the data hub's CSVs
 * (repeatedFigureNote).
 */
export function repeatCommentNames(repeated: RepeatedPeriod): Names {
  const names: Record<string, string> = {};
  for (const lang of ['en', 'fr', 'es'] as const)
    names[lang] = `${COMMENT_BY[lang]}${repeatedFigureNote(repeated, repeated.period, lang) ?? ''}`;
  return names;
}

/**
 * The data structure of a dataflow: FREQ, REF_AREA, COUNTERPART_AREA, SEX, the source's own
 * dimensions (upper-cased `dims` keys, sorted), TIME_PERIOD; measure OBS_VALUE; attributes
 * OBS_STATUS and OBS_FLAGS per observation (and COMMENT_OBS where `observationComments`: a flow
 * whose figures may only repeat the period before's, as repeats.ts checks them), unit and source
 * for the whole data set.
 */
export function buildDataStructure(
  flow: SdmxDataflow,
  dimsKeys: string[],
  options: { observationComments: boolean } = { observationComments: false },
): SdmxDataStructure {
  const english = (name: string) => ({ name, names: { en: name } });
  const concept = (id: string, name: string) => ({ name, names: conceptNames(id, name) });
  const fixed: Omit<SdmxDimension, 'position'>[] = [
    { id: 'FREQ', ...concept('FREQ', 'Frequency'), codelistId: CODELIST_FREQ, source: { kind: 'freq' } },
    {
      id: 'REF_AREA',
      ...concept('REF_AREA', 'Reference area'),
      codelistId: CODELIST_AREA,
      source: { kind: 'refArea' },
    },
    {
      id: 'COUNTERPART_AREA',
      ...concept('COUNTERPART_AREA', 'Counterpart area'),
      codelistId: CODELIST_AREA,
      source: { kind: 'counterpartArea' },
    },
    { id: 'SEX', name: 'Sex', names: SEX_DIMENSION_NAMES, codelistId: CODELIST_SEX, source: { kind: 'sex' } },
  ];
  const extra = sdmxOwnDimensions(dimsKeys).map(({ id, key }): Omit<SdmxDimension, 'position'> => ({
    id,
    ...english(sourceDimension(flow.datasetId, key)?.name ?? key),
    codelistId: dimsCodelistId(flow.id, id),
    source: { kind: 'dims', key },
  }));
  const time: Omit<SdmxDimension, 'position'> = {
    id: 'TIME_PERIOD',
    ...concept('TIME_PERIOD', 'Time period'),
    codelistId: null,
    source: { kind: 'time' },
  };
  const dimensions = [...fixed, ...extra, time].map((d, position) => ({ ...d, position }));
  const attributes: SdmxAttribute[] = [
    {
      id: 'OBS_STATUS',
      name: 'Observation status',
      description: 'A normal, E estimated, P provisional, I imputed, F forecast (as the publisher marked it)',
      level: 'observation',
      codelistId: CODELIST_OBS_STATUS,
      mandatory: true,
    },
    {
      id: 'OBS_FLAGS',
      name: 'Source flags',
      description: "The publisher's own type-of-data codes, as printed",
      level: 'observation',
      codelistId: null,
      mandatory: false,
    },
    // NOTE: only in the flows whose figures Bridges checks for repeats: every other flow's
    // structure and data stay as they were.
    ...(options.observationComments
      ? [
          {
            id: OBSERVATION_COMMENT,
            name: 'Observation comment',
            description:
              "Bridges' note on a figure, not the publisher's: where a figure only repeats that of the period before exactly (UN DESA's 2024 revision gives some destinations' 2020 figures again as 2024's), read its change between the two periods as not estimated, not as none. Empty for every other figure",
            level: 'observation' as const,
            codelistId: null,
            mandatory: false,
          },
        ]
      : []),
    {
      id: 'UNIT_MEASURE',
      name: 'Unit of measure',
      description: 'The unit the publisher printed; values are never rescaled',
      level: 'dataset',
      codelistId: null,
      mandatory: true,
    },
    {
      id: 'PUBLISHER',
      name: 'Publisher',
      description: 'Who published the figures',
      level: 'dataset',
      codelistId: null,
      mandatory: true,
    },
    {
      id: 'LICENCE',
      name: 'Licence',
      description: 'The licence the figures are published under',
      level: 'dataset',
      codelistId: null,
      mandatory: true,
    },
    {
      id: 'CITATION',
      name: 'Citation',
      description: 'How the publisher asks to be cited',
      level: 'dataset',
      codelistId: null,
      mandatory: true,
    },
  ];
  return {
    id: flow.id,
    name: flow.name,
    names: flow.names,
    description: `Data structure of ${flow.id}: dimensions ${dimensions.map((d) => d.id).join(', ')}; measure OBS_VALUE.`,
    flow,
    dimensions,
    attributes,
    conceptSchemeId: conceptSchemeIdOf(flow.id),
  };
}

/** The codelists of a data structure's own dimensions, from the values its series have (`null`: key absent → `_Z`). */
export function dimsCodelists(dsd: SdmxDataStructure, values: { key: string; value: string | null }[]): SdmxCodelist[] {
  const lists: SdmxCodelist[] = [];
  for (const dim of dsd.dimensions) {
    if (dim.source.kind !== 'dims' || !dim.codelistId) continue;
    const key = dim.source.key;
    const named = sourceDimension(dsd.flow.datasetId, key)?.codes ?? {};
    const codes: SdmxCode[] = [];
    const seen = new Set<string>();
    for (const v of values) {
      if (v.key !== key) continue;
      const code =
        v.value === null
          ? { id: NOT_APPLICABLE, name: 'Not applicable' }
          : { id: codeOfDimsValue(v.value), name: named[v.value] ?? v.value };
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      codes.push(code);
    }
    lists.push({ id: dim.codelistId, name: `${dim.name} (${dsd.flow.id})`, codes });
  }
  return lists;
}

/** The concepts a data structure's components stand for. */
export function conceptScheme(dsd: SdmxDataStructure): SdmxConceptScheme {
  return {
    id: dsd.conceptSchemeId,
    name: `Concepts of ${dsd.flow.id}`,
    concepts: [
      ...dsd.dimensions.map((d) => ({
        id: d.id,
        name: d.name,
        ...(Object.keys(d.names).length > 1 ? { names: d.names } : {}),
      })),
      {
        id: 'OBS_VALUE',
        name: 'Observation value',
        description: `In ${dsd.flow.datasetAttributeValues.UNIT_MEASURE ?? 'the unit printed'}`,
      },
      ...dsd.attributes.map((a) => ({ id: a.id, name: a.name, description: a.description })),
    ],
  };
}

/**
 * Every language a name of a structure message is in, English first, then the UN's order: what
 * its writers write (a stub's own names; a full codelist's codes too).
 */
export function structureLanguages(set: {
  dataflows: SdmxDataflow[];
  dataStructures: SdmxDataStructure[];
  codelists: SdmxCodelist[];
  conceptSchemes: SdmxConceptScheme[];
  stub: ReadonlySet<string>;
}): string[] {
  const found = new Set<string>(['en']);
  const add = (names: Names | undefined) => Object.keys(names ?? {}).forEach((lang) => found.add(lang));
  for (const flow of set.dataflows) {
    add(flow.names);
    if (!set.stub.has('dataflows')) flow.annotations.forEach((a) => add(a.texts));
  }
  set.dataStructures.forEach((d) => add(d.names));
  for (const list of set.codelists) {
    add(list.names);
    if (!set.stub.has('codelists')) list.codes.forEach((c) => add(c.names));
  }
  for (const scheme of set.conceptSchemes)
    if (!set.stub.has('conceptSchemes')) scheme.concepts.forEach((c) => add(c.names));
  const order = [...NAME_LANGUAGES] as string[];
  return [...found].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
}

/**
 * The languages of a message for its `contentLanguages` and Content-Language: the one its `name`s
 * were chosen in first (the first language asked that the message has, else English), then the others.
 */
export function messageLanguages(all: readonly string[], asked: readonly string[]): string[] {
  const main = asked.find((lang) => all.includes(lang)) ?? 'en';
  return [main, ...all.filter((lang) => lang !== main)];
}
