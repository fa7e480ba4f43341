import { randomBytes } from 'node:crypto';
import { localName } from '../../core/languages.js';
import { parseSdmxPeriod, SDMX_AGENCY, SDMX_VERSION } from '../../core/sdmx.js';
import { dimsNameKey } from './sdmx-key.js';
import type { DataPlan, DataSeries, StructureSet } from './sdmx.service.js';
import {
  codelistUrn,
  conceptSchemeUrn,
  conceptUrn,
  dataflowUrn,
  dataStructureUrn,
  freqNames,
  messageLanguages,
  NOT_APPLICABLE,
  obsStatusNames,
  OBSERVATION_COMMENT,
  conceptNames,
  repeatCommentNames,
  sexNames,
  structureLanguages,
  type Names,
  type SdmxAnnotation,
  type SdmxCodelist,
  type SdmxConceptScheme,
  type SdmxDataflow,
  type SdmxDataStructure,
  type SdmxDimension,
} from './sdmx-structure.js';

/**
 * SDMX-JSON writers: the structure message 1.0 (`meta` + `data` with dataflows, dataStructures,
 * codelists, conceptSchemes, as .Stat Suite serves it) and the data message 1.0 for SDMX 2.1
 * (`header`, `dataSets`, `structure` at the top, as the ECB serves it and sdmx1 reads it).
 */

export const STRUCTURE_JSON_TYPE = 'application/vnd.sdmx.structure+json;version=1.0';
export const DATA_JSON_TYPE = 'application/vnd.sdmx.data+json;version=1.0.0';

/** Where the message was asked for, for its links, and in which languages. */
export interface MessageContext {
  /** `http://host:port`, without a trailing slash. */
  baseUrl: string;
  /** The URL of the request, absolute. */
  requestUrl: string;
  /**
   * The languages each `name` is chosen in, most wanted first (Accept-Language); English where
   * a name has none of them. `names` beside it has every language Bridges has.
   */
  languages: readonly string[];
}

/** `name` in the best language asked and `names` in all: SDMX-JSON's localised text. */
function localised(names: Names, languages: readonly string[]) {
  return { name: localName(names, languages), names };
}

const SENDER = { id: SDMX_AGENCY, name: 'Bridges: open data on migration and development' };

function messageId(): string {
  return `IREF${randomBytes(8).toString('hex')}`;
}

function artefactUrl(ctx: MessageContext, resource: string, id: string): string {
  return `${ctx.baseUrl}/api/sdmx/${resource}/${SDMX_AGENCY}/${id}/${SDMX_VERSION}`;
}

function annotationsJson(annotations: SdmxAnnotation[], languages: readonly string[]) {
  return annotations.map((a) => ({
    type: a.type,
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.text !== undefined
      ? { text: localName(a.texts ?? { en: a.text }, languages), texts: a.texts ?? { en: a.text } }
      : {}),
    ...(a.url !== undefined ? { links: [{ href: a.url, rel: 'external' }] } : {}),
  }));
}

/** An artefact's names: English alone unless it has more. */
function namesOf(item: { name: string; names?: Names }): Names {
  return item.names ?? { en: item.name };
}

function maintainable(
  item: { id: string; name: string; names?: Names },
  languages: readonly string[],
  description?: string,
) {
  return {
    id: item.id,
    version: SDMX_VERSION,
    agencyID: SDMX_AGENCY,
    isExternalReference: false,
    isFinal: true,
    ...localised(namesOf(item), languages),
    ...(description ? { description, descriptions: { en: description } } : {}),
  };
}

function stub(item: { id: string; name: string; names?: Names }, url: string, languages: readonly string[]) {
  return {
    id: item.id,
    version: SDMX_VERSION,
    agencyID: SDMX_AGENCY,
    isExternalReference: true,
    ...localised(namesOf(item), languages),
    links: [{ href: url, rel: 'external' }],
  };
}

function dataflowJson(flow: SdmxDataflow, ctx: MessageContext) {
  return {
    ...maintainable(flow, ctx.languages, flow.description),
    structure: dataStructureUrn(flow.id),
    annotations: annotationsJson(flow.annotations, ctx.languages),
    links: [
      { href: artefactUrl(ctx, 'dataflow', flow.id), rel: 'self', urn: dataflowUrn(flow.id) },
      { href: `${ctx.baseUrl}/api/sdmx/data/${SDMX_AGENCY},${flow.id},${SDMX_VERSION}/all`, rel: 'data' },
    ],
  };
}

function representation(codelistId: string | null, textType: string) {
  return codelistId ? { enumeration: codelistUrn(codelistId) } : { textFormat: { textType } };
}

function dataStructureJson(dsd: SdmxDataStructure, ctx: MessageContext) {
  const concept = (id: string) => conceptUrn(dsd.conceptSchemeId, id);
  const dimensions = dsd.dimensions.filter((d) => d.source.kind !== 'time');
  const time = dsd.dimensions.filter((d) => d.source.kind === 'time');
  return {
    ...maintainable(dsd, ctx.languages, dsd.description),
    links: [{ href: artefactUrl(ctx, 'datastructure', dsd.id), rel: 'self', urn: dataStructureUrn(dsd.id) }],
    dataStructureComponents: {
      attributeList: {
        id: 'AttributeDescriptor',
        attributes: dsd.attributes.map((a) => ({
          id: a.id,
          assignmentStatus: a.mandatory ? 'Mandatory' : 'Conditional',
          attributeRelationship: a.level === 'observation' ? { primaryMeasure: 'OBS_VALUE' } : { none: {} },
          conceptIdentity: concept(a.id),
          localRepresentation: representation(a.codelistId, 'String'),
        })),
      },
      dimensionList: {
        id: 'DimensionDescriptor',
        dimensions: dimensions.map((d) => ({
          id: d.id,
          position: d.position,
          type: 'Dimension',
          conceptIdentity: concept(d.id),
          localRepresentation: representation(d.codelistId, 'String'),
        })),
        timeDimensions: time.map((d) => ({
          id: d.id,
          position: d.position,
          type: 'TimeDimension',
          conceptIdentity: concept(d.id),
          localRepresentation: { textFormat: { textType: 'ObservationalTimePeriod' } },
        })),
      },
      measureList: {
        id: 'MeasureDescriptor',
        primaryMeasure: {
          id: 'OBS_VALUE',
          conceptIdentity: concept('OBS_VALUE'),
          localRepresentation: { textFormat: { textType: 'Double' } },
        },
      },
    },
  };
}

function codelistJson(list: SdmxCodelist, ctx: MessageContext) {
  return {
    ...maintainable(list, ctx.languages, list.description),
    links: [{ href: artefactUrl(ctx, 'codelist', list.id), rel: 'self', urn: codelistUrn(list.id) }],
    isPartial: false,
    codes: list.codes.map((c) => ({ id: c.id, ...localised(namesOf(c), ctx.languages) })),
  };
}

function conceptSchemeJson(scheme: SdmxConceptScheme, ctx: MessageContext) {
  return {
    ...maintainable(scheme, ctx.languages),
    links: [{ href: artefactUrl(ctx, 'conceptscheme', scheme.id), rel: 'self', urn: conceptSchemeUrn(scheme.id) }],
    isPartial: false,
    concepts: scheme.concepts.map((c) => ({
      id: c.id,
      ...localised(namesOf(c), ctx.languages),
      ...(c.description ? { description: c.description, descriptions: { en: c.description } } : {}),
    })),
  };
}

/** The SDMX-JSON structure message 1.0 of a set of artefacts. */
export function structureMessageJson(set: StructureSet, ctx: MessageContext) {
  const data: Record<string, unknown[]> = {};
  const put = <T extends { id: string; name: string; names?: Names }>(
    kind: 'dataflows' | 'dataStructures' | 'codelists' | 'conceptSchemes',
    resource: string,
    items: T[],
    full: (item: T) => unknown,
  ) => {
    if (items.length === 0) return;
    data[kind] = items.map((item) =>
      set.stub.has(kind) ? stub(item, artefactUrl(ctx, resource, item.id), ctx.languages) : full(item),
    );
  };
  put('dataflows', 'dataflow', set.dataflows, (f) => dataflowJson(f, ctx));
  put('dataStructures', 'datastructure', set.dataStructures, (d) => dataStructureJson(d, ctx));
  put('codelists', 'codelist', set.codelists, (c) => codelistJson(c, ctx));
  put('conceptSchemes', 'conceptscheme', set.conceptSchemes, (c) => conceptSchemeJson(c, ctx));
  return {
    meta: {
      id: messageId(),
      test: false,
      prepared: new Date().toISOString(),
      // Every language a name of the message is in (SDMX-JSON: "used anywhere in the message"),
      // the one its names were chosen in first: English everywhere, the UN's five others for the
      // areas, French and Spanish for Bridges' indicators, units and sexes.
      contentLanguages: messageLanguages(structureLanguages(set), ctx.languages),
      sender: SENDER,
      links: [{ href: ctx.requestUrl, rel: 'request' }],
    },
    data,
  };
}

// ---------------------------------------------------------------------------------------------
// Data message

/** Values of one component in the order they were first met; a value's index is its place. */
class ValueIndex {
  readonly values: Record<string, string | Names | undefined>[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly describe: (id: string) => Record<string, string | Names | undefined>) {}
  of(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(id, i);
      this.values.push(this.describe(id));
    }
    return i;
  }
}

/** The names of a code of a dimension, for the values list of a data message or a labelled CSV. */
export function codeNames(
  dim: SdmxDimension,
  code: string,
  names: { areaNames: ReadonlyMap<string, Names>; dimsNames: Map<string, string> },
): Names {
  if (code === NOT_APPLICABLE) return { en: 'Not applicable' };
  switch (dim.source.kind) {
    case 'freq':
      return freqNames(code);
    case 'sex':
      return sexNames(code);
    case 'refArea':
    case 'counterpartArea':
      return names.areaNames.get(code) ?? { en: code };
    case 'dims':
      return { en: names.dimsNames.get(dimsNameKey(dim.source.key, code)) ?? code };
    default:
      return { en: code };
  }
}

/** A code's name in the plan's languages (English where it has none of them). */
export function codeName(
  dim: SdmxDimension,
  code: string,
  plan: {
    areaNames: ReadonlyMap<string, Names>;
    dimsNames: Map<string, string>;
    languages: readonly string[];
  },
): string {
  return localName(codeNames(dim, code, plan), plan.languages);
}

/** A data message's `name`, with `names` where Bridges has more than English. */
function dataName(names: Names, languages: readonly string[]): { name: string; names?: Names } {
  const name = localName(names, languages);
  return Object.keys(names).length > 1 ? { name, names } : { name };
}

function timeValue(period: string): Record<string, string> {
  const span = parseSdmxPeriod(period);
  if (!span) return { id: period, name: period };
  const end = new Date(Date.parse(`${span.end}T00:00:00Z`) - 1000).toISOString().replace('.000Z', 'Z');
  return { id: period, name: period, start: `${span.start}T00:00:00Z`, end };
}

/**
 * Streams the SDMX-JSON data message of a planned query. Dimension and attribute values are
 * indexed in the order met, so `structure` (whose value lists the keys point into) comes last:
 * JSON leaves member order free, and memory holds one batch of series at a time.
 */
export async function* dataMessageJson(
  plan: DataPlan,
  batches: AsyncIterable<DataSeries[]>,
  ctx: MessageContext,
): AsyncGenerator<string> {
  const flow = plan.dsd.flow;
  const flat = plan.dimensionAtObservation === 'AllDimensions';
  const withAttributes = plan.detail === 'full' || plan.detail === 'nodata';
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  const languages = plan.languages;
  const keyIndexes = plan.seriesDimensions.map(
    (dim) => new ValueIndex((code) => ({ id: code, ...dataName(codeNames(dim, code, plan), languages) })),
  );
  const periods = new ValueIndex(timeValue);
  const statuses = new ValueIndex((code) => ({ id: code, ...dataName(obsStatusNames(code), languages) }));
  const flags = new ValueIndex((text) => ({ name: text }));
  // Bridges' comment on a figure that only repeats the period before's, one value per period
  // repeated (`2024|2020`): text, in every language Bridges says it in, as the flags have no id.
  const comments = new ValueIndex((repeat) => {
    const [period = '', previous = ''] = repeat.split('|');
    return dataName(repeatCommentNames({ period, previous }), languages);
  });
  const withComments = plan.dsd.attributes.some((a) => a.id === OBSERVATION_COMMENT);
  const datasetAttributes = plan.dsd.attributes.filter((a) => a.level === 'dataset');

  const header = {
    id: messageId(),
    test: false,
    prepared: new Date().toISOString(),
    sender: SENDER,
    links: [{ href: ctx.requestUrl, rel: 'request' }],
  };
  let out = `{"header":${JSON.stringify(header)},"dataSets":[{"action":"Information","links":${JSON.stringify([
    { href: artefactUrl(ctx, 'dataflow', flow.id), rel: 'dataflow', urn: dataflowUrn(flow.id) },
  ])}`;
  if (withAttributes) out += `,"attributes":${JSON.stringify(datasetAttributes.map(() => 0))}`;
  out += flat && withObservations ? ',"observations":{' : ',"series":{';
  let first = true;
  for await (const batch of batches) {
    const parts: string[] = [];
    for (const series of batch) {
      const key = series.key.map((code, i) => (keyIndexes[i] as ValueIndex).of(code)).join(':');
      if (!withObservations) {
        parts.push(`${JSON.stringify(key)}:${withAttributes ? '{"attributes":[]}' : '{}'}`);
        continue;
      }
      const repeated = withAttributes && withComments ? series.repeats : null;
      const observations = series.observations.map((o) => {
        const values: (number | null)[] = [o.value];
        if (withAttributes) values.push(statuses.of(o.status), o.flags === null ? null : flags.of(o.flags));
        // NOTE: an observation without a comment leaves it out, as SDMX-JSON lets trailing
        // attributes without a value be: the others' arrays are as they were.
        if (repeated?.period === o.period) values.push(comments.of(`${repeated.period}|${repeated.previous}`));
        const time = periods.of(o.period);
        return `"${flat ? `${key}:${String(time)}` : String(time)}":${JSON.stringify(values)}`;
      });
      parts.push(flat ? observations.join(',') : `"${key}":{"observations":{${observations.join(',')}}}`);
    }
    if (parts.length === 0) continue;
    out += (first ? '' : ',') + parts.join(',');
    first = false;
    yield out;
    out = '';
  }
  out += '}}]';

  const seriesDimensions = plan.seriesDimensions.map((dim, i) => ({
    id: dim.id,
    ...dataName(dim.names, languages),
    keyPosition: dim.position,
    ...(dim.source.kind === 'refArea' ? { role: 'REF_AREA' } : dim.source.kind === 'freq' ? { role: 'FREQ' } : {}),
    values: (keyIndexes[i] as ValueIndex).values,
  }));
  const timeDim = plan.dsd.dimensions.find((d) => d.source.kind === 'time');
  const timeDimension = {
    id: 'TIME_PERIOD',
    ...dataName(conceptNames('TIME_PERIOD', 'Time period'), languages),
    keyPosition: timeDim?.position ?? plan.seriesDimensions.length,
    role: 'time',
    values: periods.values,
  };
  const observationAttributes = withAttributes
    ? plan.dsd.attributes
        .filter((a) => a.level === 'observation')
        .map((a) => ({
          id: a.id,
          ...dataName(conceptNames(a.id, a.name), languages),
          values:
            a.id === 'OBS_STATUS' ? statuses.values : a.id === OBSERVATION_COMMENT ? comments.values : flags.values,
        }))
    : [];
  const structure = {
    links: [
      { href: artefactUrl(ctx, 'dataflow', flow.id), rel: 'dataflow', urn: dataflowUrn(flow.id) },
      { href: artefactUrl(ctx, 'datastructure', flow.id), rel: 'datastructure', urn: dataStructureUrn(flow.id) },
    ],
    ...dataName(flow.names, languages),
    description: flow.description,
    dimensions: {
      dataSet: [],
      series: flat && withObservations ? [] : seriesDimensions,
      observation: flat && withObservations ? [...seriesDimensions, timeDimension] : [timeDimension],
    },
    attributes: {
      dataSet: withAttributes
        ? datasetAttributes.map((a) => ({
            id: a.id,
            ...dataName(conceptNames(a.id, a.name), languages),
            values: [
              dataName(flow.datasetAttributeNames[a.id] ?? { en: flow.datasetAttributeValues[a.id] ?? '' }, languages),
            ],
          }))
        : [],
      series: [],
      observation: withObservations ? observationAttributes : [],
    },
    annotations: annotationsJson(flow.annotations, languages),
  };
  out += `,"structure":${JSON.stringify(structure)}}`;
  yield out;
}
