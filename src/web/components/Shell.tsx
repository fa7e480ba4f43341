import { useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { toUiLanguage } from '../../core/languages.js';
import { LanguageContext, messagesFor, type Messages } from '../i18n.js';
import { LangLink, LangNavLink } from '../links.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

/** Modules announced in the navigation before they exist, so readers see where Bridges is going. */
export const COMING_MODULES = [
  'navDataHub',
  'navLibrary',
  'navNetwork',
  'navScenarios',
] as const satisfies readonly (keyof Messages)[];

/**
 * The frame of every page: skip link, header with navigation and language switcher, the page in
 * `<main>`, and the footer. It reads the UI language from `?lang=` and provides it to the pages.
 */
export function Shell() {
  const [searchParams] = useSearchParams();
  const lang = toUiLanguage(searchParams.get('lang'));
  const t = messagesFor(lang);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // After a client-side navigation to another page, move focus to <main> as a full page load
  // would reset it, so keyboard and screen-reader users start reading the new page. Changes of
  // the query alone (filters, sorting, language) keep focus where the reader is working.
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [pathname]);

  function handleSkipToMain(event: MouseEvent<HTMLAnchorElement>) {
    // NOTE: focus main by hand rather than following "#main", which would add a hash to a URL
    // that readers copy and share.
    event.preventDefault();
    mainRef.current?.focus();
    mainRef.current?.scrollIntoView();
  }

  return (
    <LanguageContext.Provider value={lang}>
      <a className="skip-link" href="#main" onClick={handleSkipToMain}>
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <LangLink to="/" className="brand">
            <span className="brand__name">{t.siteName}</span>
            <span className="brand__tagline">{t.siteTagline}</span>
          </LangLink>
          <LanguageSwitcher />
        </div>
        <nav className="site-nav" aria-label={t.mainNavigation}>
          <ul className="site-nav__list">
            <li>
              <LangNavLink to="/" end>
                {t.navHome}
              </LangNavLink>
            </li>
            <li>
              <LangNavLink to="/countries">{t.navCountries}</LangNavLink>
            </li>
            {COMING_MODULES.map((key) => (
              <li key={key}>
                {/* A link that is not yet a link: announced as unavailable, skipped by Tab. */}
                <a role="link" aria-disabled="true" className="site-nav__coming">
                  {t[key]} <span className="tag">{t.comingSoon}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>{t.footerSources}</p>
          <p>
            <a href="/api/docs">{t.footerApi}</a> · {t.footerLicence}
          </p>
        </div>
      </footer>
    </LanguageContext.Provider>
  );
}
