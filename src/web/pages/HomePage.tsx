import { COMING_MODULES } from '../components/Shell.js';
import { useT } from '../i18n.js';
import { useDocumentTitle } from '../hooks.js';
import { LangLink } from '../links.js';

/** The landing page: what Bridges is, and its modules (countries, the data hub, the library and its gap map). */
export function HomePage() {
  const t = useT();
  useDocumentTitle(undefined, t.siteName);
  return (
    <div className="page">
      <h1>{t.homeTitle}</h1>
      <p className="lead">{t.homeLead}</p>
      <h2>{t.homeModulesHeading}</h2>
      <ul className="cards">
        <li className="card">
          <h3>
            <LangLink to="/countries">{t.navCountries}</LangLink>
          </h3>
          <p>{t.homeCountriesCard}</p>
        </li>
        <li className="card">
          <h3>
            <LangLink to="/data">{t.navDataHub}</LangLink>
          </h3>
          <p>{t.homeDataHubCard}</p>
        </li>
        <li className="card">
          <h3>
            <LangLink to="/library">{t.navLibrary}</LangLink>
          </h3>
          <p>{t.homeLibraryCard}</p>
        </li>
        <li className="card">
          <h3>
            <LangLink to="/gap-map">{t.navGapMap}</LangLink>
          </h3>
          <p>{t.homeGapMapCard}</p>
        </li>
        {COMING_MODULES.map((key) => (
          <li key={key} className="card card--coming">
            <h3>
              {t[key]} <span className="tag">{t.comingSoon}</span>
            </h3>
            <p>{t.homeComingCard}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
