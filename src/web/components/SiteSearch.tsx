import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLang, useT } from '../i18n.js';
import { withLang } from '../links.js';

/** The search box in the header of every page: one search over records, evidence, countries and datasets. */
export function SiteSearch() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const inputId = useId();
  const [text, setText] = useState('');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = text.trim();
    navigate(withLang(q ? `/search?q=${encodeURIComponent(q)}` : '/search', lang));
    setText('');
  }

  return (
    <form className="site-search" role="search" aria-label={t.siteSearch} onSubmit={handleSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t.siteSearchLabel}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        value={text}
        placeholder={t.siteSearchPlaceholder}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button-primary">
        {t.searchButton}
      </button>
    </form>
  );
}
