import type { z } from 'zod';
import type {
  GapMap as GapMapSchema,
  ItemView,
  ReviewQueue as ReviewQueueSchema,
  RevisionDetail as RevisionDetailSchema,
  RevisionList as RevisionListSchema,
  SearchFacet,
  SearchResponse,
  SessionInfo as SessionInfoSchema,
  SourceDocumentList,
  TransitionBody,
} from '../core/library.js';
import type { ItemType } from '../core/library-vocab.js';
import type { UiLanguage } from '../core/languages.js';
import { apiUrl, requestJson } from './api.js';

/**
 * The typed client of the library, search and account API. Reads go through `requestJson` like
 * the rest of the UI; every change (POST, PUT) carries the session's CSRF token, which callers
 * get from `useSession()`.
 */

export type SessionInfo = z.infer<typeof SessionInfoSchema>;
export type SessionUser = NonNullable<SessionInfo['user']>;
export type RevisionList = z.infer<typeof RevisionListSchema>;
export type RevisionSummary = RevisionList['revisions'][number];
export type RevisionDetail = z.infer<typeof RevisionDetailSchema>;
export type ReviewQueue = z.infer<typeof ReviewQueueSchema>;
export type GapMap = z.infer<typeof GapMapSchema>;
export type GapMapCell = GapMap['cells'][number];
export type { ItemView, SearchResponse, SearchFacet };

/** Who is logged in (`user: null` when nobody) and the token their changes must carry. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return requestJson(apiUrl('/auth/session'), undefined, signal);
}

/** Opens a session; rejects with a 401 ApiError when the email or password is wrong. */
export function login(email: string, password: string, csrfToken: string | null): Promise<SessionInfo> {
  return requestJson(apiUrl('/auth/login'), { method: 'POST', body: { email, password }, csrfToken });
}

export function logout(csrfToken: string | null): Promise<void> {
  return requestJson(apiUrl('/auth/logout'), { method: 'POST', csrfToken });
}

/** Parameters of /api/search as they sit in the URL: facet values are comma-separated lists. */
export type SearchParams = Partial<Record<SearchFacet, string>> & {
  q?: string;
  lang: UiLanguage;
  limit?: string;
  offset?: string;
};

/** One search over the whole platform, with facet counts and highlighted snippets. */
export function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResponse> {
  return requestJson(apiUrl('/search', params), undefined, signal);
}

/** One library item; `working` asks for the editors' working copy (drafts included). */
export function getItem(id: string, lang: UiLanguage, working: boolean, signal?: AbortSignal): Promise<ItemView> {
  return requestJson(
    apiUrl(`/library/items/${encodeURIComponent(id)}`, { lang, view: working ? 'working' : undefined }),
    undefined,
    signal,
  );
}

/** Creates a draft; answers it (201). */
export function createItem(
  input: { type: ItemType; id: string; data: unknown },
  csrfToken: string | null,
): Promise<ItemView> {
  return requestJson(apiUrl('/library/items'), { method: 'POST', body: input, csrfToken });
}

/** Saves the whole data of an item; a 409 ApiError when someone saved since `version`. */
export function saveItem(
  id: string,
  version: number,
  data: unknown,
  csrfToken: string | null,
  lang: UiLanguage,
): Promise<ItemView> {
  return requestJson(apiUrl(`/library/items/${encodeURIComponent(id)}`, { lang }), {
    method: 'PUT',
    body: { version, data },
    csrfToken,
  });
}

export type WorkflowAction = TransitionBody['action'];

/** Moves an item through the editorial workflow (submit, publish, return with a comment, withdraw, retire). */
export function transitionItem(
  id: string,
  body: { action: WorkflowAction; version: number; comment?: string },
  csrfToken: string | null,
  lang: UiLanguage,
): Promise<ItemView> {
  return requestJson(apiUrl(`/library/items/${encodeURIComponent(id)}/transitions`, { lang }), {
    method: 'POST',
    body,
    csrfToken,
  });
}

export function listRevisions(id: string, signal?: AbortSignal): Promise<RevisionList> {
  return requestJson(apiUrl(`/library/items/${encodeURIComponent(id)}/revisions`), undefined, signal);
}

/** One revision with its data and the field-by-field changes against the previous one. */
export function getRevision(id: string, version: number, signal?: AbortSignal): Promise<RevisionDetail> {
  return requestJson(
    apiUrl(`/library/items/${encodeURIComponent(id)}/revisions/${String(version)}`),
    undefined,
    signal,
  );
}

/** Makes a new draft version equal to an old one; `current` is the item's version now. */
export function restoreRevision(
  id: string,
  version: number,
  current: number,
  csrfToken: string | null,
): Promise<ItemView> {
  return requestJson(apiUrl(`/library/items/${encodeURIComponent(id)}/revisions/${String(version)}/restore`), {
    method: 'POST',
    body: { version: current },
    csrfToken,
  });
}

export function getReviewQueue(signal?: AbortSignal): Promise<ReviewQueue> {
  return requestJson(apiUrl('/library/review-queue'), undefined, signal);
}

/** Filters of the evidence gap map, as they sit in the URL. */
export type GapMapParams = { region?: string; theme?: string; design?: string; from?: string; to?: string };

export function getGapMap(params: GapMapParams & { lang: UiLanguage }, signal?: AbortSignal): Promise<GapMap> {
  return requestJson(apiUrl('/library/gap-map', params), undefined, signal);
}

/** The gap map as a file (the API's own CSV, with a byte-order mark for Excel, or JSON). */
export function gapMapFileUrl(params: GapMapParams & { lang: UiLanguage }, format: 'csv' | 'json'): string {
  return apiUrl('/library/gap-map', { ...params, format, ...(format === 'csv' ? { bom: 'true' } : {}) });
}

/**
 * Downloads of the published library: records as CSV (with a byte-order mark, so that Excel reads
 * French and Spanish titles as UTF-8) or JSON, studies as RIS or CSL-JSON.
 */
export const LIBRARY_EXPORTS = [
  { key: 'csv', url: apiUrl('/library/export', { format: 'csv', bom: 'true' }) },
  { key: 'json', url: apiUrl('/library/export', { format: 'json' }) },
  { key: 'ris', url: apiUrl('/library/studies/export', { format: 'ris' }) },
  { key: 'csl', url: apiUrl('/library/studies/export', { format: 'csl-json' }) },
] as const;

/**
 * What each bundled source document is (its label, title, meeting), asked once per page load and
 * shared by every citation that names one.
 */
let sourceDocuments: Promise<SourceDocumentList> | undefined;
export function listSourceDocuments(): Promise<SourceDocumentList> {
  sourceDocuments ??= requestJson<SourceDocumentList>(apiUrl('/library/sources')).catch((error: unknown) => {
    sourceDocuments = undefined;
    throw error;
  });
  return sourceDocuments;
}

/** The bundled source document a citation points to, as plain text. */
export function sourceDocumentUrl(file: string): string {
  return apiUrl(`/library/sources/${encodeURIComponent(file)}`);
}
