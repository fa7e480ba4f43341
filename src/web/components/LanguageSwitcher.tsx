import { useLocation } from 'react-router-dom';
import { UI_LANGUAGES, type UiLanguage } from '../../core/languages.js';
import { useParamPatch } from '../hooks.js';
import { LANGUAGE_NATIVE_NAMES, useLang, useT } from '../i18n.js';

/**
 * Buttons that switch the UI language by rewriting `?lang=` in place: the path and every other
 * parameter (search, filters, sort) stay, so the same view reappears in the other language.
 */
export function LanguageSwitcher() {
  const t = useT();
  const current = useLang();
  const [, patchParams] = useParamPatch();
  const { state } = useLocation();

  function handleSelectLanguage(lang: UiLanguage) {
    // Keep the history state too: a country page remembers the search it was opened from.
    patchParams({ lang }, { state: state as unknown });
  }

  return (
    <div className="language-switcher" role="group" aria-labelledby="language-switcher-label">
      <span id="language-switcher-label" className="language-switcher__label">
        {t.languageSwitcher}
      </span>
      {UI_LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          onClick={() => handleSelectLanguage(lang)}
        >
          {LANGUAGE_NATIVE_NAMES[lang]}
        </button>
      ))}
    </div>
  );
}
