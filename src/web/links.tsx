import { Link, NavLink, type LinkProps, type NavLinkProps } from 'react-router-dom';
import type { UiLanguage } from '../core/languages.js';
import { useLang } from './i18n.js';

/**
 * Returns `to` (a path with an optional query string) with `lang` set, so the language the reader
 * chose survives every internal link and any link they copy can be shared as is.
 */
export function withLang(to: string, lang: UiLanguage): string {
  const [pathAndQuery = '', hash] = to.split('#', 2);
  const [path = '', query = ''] = pathAndQuery.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('lang', lang);
  return `${path}?${params.toString()}${hash === undefined ? '' : `#${hash}`}`;
}

/** A router link that carries the current UI language. */
export function LangLink({ to, ...rest }: Omit<LinkProps, 'to'> & { to: string }) {
  const lang = useLang();
  return <Link to={withLang(to, lang)} {...rest} />;
}

/** A navigation link that carries the current UI language and marks itself `aria-current="page"`. */
export function LangNavLink({ to, ...rest }: Omit<NavLinkProps, 'to'> & { to: string }) {
  const lang = useLang();
  return <NavLink to={withLang(to, lang)} {...rest} />;
}
