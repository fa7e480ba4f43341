import type { CountryDetail, CountryListQuery, CountryListResponse, RegionsResponse } from '../core/countries.js';
import type { ErrorCode, ErrorDetail, ErrorResponse } from '../core/errors.js';
import type { NameLanguage } from '../core/languages.js';

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

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : String(error));
  }
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
