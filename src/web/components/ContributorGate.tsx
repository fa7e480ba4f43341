import { useLocation } from 'react-router-dom';
import { useT } from '../i18n.js';
import { LangLink } from '../links.js';
import { useSession } from '../session.js';
import { Loading } from './Loading.js';

/**
 * What a page for contributors shows in its place: "Loading…" until the session is known, then,
 * to a reader who may not use it, why not, with a link to log in and come back.
 */
export function ContributorGate({ title }: { title: string }) {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  if (!session.ready) {
    return (
      <div className="page">
        <Loading />
      </div>
    );
  }
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div className="page">
      <h1>{title}</h1>
      {session.user ? (
        <p>{t.needsContributor}</p>
      ) : (
        <p>
          {t.needsLogin} <LangLink to={`/login?next=${next}`}>{t.logIn}</LangLink>
        </p>
      )}
    </div>
  );
}
