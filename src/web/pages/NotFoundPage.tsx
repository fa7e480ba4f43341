import { useT } from '../i18n.js';
import { useDocumentTitle } from '../hooks.js';
import { LangLink } from '../links.js';

/**
 * Shown for any address the UI does not know, and for country codes, datasets and library records
 * the API does not know, with what the API said of it (`reason`); `back` is the list the reader
 * came from (the countries by default), and names what was not found when it is the library's.
 */
export function NotFoundPage({
  countryCode,
  reason,
  back = 'countries',
}: {
  countryCode?: string;
  /** What the API said of the address beyond "not found" (its English words: "608 is the M49 code of the Philippines: Bridges uses PHL"). */
  reason?: string;
  back?: 'countries' | 'datasets' | 'library';
}) {
  const t = useT();
  // The heading says what the title says (the item page titles its own "Item not found").
  const [title, text] =
    countryCode !== undefined
      ? [t.countryNotFoundTitle, t.countryNotFoundText(countryCode)]
      : back === 'library'
        ? [t.itemNotFoundTitle, t.itemNotFoundText]
        : [t.notFoundTitle, t.notFoundText];
  useDocumentTitle(title, t.siteName);
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      {reason && (
        <p className="not-found__reason" lang="en">
          {reason}
        </p>
      )}
      <ul className="link-list">
        <li>
          <LangLink to={`/${back}`}>
            {back === 'datasets' ? t.backToDatasets : back === 'library' ? t.backToLibrary : t.backToCountries}
          </LangLink>
        </li>
        <li>
          <LangLink to="/">{t.backHome}</LangLink>
        </li>
      </ul>
    </div>
  );
}
