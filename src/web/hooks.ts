import { useEffect, useState, useSyncExternalStore } from 'react';
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
