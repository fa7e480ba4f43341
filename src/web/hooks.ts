import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { ApiError, isAbortError } from './api.js';

/** What a component knows about one API call: the last data it received and the current state. */
export type ApiState<T> = {
  /** Last successful response, kept while a newer request is loading so the page does not flash. */
  data: T | undefined;
  /** The error of the latest request, if it failed. */
  error: ApiError | undefined;
  loading: boolean;
};

// The data the server holds changes while the bundled datasets load after a first start: each
// time more are ready (LoadStatusBanner says so), every page asks again, so that a profile opened
// early does not keep saying "no data" once its data are there.
let dataVersion = 0;
const dataListeners = new Set<() => void>();

/** More datasets are ready than when the pages last asked: they ask again. */
export function dataChanged(): void {
  dataVersion++;
  for (const listener of dataListeners) listener();
}

function subscribeToData(listener: () => void): () => void {
  dataListeners.add(listener);
  return () => dataListeners.delete(listener);
}

/**
 * Runs `request` whenever `key` changes (and when more data are ready, see dataChanged), aborting
 * the previous request so a slow answer to an old search can never overwrite the answer to a
 * newer one.
 */
export function useApi<T>(key: string, request: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ data: undefined, error: undefined, loading: true });
  const version = useSyncExternalStore(subscribeToData, () => dataVersion);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    request(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError(0, 'bad_response', error instanceof Error ? error.message : String(error));
        setState((previous) => ({ ...previous, error: apiError, loading: false }));
      },
    );
    return () => controller.abort();
    // NOTE: `key` stands for everything `request` depends on (callers build it from the same
    // values), so the request itself can be an inline closure without refetching on each render.
  }, [key, version]);

  return state;
}

/** Sets `document.title` to "<page> — Bridges" while the component is mounted. */
export function useDocumentTitle(pageTitle: string | undefined, siteName: string): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${siteName}` : siteName;
  }, [pageTitle, siteName]);
}

/** Query parameters to set; null or '' removes one. */
export type ParamPatch = Record<string, string | null>;

export type PatchOptions = {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  preventScrollReset?: boolean;
  /** The history entry's state (a country page remembers the search it was opened from). */
  state?: unknown;
  /**
   * The page correcting a link it cannot show (an effect, not the reader): rendered in a
   * transition, as the router does by default.
   */
  correction?: boolean;
};

/**
 * The URL's query parameters, and a function that sets or removes some of them, keeping the rest.
 * A reader's change is rendered before the next event is handled (flushSync) rather than in a
 * transition, the router's default: a click right after it would otherwise act on the page as it
 * was before, and undo it (removing a country from the explorer's chart and adding another at
 * once brought the first one back).
 */
export function useParamPatch(): [URLSearchParams, (patch: ParamPatch, options?: PatchOptions) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const update = useCallback(
    (patch: ParamPatch, { correction = false, ...options }: PatchOptions = {}) =>
      setSearchParams(
        (params) => {
          const next = new URLSearchParams(params);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { ...options, flushSync: !correction },
      ),
    [setSearchParams],
  );
  return [searchParams, update];
}

/**
 * Brings the element the address's #fragment names into view once the page has drawn it
 * (`ready`: its data came). A client-side link to /datasets#family-undesa-ims otherwise stays at
 * the top, the section not yet there when the browser would have looked for it (Shell leaves the
 * scroll to this when there is a fragment).
 */
export function useScrollToHash(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || hash.length < 2) return;
    document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [ready, hash]);
}
