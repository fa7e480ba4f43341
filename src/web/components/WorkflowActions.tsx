import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { transitionItem, type ItemView, type WorkflowAction } from '../library-api.js';
import { useSession } from '../session.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The editorial workflow buttons an item offers the current user: contributors submit a draft
 * for review or withdraw it; reviewers publish what is in review or return it with a comment
 * (required). The server has the last word; a refusal shows its message.
 */
export function WorkflowActions({
  id,
  state,
  version,
  authorId,
  onChanged,
  compact = false,
}: {
  id: string;
  state: string;
  version: number;
  /** Who made the last change (the submitter, when in review): only they are offered "Withdraw". */
  authorId: number | null | undefined;
  /** Called with the item after the change. */
  onChanged: (item: ItemView, action: WorkflowAction) => void;
  /** In a table row: smaller buttons. */
  compact?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const commentId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const actions: WorkflowAction[] = [];
  if (session.can('contributor') && (state === 'draft' || state === 'returned')) actions.push('submit');
  if (session.can('reviewer') && state === 'in_review') actions.push('publish', 'return');
  if (session.can('contributor') && state === 'in_review' && authorId === session.user?.id) actions.push('withdraw');
  if (actions.length === 0) return null;

  async function run(action: WorkflowAction, text?: string) {
    setBusy(true);
    setError(null);
    try {
      const item = await transitionItem(id, { action, version, comment: text || undefined }, session.csrfToken, lang);
      setReturning(false);
      setComment('');
      onChanged(item, action);
    } catch (caught) {
      setError(caught as ApiError);
      if ((caught as ApiError).status === 403) void session.refresh();
    } finally {
      setBusy(false);
    }
  }

  function handleReturn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!comment.trim()) {
      setCommentError(t.returnCommentRequired);
      document.getElementById(commentId)?.focus();
      return;
    }
    setCommentError(null);
    void run('return', comment.trim());
  }

  const buttonClass = compact ? 'button-small' : 'button-secondary';
  return (
    <div className="workflow">
      <ul className="inline-list workflow__buttons">
        {actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={action === 'publish' || action === 'submit' ? `${buttonClass} button--strong` : buttonClass}
              disabled={busy}
              aria-expanded={action === 'return' ? returning : undefined}
              onClick={() => (action === 'return' ? setReturning(!returning) : void run(action))}
            >
              {t.workflowActions[action]}
            </button>
          </li>
        ))}
      </ul>
      {returning && (
        <form className="workflow__return" onSubmit={handleReturn} noValidate>
          <div className="field">
            <label htmlFor={commentId}>{t.returnComment}</label>
            <p className="field__hint" id={`${commentId}-hint`}>
              {t.returnCommentHint}
            </p>
            <textarea
              id={commentId}
              rows={3}
              value={comment}
              required
              aria-invalid={commentError ? true : undefined}
              aria-describedby={`${commentId}-hint${commentError ? ` ${commentId}-error` : ''}`}
              onChange={(event) => setComment(event.target.value)}
            />
            {commentError && (
              <p className="field__error" id={`${commentId}-error`}>
                {commentError}
              </p>
            )}
          </div>
          <button type="submit" className="button-secondary" disabled={busy}>
            {t.returnSend}
          </button>
        </form>
      )}
      {error && (
        <div>
          <ErrorAlert error={error} />
          {error.status === 409 && <p>{t.workflowConflict}</p>}
        </div>
      )}
    </div>
  );
}
