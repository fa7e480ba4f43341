/** Links to the SDMX API for the numbers a chart shows, so an SDMX client can pull the same data. */

import { SDMX_AGENCY, SDMX_ID_PATTERN, SDMX_VERSION, sdmxFlowId, sdmxOwnDimensions } from '../core/sdmx-ids.js';
import type { UiLanguage } from '../core/languages.js';
import type { DataflowRef, RankingResponse } from '../core/statistics.js';

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

/** Several codes as one key position ("USA+SAU"); undefined, every code, when there are none. */
export function sdmxCodes(codes: readonly string[]): string | undefined {
  return codes.length > 0 ? codes.join('+') : undefined;
}

/**
 * An SDMX query as a link in the UI's language: a link cannot send Accept-Language, so the names
 * (SDMX-CSV's labels=both) would be English; `lang=` asks for them in French or Spanish. English,
 * the API's default, is left unsaid, so the link is the one the API documents.
 */
export function sdmxUrlIn(href: string, lang: UiLanguage): string {
  const [path = '', query = ''] = href.split('?');
  const params = query.split('&').filter((p) => p !== '' && !p.startsWith('lang='));
  if (lang !== 'en') params.push(`lang=${lang}`);
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** A labelled SDMX query, one of several behind a chart that draws on more than one dataflow. */
export interface SdmxLink {
  label: string;
  href: string;
}

/**
 * The SDMX-CSV query for one of the dataflows an answer lists (`dataflows`): the source's own
 * dimensions are wildcards unless `dims` gives a value by key (`{ amount: '200' }`), or several
 * (`{ age_lfs: ['1', '2'] }`, SDMX's "1+2"); a value that is not a plain SDMX code leaves the
 * position a wildcard. Undefined when the answer does not list the flow.
 */
export function sdmxFlowUrl(
  flows: readonly DataflowRef[],
  datasetId: string | null,
  indicatorId: string,
  key: Omit<SdmxKey, 'extra'> & { dims?: Readonly<Record<string, string | readonly string[]>> },
  params: { startPeriod?: string; endPeriod?: string } = {},
): string | undefined {
  const flow = flows.find((f) => f.dataset === datasetId && f.indicator === indicatorId);
  if (!flow) return undefined;
  return sdmxDataUrl(flow.dataset, indicatorId, { ...key, extra: sdmxOwnKey(flow.dims, key.dims) }, params);
}

/**
 * The key positions of a flow's own dimensions (`dimsKeys`, as an answer lists them), in the
 * flow's order: the code `dims` gives for each, several joined by "+", else empty (all).
 */
export function sdmxOwnKey(
  dimsKeys: readonly string[],
  dims: Readonly<Record<string, string | readonly string[]>> = {},
): string[] {
  return sdmxOwnDimensions(dimsKeys).map(({ key: dim }) => {
    const value = dims[dim];
    const codes = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    return codes.length > 0 && codes.every((code) => SDMX_ID_PATTERN.test(code)) ? codes.join('+') : '';
  });
}

/** The links whose query exists, for a chart drawing on several dataflows. */
export function sdmxLinks(links: readonly { label: string; href: string | undefined }[]): SdmxLink[] {
  return links.filter((l): l is SdmxLink => l.href !== undefined);
}

/**
 * The SDMX key of the series a ranking's values are made of, and no others: its areas (or
 * `refAreas`, a trend's), the sexes combined (the published total, else men and women), and, when
 * no partner is chosen, the partners summed over: all of them, SDMX's wildcard (an empty
 * position), unless publishers' aggregates are among them, whose rows (KNOMAD_WORLD, the matrix's
 * World column) would double a sum: then every partner but those, by code, a key having no "all
 * but". Adding up or averaging the rows of a period then gives the ranking's values.
 */
export function rankingSdmxKey(
  ranking: Pick<RankingResponse, 'items' | 'filters' | 'counterparts'>,
  extra: readonly string[],
  refAreas: readonly string[] = ranking.items.map((i) => i.area.code),
): SdmxKey {
  return {
    refArea: sdmxCodes(refAreas),
    counterpart:
      ranking.filters.counterpart ??
      (ranking.counterparts.some((a) => a.kind === 'aggregate')
        ? sdmxCodes(ranking.counterparts.filter((a) => a.kind !== 'aggregate').map((a) => a.code))
        : undefined),
    sex: ranking.filters.sexes.join('+'),
    extra,
  };
}
