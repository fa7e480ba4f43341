import { useT } from '../i18n.js';

/** "Loading…" where a page's content will appear, announced to screen readers as a status. */
export function Loading() {
  const t = useT();
  return (
    <p role="status" className="loading">
      {t.loading}
    </p>
  );
}
