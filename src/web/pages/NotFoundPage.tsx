import { useT } from '../i18n.js';
import { useDocumentTitle } from '../hooks.js';
import { LangLink } from '../links.js';

/** Shown for any address the UI does not know, and for country codes the API does not know. */
export function NotFoundPage({ countryCode }: { countryCode?: string }) {
  const t = useT();
  const title = countryCode === undefined ? t.notFoundTitle : t.countryNotFoundTitle;
  useDocumentTitle(title, t.siteName);
  return (
    <div className="page">
      <h1>{title}</h1>
      <p className="lead">{countryCode === undefined ? t.notFoundText : t.countryNotFoundText(countryCode)}</p>
      <ul className="link-list">
        <li>
          <LangLink to="/countries">{t.backToCountries}</LangLink>
        </li>
        <li>
          <LangLink to="/">{t.backHome}</LangLink>
        </li>
      </ul>
    </div>
  );
}
