import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { termLabel } from '../../core/library-vocab.js';
import { ApiError } from '../api.js';
import { FormErrorsContext, TextField } from '../components/FormFields.js';
import { useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { safeNextPath } from '../library.js';
import { withLang } from '../links.js';
import { useSession } from '../session.js';

/** Logging in: email and password, then back to the page that sent the reader here (`?next=`). */
export function LoginPage() {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useDocumentTitle(t.loginTitle, t.siteName);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!email.trim()) found.email = t.validation.required;
    if (!password) found.password = t.validation.required;
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.email ? 'field-email' : 'field-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      await session.login(email.trim(), password);
      navigate(withLang(next ?? '/library', lang), { replace: true });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : null;
      setFailure(
        error?.status === 401
          ? t.loginWrong
          : error?.status === 429
            ? t.loginTooMany
            : error?.code === 'network_error'
              ? t.networkError
              : (error?.message ?? String(caught)),
      );
      setPassword('');
      requestAnimationFrame(() => alertRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page page--narrow">
      <h1>{t.loginTitle}</h1>
      {session.user && (
        <p className="note-box">{t.alreadyLoggedIn(session.user.name, termLabel('role', session.user.role, lang))}</p>
      )}
      <p className="lead">{t.loginLead}</p>
      <div ref={alertRef} tabIndex={-1} role={failure ? 'alert' : undefined} className={failure ? 'alert' : undefined}>
        {failure && <p>{failure}</p>}
      </div>
      <FormErrorsContext.Provider value={errors}>
        <form className="login-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
          <TextField
            path="email"
            label={t.email}
            type="email"
            value={email}
            onChange={setEmail}
            required
            autoComplete="username"
          />
          <TextField
            path="password"
            label={t.password}
            type="password"
            value={password}
            onChange={setPassword}
            required
            autoComplete="current-password"
          />
          <div className="form-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? t.loggingIn : t.logIn}
            </button>
          </div>
        </form>
      </FormErrorsContext.Provider>
    </div>
  );
}
