import type { CountryDetail, CountryListQuery, CountryListResponse, RegionsResponse } from '../core/countries.js';
import type { ErrorCode, ErrorDetail, ErrorResponse } from '../core/errors.js';
import type { StatusResponse } from '../core/health.js';
import type { NameLanguage } from '../core/languages.js';
import type {
  CorridorResponse,
  DatasetDetailResponse,
  DatasetListResponse,
  IndicatorListResponse,
  ProfileResponse,
  RankingResponse,
  SeriesResponse,
} from '../core/statistics.js';

/**
 * A failed API call. `code` is the API's stable error code when the server answered with the
 * error shape, `network_error` when it could not be reached, and `bad_response` when it answered
 * something that is not JSON (a proxy error page, say).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error' | 'bad_response',
    message: string,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * What the API said of an area code it has no area for, when it says more than that: the code
 * Bridges uses for an M49 number (608) or an ISO alpha-2 code (SN), or what codes look like.
 */
export function areaCodeHint(error: ApiError): string | undefined {
  const message = error.details[0]?.message;
  return message && !/^no country or area has the code "[^"]*"$/.test(message) ? message : undefined;
}

/** True when `error` is the rejection of a fetch cancelled through its AbortSignal. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** Builds `/api/...?a=b` leaving out empty parameters, so URLs stay short and shareable. */
export function apiUrl(path: string, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, value);
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

/** How a state-changing request is sent: method, JSON body and the session's CSRF token. */
export type SendOptions = {
  method: 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The session's token, sent as `X-CSRF-Token`; the server refuses a change without it. */
  csrfToken: string | null;
  signal?: AbortSignal;
};

/**
 * The one fetch of the UI: GET when `send` is absent, otherwise the method, JSON body and CSRF
 * header of `send`. Session cookies go along (same origin). Answers the parsed JSON, `undefined`
 * for 204 No Content, and rejects with an ApiError carrying the server's code, message and details.
 */
export async function requestJson<T>(url: string, send?: SendOptions, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (send?.body !== undefined) headers['Content-Type'] = 'application/json';
  if (send?.csrfToken) headers['X-CSRF-Token'] = send.csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: send?.method ?? 'GET',
      signal: send?.signal ?? signal,
      headers,
      credentials: 'same-origin',
      body: send?.body === undefined ? undefined : JSON.stringify(send.body),
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(response.status, 'bad_response', `${response.status} ${response.statusText}`.trim());
  }
  if (!response.ok) {
    if (isErrorResponse(body)) {
      const { code, message, details } = body.error;
      throw new ApiError(response.status, code, message, Array.isArray(details) ? details : []);
    }
    throw new ApiError(response.status, 'bad_response', `${response.status} ${response.statusText}`.trim());
  }
  // NOTE: the body is trusted to match the contract in src/core, as the server serialises its
  // responses through the same zod schemas; parsing them again on every keystroke would buy nothing.
  return body as T;
}

function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return requestJson<T>(url, undefined, signal);
}

/** Lists countries and areas matching the query, names in `query.lang`. */
export function listCountries(query: CountryListQuery, signal?: AbortSignal): Promise<CountryListResponse> {
  return getJson(apiUrl('/countries', query), signal);
}

/** One country or area by code (ISO alpha-3 or a source's code); rejects with a 404 ApiError if unknown. */
export function getCountry(code: string, lang: NameLanguage, signal?: AbortSignal): Promise<CountryDetail> {
  return getJson(apiUrl(`/countries/${encodeURIComponent(code)}`, { lang }), signal);
}

/** M49 regions with their sub-regions, the income groups and the fiscal years available. */
export function getRegions(signal?: AbortSignal): Promise<RegionsResponse> {
  return getJson(apiUrl('/regions'), signal);
}

/** Progress of the background load of the bundled datasets. */
export function getStatus(signal?: AbortSignal): Promise<StatusResponse> {
  return getJson(apiUrl('/status'), signal);
}

/** The dataset catalogue: every edition loaded, with citation, coverage and families. */
export function listDatasets(signal?: AbortSignal, filters: CatalogueFilters = {}): Promise<DatasetListResponse> {
  return getJson(apiUrl('/datasets', filters), signal);
}

/** The catalogue's search and filters (DatasetListQuery), as the catalogue page's URL holds them. */
export type CatalogueFilters = { q?: string; topic?: string; publisher?: string };

/** One dataset edition with its method notes, caveats, provenance and indicators. */
export function getDataset(id: string, signal?: AbortSignal): Promise<DatasetDetailResponse> {
  return getJson(apiUrl(`/datasets/${encodeURIComponent(id)}`), signal);
}

/** The indicator catalogue, each indicator with the editions that carry it. */
export function listIndicators(signal?: AbortSignal): Promise<IndicatorListResponse> {
  return getJson(apiUrl('/indicators'), signal);
}

export type ProfileParams = { edition?: string; lang: NameLanguage };

/** The data profile of a country: migration, remittances, cost, displacement, emigrants in OECD countries. */
export function getProfile(code: string, params: ProfileParams, signal?: AbortSignal): Promise<ProfileResponse> {
  return getJson(apiUrl(`/profiles/${encodeURIComponent(code)}`, params), signal);
}

/** The corridor from → to (origin → destination of migrants). */
export function getCorridor(
  from: string,
  to: string,
  lang: NameLanguage,
  signal?: AbortSignal,
): Promise<CorridorResponse> {
  return getJson(apiUrl(`/corridors/${encodeURIComponent(from)}/${encodeURIComponent(to)}`, { lang }), signal);
}

/** Query of /api/rankings, as URL parameters (the API validates them). */
export type RankingParams = {
  period?: string;
  dataset?: string;
  groupBy?: string;
  counterpart?: string;
  sex?: string;
  dims?: string;
  limit?: string;
  lang?: NameLanguage;
};

/** Countries ranked on an indicator for one period, with totals by group. */
export function getRanking(indicator: string, params: RankingParams, signal?: AbortSignal): Promise<RankingResponse> {
  return getJson(apiUrl(`/rankings/${encodeURIComponent(indicator)}`, params), signal);
}

/** Query of /api/series, as URL parameters. */
export type SeriesParams = {
  indicator: string;
  areas: string;
  dataset?: string;
  counterpart?: string;
  sex?: string;
  dims?: string;
  from?: string;
  to?: string;
  lang?: NameLanguage;
};

/** Time series of an indicator for up to 50 areas; one series per area and edition. */
export function getSeries(params: SeriesParams, signal?: AbortSignal): Promise<SeriesResponse> {
  return getJson(apiUrl('/series', params), signal);
}

/**
 * The CSV of any API answer (source columns on every row) for a reader to download: the same URL
 * with `format=csv`, and `bom=true` so that Excel reads its accented names as UTF-8.
 */
export function csvUrl(path: string, params: Record<string, string | undefined> = {}): string {
  return apiUrl(path, { ...params, format: 'csv', bom: 'true' });
}
