import { COMING_MODULES } from '../components/Shell.js';
import { useT, type Messages } from '../i18n.js';
import { useDocumentTitle } from '../hooks.js';
import { LangLink } from '../links.js';

/** Questions users bring, each answered by a page of the platform (OWID's front page does the same). */
const QUESTIONS: readonly { key: keyof Messages['homeQuestions']; to: string }[] = [
  { key: 'philippines', to: '/countries/PHL/profile' },
  { key: 'mexicoUsa', to: '/corridors/MEX/USA' },
  { key: 'dependence', to: '/explorer?indicator=remittance_inflows_pct_gdp' },
  { key: 'cost', to: '/explorer?indicator=remittance_cost_pct' },
  { key: 'displaced', to: '/explorer?indicator=forcibly_displaced' },
  { key: 'evidence', to: '/gap-map' },
];

/**
 * The landing page: what Bridges is, questions to start from, and its modules (countries, the
 * data hub, the library and its gap map).
 */
export function HomePage() {
  const t = useT();
  useDocumentTitle(undefined, t.siteName);
  return (
    <div className="page">
      <h1>{t.homeTitle}</h1>
      <p className="lead">{t.homeLead}</p>
      <h2>{t.homeQuestionsHeading}</h2>
      <ul className="questions">
        {QUESTIONS.map(({ key, to }) => (
          <li key={key}>
            <LangLink to={to}>{t.homeQuestions[key]}</LangLink>
          </li>
        ))}
      </ul>
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
