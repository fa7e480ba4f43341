import { NOT_APPLICABLE, SDMX_AGENCY, SDMX_VERSION, sdmxFlowId, sdmxOwnDimensions } from '../../core/sdmx.js';
import { sourceDimension } from '../../core/statistics-terms.js';
import { codeOfDimsValue } from './sdmx-key.js';
import type { DatasetIndicatorPair, DatasetRow, IndicatorRow } from './sdmx.repository.js';

/**
 * The structural metadata of the SDMX interface as plain values, built from the statistical
 * tables and written out by the SDMX-JSON (and any other) writer: one dataflow per dataset
 * edition and indicator, one data structure per dataflow (same id), the codelists and concepts
 * they use. Pure: the service fetches the rows.
 */

export type DimensionSource =
  | { kind: 'freq' }
  | { kind: 'refArea' }
  | { kind: 'counterpartArea' }
  | { kind: 'sex' }
  | { kind: 'dims'; key: string }
  | { kind: 'time' };

export interface SdmxDimension {
  id: string;
  name: string;
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
  text?: string;
  url?: string;
}

export interface SdmxCode {
  id: string;
  name: string;
  /** Names by language where more than English is known. */
  names?: Record<string, string>;
}

export interface SdmxCodelist {
  id: string;
  name: string;
  description?: string;
  codes: SdmxCode[];
}

export interface SdmxConcept {
  id: string;
  name: string;
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
  name: string;
  description: string;
  annotations: SdmxAnnotation[];
  datasetId: string;
  indicatorId: string;
  /** Values of the attributes attached to the whole data set: unit and source. */
  datasetAttributeValues: Record<string, string>;
  /** Sexes present in the flow (`F`, `M`, `_T`). */
  sexes: string[];
}

/** A data structure: its dataflow's dimensions (TIME_PERIOD last), measure and attributes. */
export interface SdmxDataStructure {
  id: string;
  name: string;
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
const SEX_NAMES: Record<string, string> = { _T: 'Total', F: 'Female', M: 'Male' };
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
export function sexName(code: string): string {
  return SEX_NAMES[code] ?? code;
}
export function obsStatusName(code: string): string {
  return OBS_STATUS_NAMES[code] ?? code;
}

function fixedCodelist(id: string, name: string, names: Record<string, string>): SdmxCodelist {
  return { id, name, codes: Object.entries(names).map(([code, n]) => ({ id: code, name: n })) };
}

/** Codelists every data structure shares; CL_AREA comes from the area table (see `areaCodelist`). */
export const FIXED_CODELISTS: SdmxCodelist[] = [
  fixedCodelist(CODELIST_FREQ, 'Frequency', FREQ_NAMES),
  fixedCodelist(CODELIST_SEX, 'Sex', SEX_NAMES),
  fixedCodelist(CODELIST_OBS_STATUS, 'Observation status', OBS_STATUS_NAMES),
];

/** Every area Bridges knows (countries, territories, residual categories, publisher aggregates) and `_Z`. */
export function areaCodelist(rows: { code: string; name_en: string; lang: string | null; name: string | null }[]) {
  const codes: SdmxCode[] = [];
  for (const row of rows) {
    let code = codes.at(-1);
    if (code?.id !== row.code) {
      code = { id: row.code, name: row.name_en, names: { en: row.name_en } };
      codes.push(code);
    }
    if (row.lang && row.name && row.lang !== 'en' && code.names) code.names[row.lang] ??= row.name;
  }
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
  const annotations: SdmxAnnotation[] = [
    { type: 'BRIDGES_DATASET', title: dataset.id, text: dataset.title },
    { type: 'BRIDGES_INDICATOR', title: indicator.id, text: indicator.name },
    { type: 'PUBLISHER', text: dataset.publisher },
    { type: 'EDITION', text: dataset.edition },
    { type: 'LICENCE', text: dataset.licence },
    { type: 'CITATION', text: dataset.citation },
    { type: 'UNIT_MEASURE', text: indicator.unit },
    { type: 'MEASURE_TYPE', title: indicator.measure_type },
    { type: 'LAST_LOADED', title: dataset.loaded_at },
  ];
  if (dataset.release_date) annotations.push({ type: 'RELEASE_DATE', title: dataset.release_date });
  if (dataset.source_url) annotations.push({ type: 'SOURCE_URL', url: dataset.source_url, text: dataset.source_url });
  if (dataset.method_notes) annotations.push({ type: 'METHOD_NOTES', text: dataset.method_notes });
  if (dataset.caveats) annotations.push({ type: 'CAVEATS', text: dataset.caveats });
  if (sexNote) annotations.push({ type: 'NOTE_SEX', text: sexNote });
  annotations.push({ type: 'PROVENANCE', text: dataset.provenance });
  return {
    id,
    name: `${indicator.name} — ${dataset.title} (${dataset.edition})`,
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
 * The data structure of a dataflow: FREQ, REF_AREA, COUNTERPART_AREA, SEX, the source's own
 * dimensions (upper-cased `dims` keys, sorted), TIME_PERIOD; measure OBS_VALUE; attributes
 * OBS_STATUS and OBS_FLAGS per observation, unit and source for the whole data set.
 */
export function buildDataStructure(flow: SdmxDataflow, dimsKeys: string[]): SdmxDataStructure {
  const fixed: Omit<SdmxDimension, 'position'>[] = [
    { id: 'FREQ', name: 'Frequency', codelistId: CODELIST_FREQ, source: { kind: 'freq' } },
    { id: 'REF_AREA', name: 'Reference area', codelistId: CODELIST_AREA, source: { kind: 'refArea' } },
    {
      id: 'COUNTERPART_AREA',
      name: 'Counterpart area',
      codelistId: CODELIST_AREA,
      source: { kind: 'counterpartArea' },
    },
    { id: 'SEX', name: 'Sex', codelistId: CODELIST_SEX, source: { kind: 'sex' } },
  ];
  const extra = sdmxOwnDimensions(dimsKeys).map(({ id, key }): Omit<SdmxDimension, 'position'> => ({
    id,
    name: sourceDimension(flow.datasetId, key)?.name ?? key,
    codelistId: dimsCodelistId(flow.id, id),
    source: { kind: 'dims', key },
  }));
  const time: Omit<SdmxDimension, 'position'> = {
    id: 'TIME_PERIOD',
    name: 'Time period',
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
      ...dsd.dimensions.map((d) => ({ id: d.id, name: d.name })),
      {
        id: 'OBS_VALUE',
        name: 'Observation value',
        description: `In ${dsd.flow.datasetAttributeValues.UNIT_MEASURE ?? 'the unit printed'}`,
      },
      ...dsd.attributes.map((a) => ({ id: a.id, name: a.name, description: a.description })),
    ],
  };
}
