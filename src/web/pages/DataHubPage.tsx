import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { listCountries } from '../api.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { LangLink, withLang } from '../links.js';

/**
 * The data hub's front page: what it holds and the ways in (explorer, catalogue, a country's
 * profile, a corridor, the SDMX API).
 */
export function DataHubPage() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  useDocumentTitle(t.navDataHub, t.siteName);
  const countries = useApi(`countries|country|${lang}`, (signal) => listCountries({ kind: 'country', lang }, signal));
  const items = countries.data?.items ?? [];
  const [profile, setProfile] = useState('PHL');
  const [from, setFrom] = useState('PHL');
  const [to, setTo] = useState('USA');
  const profileId = useId();
  const fromId = useId();
  const toId = useId();

  function handleProfile(event: FormEvent) {
    event.preventDefault();
    void navigate(withLang(`/countries/${profile}/profile`, lang));
  }

  function handleCorridor(event: FormEvent) {
    event.preventDefault();
    void navigate(withLang(`/corridors/${from}/${to}`, lang));
  }

  const options = items.map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}
    </option>
  ));

  return (
    <div className="page">
      <h1>{t.dataHubTitle}</h1>
      <p className="lead">{t.dataHubLead}</p>
      <ul className="cards">
        <li className="card">
          <h2 className="card__title">
            <LangLink to="/explorer">{t.navExplorer}</LangLink>
          </h2>
          <p>{t.explorerCard}</p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <LangLink to="/datasets">{t.navDatasets}</LangLink>
          </h2>
          <p>{t.datasetsCard}</p>
        </li>
        <li className="card">
          <h2 className="card__title">{t.profilesCardTitle}</h2>
          <form className="card__form" onSubmit={handleProfile}>
            <label htmlFor={profileId}>{t.countryLabel}</label>
            <select id={profileId} value={profile} onChange={(e) => setProfile(e.target.value)}>
              {items.length === 0 && <option value="PHL">PHL</option>}
              {options}
            </select>
            <button type="submit" className="button-secondary">
              {t.openProfile}
            </button>
          </form>
        </li>
        <li className="card">
          <h2 className="card__title">{t.corridorsCardTitle}</h2>
          <form className="card__form" onSubmit={handleCorridor}>
            <label htmlFor={fromId}>{t.originLabel}</label>
            <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value)}>
              {items.length === 0 && <option value="PHL">PHL</option>}
              {options}
            </select>
            <label htmlFor={toId}>{t.destinationLabel}</label>
            <select id={toId} value={to} onChange={(e) => setTo(e.target.value)}>
              {items.length === 0 && <option value="USA">USA</option>}
              {options}
            </select>
            <button type="submit" className="button-secondary">
              {t.openCorridorButton}
            </button>
          </form>
        </li>
        <li className="card">
          <h2 className="card__title">{t.sdmxHeading}</h2>
          <p>{t.sdmxCard}</p>
          <p>
            <a href="/api/sdmx/dataflow">/api/sdmx/dataflow</a> · <a href="/api/docs">{t.footerApi}</a>
          </p>
        </li>
      </ul>
    </div>
  );
}
