import { useEffect, useState } from 'react';
import type { StatusResponse } from '../../core/health.js';
import { getStatus, isAbortError } from '../api.js';
import { dataChanged } from '../hooks.js';
import { useLang, useT } from '../i18n.js';

/** How often the banner asks /api/status while datasets load. */
const POLL_MS = 3000;

/** Datasets that are usable: loaded at this start, or already there from an earlier one. */
function readyCount(status: StatusResponse): number {
  return status.datasets.filter((d) => d.state === 'loaded' || d.state === 'unchanged').length;
}

/**
 * A polite banner while the bundled datasets load in the background after a start: "Loading
 * data: 3 of 12 datasets ready". It polls /api/status until the load is over, then goes away
 * (it stays only to say that a dataset failed to load). As datasets become ready, the pages
 * fetch their data again (dataChanged).
 */
export function LoadStatusBanner() {
  const t = useT();
  const lang = useLang();
  const [status, setStatus] = useState<StatusResponse | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    let ready: number | null = null;
    const poll = () => {
      getStatus(controller.signal).then(
        (next) => {
          setStatus(next);
          // More datasets ready than at the last poll: the pages ask for their data again.
          if (ready !== null && readyCount(next) > ready) dataChanged();
          ready = readyCount(next);
          if (next.loading) timer = window.setTimeout(poll, POLL_MS);
        },
        (error: unknown) => {
          // A status that cannot be read is no reason to alarm anyone; try again a little later.
          if (!isAbortError(error)) timer = window.setTimeout(poll, POLL_MS * 3);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, []);

  const failed = status?.datasets.filter((d) => d.state === 'failed') ?? [];
  const loading = status?.loading === true;
  return (
    // The live region is always in the page, so screen readers announce the text as it changes.
    <div className="load-banner-region" role="status" aria-live="polite">
      {loading && status && (
        <div className="load-banner">
          <span className="load-banner__spinner" aria-hidden="true" />
          {t.loadingData(readyCount(status), status.datasets.length, lang)}
        </div>
      )}
      {!loading && failed.length > 0 && (
        <div className="load-banner load-banner--failed">{t.loadFailed(failed.map((d) => d.id).join(', '))}</div>
      )}
    </div>
  );
}
