import { useT } from '../i18n.js';
import { useDocumentTitle } from '../hooks.js';
import { LangLink } from '../links.js';

/**
 * Shown for any address the UI does not know, and for country codes, datasets and library records
 * the API does not know; `back` is the list the reader came from (the countries by default).
 */
export function NotFoundPage({
  countryCode,
  back = 'countries',
}: {
  countryCode?: string;
  back?: 'countries' | 'datasets' | 'library';
}) {
  const t = useT();
  const title = countryCode === undefined ? t.notFoundTitle : t.countryNotFoundTitle;
  useDocumentTitle(title, t.siteName);
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="lead">{countryCode === undefined ? t.notFoundText : t.countryNotFoundText(countryCode)}</p>
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
