import { useId, useMemo, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { listCountries } from '../api.js';
import { pickerPatch, readPickerChoices, type PickerKey } from '../datahub-pickers.js';
import { useApi, useDocumentTitle, useParamPatch } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { LangLink, withLang } from '../links.js';
import { sdmxUrlIn } from '../sdmx.js';

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
  const items = countries.data?.items;
  // Places no loaded dataset has (Antarctica, Bouvet Island…) would open an empty page: not
  // offered, unless none has data yet (a first start still loading), when all are.
  const offered = useMemo(() => {
    const withData = items?.filter((c) => c.hasData) ?? [];
    return withData.length ? withData : (items ?? []);
  }, [items]);
  const codes = useMemo(() => new Set(offered.map((c) => c.code)), [offered]);
  // The choices live in the URL, so Back from the profile or corridor they open restores them.
  const [searchParams, patchParams] = useParamPatch();
  const { country: profile, from, to } = readPickerChoices(searchParams, codes);
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

  function handlePick(key: PickerKey, code: string) {
    // Replaced, not added: Back leaves the data hub rather than stepping through each pick.
    patchParams(pickerPatch(key, code), { replace: true, preventScrollReset: true });
  }

  const options = offered.map((c) => (
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
            <select id={profileId} value={profile} onChange={(e) => handlePick('country', e.target.value)}>
              {codes.size === 0 && <option value={profile}>{profile}</option>}
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
            <select id={fromId} value={from} onChange={(e) => handlePick('from', e.target.value)}>
              {codes.size === 0 && <option value={from}>{from}</option>}
              {options}
            </select>
            <label htmlFor={toId}>{t.destinationLabel}</label>
            <select id={toId} value={to} onChange={(e) => handlePick('to', e.target.value)}>
              {codes.size === 0 && <option value={to}>{to}</option>}
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
            <a href={sdmxUrlIn('/api/sdmx/dataflow', lang)}>/api/sdmx/dataflow</a> ·{' '}
            <a href="/api/docs">{t.footerApi}</a>
          </p>
        </li>
      </ul>
    </div>
  );
}
