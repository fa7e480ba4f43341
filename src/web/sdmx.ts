/** Links to the SDMX API for the numbers a chart shows, so an SDMX client can pull the same data. */

import { SDMX_AGENCY, SDMX_VERSION, sdmxFlowId } from '../core/sdmx-ids.js';

export { SDMX_AGENCY, SDMX_VERSION, sdmxFlowId };

export interface SdmxKey {
  freq?: string;
  refArea?: string;
  counterpart?: string;
  sex?: string;
  /** Codes of the source's own dimensions, in the flow's order (upper-cased dims keys, sorted); empty for all. */
  extra?: readonly string[];
}

/** The series key: FREQ.REF_AREA.COUNTERPART_AREA.SEX[.own dimensions], empty positions for all. */
export function sdmxKey(key: SdmxKey): string {
  return [key.freq ?? '', key.refArea ?? '', key.counterpart ?? '', key.sex ?? '', ...(key.extra ?? [])].join('.');
}

/** The SDMX-CSV data query (labels in both ids and names) for a flow and key. */
export function sdmxDataUrl(
  datasetId: string,
  indicatorId: string,
  key: SdmxKey,
  params: { startPeriod?: string; endPeriod?: string } = {},
): string {
  const search = new URLSearchParams({ format: 'csv', labels: 'both' });
  if (params.startPeriod) search.set('startPeriod', params.startPeriod);
  if (params.endPeriod) search.set('endPeriod', params.endPeriod);
  const flow = `${SDMX_AGENCY},${sdmxFlowId(datasetId, indicatorId)},${SDMX_VERSION}`;
  return `/api/sdmx/data/${flow}/${sdmxKey(key)}?${search.toString()}`;
}
