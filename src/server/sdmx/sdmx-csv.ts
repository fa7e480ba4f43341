import { csvField, csvRecord } from '../../core/csv.js';
import { localName } from '../../core/languages.js';
import { SDMX_AGENCY, SDMX_VERSION } from '../../core/sdmx.js';
import { codeName } from './sdmx-json.js';
import type { DataPlan, DataSeries } from './sdmx.service.js';
import { conceptNames, obsStatusNames, OBSERVATION_COMMENT, repeatCommentNames } from './sdmx-structure.js';

/**
 * The SDMX-CSV 1.0 writer (RFC 4180, CRLF): a header row, then one row per observation with
 * DATAFLOW (`AGENCY:ID(VERSION)`), every dimension in data-structure order (TIME_PERIOD last),
 * OBS_VALUE, then every attribute, the data set's ones (unit, publisher, licence, citation)
 * repeated on each row so any row carries its source. With `labels=both` headers and coded
 * values read "ID: Name", the name in the language asked (Accept-Language) where Bridges has it.
 * The observation comment (COMMENT_OBS, in the flows that have it) is text in that language,
 * labels or not: it has no code.
 */

// charset: spreadsheets that open the file as it comes otherwise guess another encoding ("TÃ¼rkiye").
export const DATA_CSV_TYPE = 'application/vnd.sdmx.data+csv;version=1.0.0;charset=utf-8';

export async function* dataMessageCsv(
  plan: DataPlan,
  batches: AsyncIterable<DataSeries[]>,
  labels: 'id' | 'both',
): AsyncGenerator<string> {
  const flow = plan.dsd.flow;
  const withObservations = plan.detail === 'full' || plan.detail === 'dataonly';
  const withAttributes = plan.detail === 'full' || plan.detail === 'nodata';
  const observationAttributes =
    withAttributes && withObservations ? plan.dsd.attributes.filter((a) => a.level === 'observation') : [];
  const datasetAttributes = withAttributes ? plan.dsd.attributes.filter((a) => a.level === 'dataset') : [];
  const both = labels === 'both';
  const label = (id: string, name: string) => (both ? `${id}: ${name}` : id);
  const conceptLabel = (id: string, english: string) => label(id, localName(conceptNames(id, english), plan.languages));
  // A status's cell, made once per status of the answer, not once per observation.
  const statusCells = new Map<string, string>();
  const statusCell = (status: string) => {
    let cell = statusCells.get(status);
    if (cell === undefined) {
      cell = csvField(label(status, localName(obsStatusNames(status), plan.languages)));
      statusCells.set(status, cell);
    }
    return cell;
  };
  // A repeat's comment, made once per period repeated.
  const commentCells = new Map<string, string>();
  const commentCell = (series: DataSeries, period: string) => {
    const repeated = series.repeats;
    if (repeated?.period !== period) return '';
    const key = `${repeated.period}|${repeated.previous}`;
    let cell = commentCells.get(key);
    if (cell === undefined) {
      cell = csvField(localName(repeatCommentNames(repeated), plan.languages));
      commentCells.set(key, cell);
    }
    return cell;
  };

  const header = [
    'DATAFLOW',
    ...plan.seriesDimensions.map((d) => label(d.id, localName(d.names, plan.languages))),
    ...(withObservations
      ? [conceptLabel('TIME_PERIOD', 'Time period'), conceptLabel('OBS_VALUE', 'Observation value')]
      : []),
    ...observationAttributes.map((a) => conceptLabel(a.id, a.name)),
    ...datasetAttributes.map((a) => conceptLabel(a.id, a.name)),
  ];
  const dataflow = csvField(`${SDMX_AGENCY}:${flow.id}(${SDMX_VERSION})`);
  // The data set's attributes are the same on every row: quoted once. With labels, a value Bridges
  // names (the unit) reads "persons: personnes", as in SDMX-JSON's name in the language asked.
  const datasetValues = datasetAttributes
    .map((a) => {
      const value = flow.datasetAttributeValues[a.id] ?? '';
      const names = flow.datasetAttributeNames[a.id];
      return `,${csvField(both && names ? label(value, localName(names, plan.languages)) : value)}`;
    })
    .join('');
  yield csvRecord(header);

  for await (const batch of batches) {
    let chunk = '';
    for (const series of batch) {
      const key = series.key
        .map((code, i) => {
          const dim = plan.seriesDimensions[i];
          return `,${csvField(both && dim ? label(code, codeName(dim, code, plan)) : code)}`;
        })
        .join('');
      if (!withObservations) {
        chunk += `${dataflow}${key}${datasetValues}\r\n`;
        continue;
      }
      for (const o of series.observations) {
        const attributes = observationAttributes
          .map(
            (a) =>
              `,${a.id === 'OBS_STATUS' ? statusCell(o.status) : a.id === OBSERVATION_COMMENT ? commentCell(series, o.period) : csvField(o.flags ?? '')}`,
          )
          .join('');
        chunk += `${dataflow}${key},${csvField(o.period)},${String(o.value)}${attributes}${datasetValues}\r\n`;
      }
    }
    if (chunk) yield chunk;
  }
}
