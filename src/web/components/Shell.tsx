import { useEffect, useRef, type MouseEvent } from 'react';
import { Outlet, useLocation, useSearchParams } from 'react-router-dom';
import { isUiLanguage, preferredUiLanguage } from '../../core/languages.js';
import { LanguageContext, messagesFor, type Messages } from '../i18n.js';
import { LangLink, LangNavLink } from '../links.js';
import { SessionProvider } from '../session.js';
import { AccountMenu } from './AccountMenu.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { LoadStatusBanner } from './LoadStatusBanner.js';
import { SiteSearch } from './SiteSearch.js';

/**
 * Paths of the data hub's pages: its nav entry is current on all of them. A country's data
 * profile lives under Countries (/countries/PHL/profile), where its breadcrumb and tabs lead.
 */
export const DATA_HUB_PATHS = [/^\/data$/, /^\/datasets(\/|$)/, /^\/explorer$/, /^\/corridors\//];

export function isDataHubPath(pathname: string): boolean {
  return DATA_HUB_PATHS.some((pattern) => pattern.test(pathname));
}

/** The library's pages (records, organisations, studies, their forms and history; the review queue). */
export function isLibraryPath(pathname: string): boolean {
  return /^\/library(\/|$)/.test(pathname) || /^\/review$/.test(pathname);
}

/** Modules announced in the navigation before they exist, so readers see where Bridges is going. */
export const COMING_MODULES = ['navNetwork', 'navScenarios'] as const satisfies readonly (keyof Messages)[];

/**
 * The frame of every page: skip link, header with navigation and language switcher, the page in
 * `<main>`, and the footer. It reads the UI language from `?lang=` (a link without one: the language
 * the browser prefers, which every link from then on carries) and provides it to the pages.
 */
export function Shell() {
  const [searchParams] = useSearchParams();
  const asked = searchParams.get('lang');
  const lang = isUiLanguage(asked) ? asked : preferredUiLanguage(navigator.languages);
  const t = messagesFor(lang);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname, hash } = useLocation();
  const previousPathname = useRef(pathname);
  const inDataHub = isDataHubPath(pathname);
  const inLibrary = isLibraryPath(pathname);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // After a client-side navigation to another page, move focus to <main> as a full page load
  // would reset it, so keyboard and screen-reader users start reading the new page. Changes of
  // the query alone (filters, sorting, language) keep focus where the reader is working.
  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    mainRef.current?.focus({ preventScroll: hash !== '' });
    // A link to a section (#family-…) is scrolled to by its page once drawn (useScrollToHash).
    if (!hash) window.scrollTo(0, 0);
  }, [pathname]);

  // On a phone the navigation is one scrolling line: bring the current entry into it.
  const navListRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const list = navListRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    const item = current.offsetLeft - list.offsetLeft;
    if (item < list.scrollLeft || item + current.offsetWidth > list.scrollLeft + list.clientWidth)
      list.scrollLeft = item - 16;
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
      <SessionProvider>
        <a className="skip-link" href="#main" onClick={handleSkipToMain}>
          {t.skipToContent}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <LangLink to="/" className="brand">
              <span className="brand__name">{t.siteName}</span>
              <span className="brand__tagline">{t.siteTagline}</span>
            </LangLink>
            {/* The search page has its own, larger box. */}
            {pathname !== '/search' && <SiteSearch />}
            <LanguageSwitcher />
          </div>
          <div className="site-nav__bar">
            <nav className="site-nav" aria-label={t.mainNavigation}>
              <ul className="site-nav__list" ref={navListRef}>
                <li>
                  <LangNavLink to="/" end>
                    {t.navHome}
                  </LangNavLink>
                </li>
                <li>
                  <LangNavLink to="/countries">{t.navCountries}</LangNavLink>
                </li>
                <li>
                  {/* Current on every data hub page (explorer, catalogue, profiles, corridors). */}
                  <LangLink to="/data" aria-current={inDataHub ? 'page' : undefined}>
                    {t.navDataHub}
                  </LangLink>
                </li>
                <li>
                  {/* Current on every library page (items, forms, history, review queue). */}
                  <LangLink to="/library" aria-current={inLibrary ? 'page' : undefined}>
                    {t.navLibraryShort}
                  </LangLink>
                </li>
                <li>
                  <LangNavLink to="/gap-map">{t.navGapMap}</LangNavLink>
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
            <AccountMenu />
          </div>
          {inDataHub && (
            <nav className="sub-nav" aria-label={t.dataHubNavigation}>
              <ul className="sub-nav__list">
                <li>
                  <LangNavLink to="/data" end>
                    {t.navDataHubOverview}
                  </LangNavLink>
                </li>
                <li>
                  <LangNavLink to="/explorer">{t.navExplorer}</LangNavLink>
                </li>
                <li>
                  <LangNavLink to="/datasets">{t.navDatasets}</LangNavLink>
                </li>
              </ul>
            </nav>
          )}
        </header>
        <LoadStatusBanner />
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
      </SessionProvider>
    </LanguageContext.Provider>
  );
}
