import { useT } from '../i18n.js';
import { LangLink } from '../links.js';

/**
 * Previous and next links with "page n of m" between them. Pages are links (with the page in the
 * URL), so each can be opened in a new tab and the back button goes back a page.
 */
export function Pagination({
  page,
  pageCount,
  hrefOf,
}: {
  page: number;
  pageCount: number;
  hrefOf: (page: number) => string;
}) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t.pagination}>
      <ul>
        <li>
          {page > 1 ? (
            <LangLink to={hrefOf(page - 1)} rel="prev">
              <span aria-hidden="true">← </span>
              {t.previousPage}
            </LangLink>
          ) : (
            <span className="pagination__disabled">{t.previousPage}</span>
          )}
        </li>
        <li aria-current="page">{t.pageOf(page, pageCount)}</li>
        <li>
          {page < pageCount ? (
            <LangLink to={hrefOf(page + 1)} rel="next">
              {t.nextPage}
              <span aria-hidden="true"> →</span>
            </LangLink>
          ) : (
            <span className="pagination__disabled">{t.nextPage}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
