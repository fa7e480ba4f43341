import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { termLabel } from '../../core/library-vocab.js';
import { useLang, useT } from '../i18n.js';
import { LangLink, LangNavLink, withLang } from '../links.js';
import { useSession } from '../session.js';

/**
 * Login state in the header: "Log in" (coming back to this page afterwards), or the user's name
 * and role, their review queue and "Log out".
 */
export function AccountMenu() {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  if (!session.ready) return <div className="account" aria-hidden="true" />;

  if (!session.user) {
    const here = `${location.pathname}${location.search}`;
    const next = location.pathname === '/login' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <div className="account">
        <LangLink to={`/login${next}`} className="account__login">
          {t.logIn}
        </LangLink>
      </div>
    );
  }

  async function handleLogout() {
    setBusy(true);
    try {
      await session.logout();
    } finally {
      setBusy(false);
    }
    // Editors' pages (review queue, forms) mean nothing once logged out.
    if (/^\/(review|library\/new|library\/[^/]+\/edit)/.test(location.pathname)) navigate(withLang('/library', lang));
  }

  return (
    <div className="account">
      <span className="account__who">
        {t.loggedInAs(session.user.name)} <span className="tag">{termLabel('role', session.user.role, lang)}</span>
      </span>
      {session.can('contributor') && <LangNavLink to="/review">{t.navReview}</LangNavLink>}
      <button type="button" className="link-button" onClick={() => void handleLogout()} disabled={busy}>
        {t.logOut}
      </button>
    </div>
  );
}
