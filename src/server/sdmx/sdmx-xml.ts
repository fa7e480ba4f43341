import { randomBytes } from 'node:crypto';
import { SDMX_AGENCY, SDMX_VERSION } from '../../core/sdmx.js';
import type { DataPlan, DataSeries, StructureSet } from './sdmx.service.js';
import { localName } from '../../core/languages.js';
import {
  codelistUrn,
  conceptSchemeUrn,
  conceptUrn,
  dataflowUrn,
  dataStructureUrn,
  OBSERVATION_COMMENT,
  repeatCommentNames,
  type Names,
  type SdmxAnnotation,
  type SdmxCodelist,
  type SdmxConceptScheme,
  type SdmxDataflow,
  type SdmxDataStructure,
} from './sdmx-structure.js';

/**
 * SDMX-ML 2.1 writers, for the clients that read only XML (R's rsdmx asks for application/xml):
 * the structure message (dataflows, codelists, concepts, data structures) and the generic data
 * message, streamed like the JSON one.
 */

export const STRUCTURE_XML_TYPE = 'application/vnd.sdmx.structure+xml;version=2.1';
export const DATA_XML_TYPE = 'application/vnd.sdmx.genericdata+xml;version=2.1';
/** SDMX 2.1 gives its Error message no media type of its own. */
export const ERROR_XML_TYPE = 'application/xml; charset=utf-8';

const NS = {
  mes: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message',
  str: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure',
  com: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common',
  gen: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic',
};

/** Text or attribute content: the five XML entities, and characters XML 1.0 cannot hold dropped. */
export function xmlEscape(value: string | number): string {
  return (
    String(value)
      // eslint-disable-next-line no-control-regex -- removing the control characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');
}

function header(extra = ''): string {
  return (
    `<mes:Header><mes:ID>IREF${randomBytes(8).toString('hex')}</mes:ID><mes:Test>false</mes:Test>` +
    `<mes:Prepared>${new Date().toISOString()}</mes:Prepared>` +
    `<mes:Sender id="${SDMX_AGENCY}"><com:Name xml:lang="en">Bridges: open data on migration and development</com:Name></mes:Sender>` +
    `${extra}</mes:Header>`
  );
}

/**
 * One element per language of a localised text (`com:Name`, `com:AnnotationText`…), the languages
 * asked first in their order, then the others as given (English first): a client that reads the
 * first finds the one it asked for, one that reads `xml:lang` finds them all.
 */
function localisedXml(element: string, texts: Names, languages: readonly string[]): string {
  const asked = languages.filter((lang) => texts[lang] !== undefined);
  const order = [...new Set([...asked, ...Object.keys(texts)])];
  return order
    .map((lang) => `<${element} xml:lang="${xmlEscape(lang)}">${xmlEscape(texts[lang] ?? '')}</${element}>`)
    .join('');
}

/** Where the message is written for: the languages each name's first element is chosen in, most wanted first. */
interface XmlContext {
  languages: readonly string[];
}

function names(item: { name: string; names?: Names }, ctx: XmlContext, description?: string): string {
  return (
    localisedXml('com:Name', item.names ?? { en: item.name }, ctx.languages) +
    (description ? `<com:Description xml:lang="en">${xmlEscape(description)}</com:Description>` : '')
  );
}

function annotationsXml(annotations: SdmxAnnotation[], ctx: XmlContext): string {
  if (annotations.length === 0) return '';
  const items = annotations.map(
    (a) =>
      '<com:Annotation>' +
      (a.title !== undefined ? `<com:AnnotationTitle>${xmlEscape(a.title)}</com:AnnotationTitle>` : '') +
      `<com:AnnotationType>${xmlEscape(a.type)}</com:AnnotationType>` +
      (a.url !== undefined ? `<com:AnnotationURL>${xmlEscape(a.url)}</com:AnnotationURL>` : '') +
      (a.text !== undefined ? localisedXml('com:AnnotationText', a.texts ?? { en: a.text }, ctx.languages) : '') +
      '</com:Annotation>',
  );
  return `<com:Annotations>${items.join('')}</com:Annotations>`;
}

function maintainable(id: string, urn: string, stub: boolean): string {
  return attrs({
    id,
    urn,
    agencyID: SDMX_AGENCY,
    version: SDMX_VERSION,
    isExternalReference: stub,
    isFinal: true,
  });
}

function ref(values: Record<string, string>): string {
  return `<Ref${attrs(values)}/>`;
}

function conceptRef(dsd: SdmxDataStructure, id: string): string {
  return `<str:ConceptIdentity>${ref({
    id,
    maintainableParentID: dsd.conceptSchemeId,
    maintainableParentVersion: SDMX_VERSION,
    agencyID: SDMX_AGENCY,
    package: 'conceptscheme',
    class: 'Concept',
  })}</str:ConceptIdentity>`;
}

function representation(codelistId: string | null, textType: string): string {
  return codelistId
    ? `<str:LocalRepresentation><str:Enumeration>${ref({ id: codelistId, version: SDMX_VERSION, agencyID: SDMX_AGENCY, package: 'codelist', class: 'Codelist' })}</str:Enumeration></str:LocalRepresentation>`
    : `<str:LocalRepresentation><str:TextFormat textType="${textType}"/></str:LocalRepresentation>`;
}

function dataflowXml(flow: SdmxDataflow, stub: boolean, ctx: XmlContext): string {
  if (stub)
    return `<str:Dataflow${maintainable(flow.id, dataflowUrn(flow.id), true)}>${names(flow, ctx)}</str:Dataflow>`;
  return (
    `<str:Dataflow${maintainable(flow.id, dataflowUrn(flow.id), false)}>` +
    annotationsXml(flow.annotations, ctx) +
    names(flow, ctx, flow.description) +
    `<str:Structure>${ref({ id: flow.id, version: SDMX_VERSION, agencyID: SDMX_AGENCY, package: 'datastructure', class: 'DataStructure' })}</str:Structure>` +
    '</str:Dataflow>'
  );
}

function codelistXml(list: SdmxCodelist, stub: boolean, ctx: XmlContext): string {
  const open = `<str:Codelist${maintainable(list.id, codelistUrn(list.id), stub)}>`;
  if (stub) return `${open}${names(list, ctx)}</str:Codelist>`;
  const codes = list.codes.map(
    (c) =>
      `<str:Code${attrs({ id: c.id, urn: `${codelistUrn(list.id).replace('Codelist=', 'Code=')}.${c.id}` })}>` +
      names(c, ctx) +
      '</str:Code>',
  );
  return `${open}${names(list, ctx, list.description)}${codes.join('')}</str:Codelist>`;
}

function conceptSchemeXml(scheme: SdmxConceptScheme, stub: boolean, ctx: XmlContext): string {
  const open = `<str:ConceptScheme${maintainable(scheme.id, conceptSchemeUrn(scheme.id), stub)}>`;
  if (stub) return `${open}${names(scheme, ctx)}</str:ConceptScheme>`;
  const concepts = scheme.concepts.map(
    (c) =>
      `<str:Concept${attrs({ id: c.id, urn: conceptUrn(scheme.id, c.id) })}>${names(c, ctx, c.description)}</str:Concept>`,
  );
  return `${open}${names(scheme, ctx)}${concepts.join('')}</str:ConceptScheme>`;
}

function dataStructureXml(dsd: SdmxDataStructure, stub: boolean, ctx: XmlContext): string {
  const open = `<str:DataStructure${maintainable(dsd.id, dataStructureUrn(dsd.id), stub)}>`;
  if (stub) return `${open}${names(dsd, ctx)}</str:DataStructure>`;
  const dimensions = dsd.dimensions.map((d) =>
    d.source.kind === 'time'
      ? `<str:TimeDimension${attrs({ id: d.id, position: d.position + 1 })}>${conceptRef(dsd, d.id)}${representation(null, 'ObservationalTimePeriod')}</str:TimeDimension>`
      : `<str:Dimension${attrs({ id: d.id, position: d.position + 1 })}>${conceptRef(dsd, d.id)}${representation(d.codelistId, 'String')}</str:Dimension>`,
  );
  const attributes = dsd.attributes.map(
    (a) =>
      `<str:Attribute${attrs({ id: a.id, assignmentStatus: a.mandatory ? 'Mandatory' : 'Conditional' })}>` +
      conceptRef(dsd, a.id) +
      representation(a.codelistId, 'String') +
      `<str:AttributeRelationship>${a.level === 'observation' ? `<str:PrimaryMeasure>${ref({ id: 'OBS_VALUE' })}</str:PrimaryMeasure>` : '<str:None/>'}</str:AttributeRelationship>` +
      '</str:Attribute>',
  );
  return (
    open +
    names(dsd, ctx, dsd.description) +
    '<str:DataStructureComponents>' +
    `<str:DimensionList id="DimensionDescriptor">${dimensions.join('')}</str:DimensionList>` +
    `<str:AttributeList id="AttributeDescriptor">${attributes.join('')}</str:AttributeList>` +
    `<str:MeasureList id="MeasureDescriptor"><str:PrimaryMeasure id="OBS_VALUE">${conceptRef(dsd, 'OBS_VALUE')}${representation(null, 'Double')}</str:PrimaryMeasure></str:MeasureList>` +
    '</str:DataStructureComponents></str:DataStructure>'
  );
}

/**
 * The SDMX-ML 2.1 structure message of a set of artefacts, in the order the schema wants; each
 * name in every language Bridges has, the languages asked (Accept-Language) first.
 */
export function structureMessageXml(set: StructureSet, ctx: XmlContext = { languages: [] }): string {
  const parts: string[] = [];
  if (set.dataflows.length)
    parts.push(
      `<str:Dataflows>${set.dataflows.map((f) => dataflowXml(f, set.stub.has('dataflows'), ctx)).join('')}</str:Dataflows>`,
    );
  if (set.codelists.length)
    parts.push(
      `<str:Codelists>${set.codelists.map((c) => codelistXml(c, set.stub.has('codelists'), ctx)).join('')}</str:Codelists>`,
    );
  if (set.conceptSchemes.length)
    parts.push(
      `<str:Concepts>${set.conceptSchemes.map((c) => conceptSchemeXml(c, set.stub.has('conceptSchemes'), ctx)).join('')}</str:Concepts>`,
    );
  if (set.dataStructures.length)
    parts.push(
      `<str:DataStructures>${set.dataStructures.map((d) => dataStructureXml(d, set.stub.has('dataStructures'), ctx)).join('')}</str:DataStructures>`,
    );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<mes:Structure xmlns:mes="${NS.mes}" xmlns:str="${NS.str}" xmlns:com="${NS.com}">` +
    header() +
    `<mes:Structures>${parts.join('')}</mes:Structures></mes:Structure>\n`
  );
}

function values(pairs: [string, string][]): string {
  return pairs.map(([id, value]) => `<gen:Value${attrs({ id, value })}/>`).join('');
}

/** Streams the SDMX-ML 2.1 generic data message of a planned query, one batch of series at a time. */
export async function* dataMessageXml(plan: DataPlan, batches: AsyncIterable<DataSeries[]>): AsyncGenerator<string> {
  const flow = plan.dsd.flow;
  const flat = plan.dimensionAtObservation === 'AllDimensions';
  const withAttributes = plan.detail === 'full' || plan.detail === 'nodata';
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  const structureId = `${SDMX_AGENCY}_${flow.id}_${SDMX_VERSION.replace('.', '_')}`;
  const structure =
    `<mes:Structure${attrs({ structureID: structureId, dimensionAtObservation: flat && withObservations ? 'AllDimensions' : 'TIME_PERIOD' })}>` +
    `<com:Structure>${ref({ agencyID: SDMX_AGENCY, id: flow.id, version: SDMX_VERSION })}</com:Structure></mes:Structure>`;
  let out =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<mes:GenericData xmlns:mes="${NS.mes}" xmlns:gen="${NS.gen}" xmlns:com="${NS.com}">` +
    header(structure) +
    `<mes:DataSet${attrs({ structureRef: structureId, action: 'Information' })}>`;
  if (withAttributes) {
    const datasetValues = plan.dsd.attributes
      .filter((a) => a.level === 'dataset')
      .map((a): [string, string] => [a.id, flow.datasetAttributeValues[a.id] ?? '']);
    out += `<gen:Attributes>${values(datasetValues)}</gen:Attributes>`;
  }
  const dimensionIds = plan.seriesDimensions.map((d) => d.id);
  // Bridges' comment on a figure that only repeats the period before's, in the language asked
  // (generic data has one text per value), made once per period repeated.
  const withComments = plan.dsd.attributes.some((a) => a.id === OBSERVATION_COMMENT);
  const comments = new Map<string, string>();
  const commentOf = (repeated: NonNullable<DataSeries['repeats']>) => {
    const key = `${repeated.period}|${repeated.previous}`;
    let text = comments.get(key);
    if (text === undefined) {
      text = localName(repeatCommentNames(repeated), plan.languages);
      comments.set(key, text);
    }
    return text;
  };
  for await (const batch of batches) {
    const parts: string[] = [];
    for (const series of batch) {
      const key = series.key.map((code, i): [string, string] => [dimensionIds[i] ?? '', code]);
      const repeated = withComments ? series.repeats : null;
      const observations = withObservations
        ? series.observations.map((o) => {
            const obsAttributes: [string, string][] = [['OBS_STATUS', o.status]];
            if (o.flags !== null) obsAttributes.push(['OBS_FLAGS', o.flags]);
            if (repeated?.period === o.period) obsAttributes.push([OBSERVATION_COMMENT, commentOf(repeated)]);
            return (
              '<gen:Obs>' +
              (flat
                ? `<gen:ObsKey>${values([...key, ['TIME_PERIOD', o.period]])}</gen:ObsKey>`
                : `<gen:ObsDimension value="${xmlEscape(o.period)}"/>`) +
              `<gen:ObsValue value="${String(o.value)}"/>` +
              (withAttributes ? `<gen:Attributes>${values(obsAttributes)}</gen:Attributes>` : '') +
              '</gen:Obs>'
            );
          })
        : [];
      parts.push(
        flat && withObservations
          ? observations.join('')
          : `<gen:Series><gen:SeriesKey>${values(key)}</gen:SeriesKey>${observations.join('')}</gen:Series>`,
      );
    }
    out += parts.join('');
    yield out;
    out = '';
  }
  yield '</mes:DataSet></mes:GenericData>\n';
}

/**
 * SDMX-ML 2.1's Error message (ErrorType in SDMXMessage.xsd): one ErrorMessage per error, with its
 * SDMX error code and its text in English. It has no header.
 */
export function errorMessageXml(errors: readonly { code: number; text: string }[]): string {
  const messages = errors
    .map(
      (e) =>
        `<mes:ErrorMessage code="${String(e.code)}"><com:Text xml:lang="en">${xmlEscape(e.text)}</com:Text></mes:ErrorMessage>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<mes:Error xmlns:mes="${NS.mes}" xmlns:com="${NS.com}">${messages}</mes:Error>\n`
  );
}
