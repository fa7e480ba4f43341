import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api.js';
import { useLang, useT } from '../i18n.js';
import { transitionItem, type ItemView, type WorkflowAction } from '../library-api.js';
import { useSession } from '../session.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * The editorial workflow buttons an item offers the current user: contributors submit a draft
 * for review or withdraw it; reviewers publish what is in review or return it with a comment
 * (required), and retire a published item with a reason (required). The server has the last
 * word; a refusal shows its message.
 */
export function WorkflowActions({
  id,
  state,
  version,
  authorId,
  published = false,
  retireOnly = false,
  onChanged,
  compact = false,
}: {
  id: string;
  state: string;
  version: number;
  /** Who made the last change (the submitter, when in review): only they are offered "Withdraw". */
  authorId: number | null | undefined;
  /** Whether readers see a published copy (which a reviewer may retire). */
  published?: boolean;
  /** Offer retiring only (on the published copy, where the working copy's workflow is not shown). */
  retireOnly?: boolean;
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
  // The action whose comment form is open: returning and retiring both need one.
  const [commenting, setCommenting] = useState<'return' | 'retire' | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const actions: WorkflowAction[] = [];
  if (!retireOnly) {
    if (session.can('contributor') && ['draft', 'returned', 'retired'].includes(state)) actions.push('submit');
    if (session.can('reviewer') && state === 'in_review') actions.push('publish', 'return');
    if (session.can('contributor') && state === 'in_review' && authorId === session.user?.id) actions.push('withdraw');
  }
  if (session.can('reviewer') && published && state !== 'in_review' && state !== 'retired') actions.push('retire');
  if (actions.length === 0) return null;
  const needsComment = (action: WorkflowAction): action is 'return' | 'retire' =>
    action === 'return' || action === 'retire';
  const texts = {
    return: {
      label: t.returnComment,
      hint: t.returnCommentHint,
      required: t.returnCommentRequired,
      send: t.returnSend,
    },
    retire: {
      label: t.retireComment,
      hint: t.retireCommentHint,
      required: t.retireCommentRequired,
      send: t.retireSend,
    },
  };

  async function run(action: WorkflowAction, text?: string) {
    setBusy(true);
    setError(null);
    try {
      const item = await transitionItem(id, { action, version, comment: text || undefined }, session.csrfToken, lang);
      setCommenting(null);
      setComment('');
      onChanged(item, action);
    } catch (caught) {
      setError(caught as ApiError);
      if ((caught as ApiError).status === 403) void session.refresh();
    } finally {
      setBusy(false);
    }
  }

  function handleComment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!commenting) return;
    if (!comment.trim()) {
      setCommentError(texts[commenting].required);
      document.getElementById(commentId)?.focus();
      return;
    }
    setCommentError(null);
    void run(commenting, comment.trim());
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
              aria-expanded={needsComment(action) ? commenting === action : undefined}
              onClick={() => {
                if (!needsComment(action)) return void run(action);
                setCommenting(commenting === action ? null : action);
                setCommentError(null);
              }}
            >
              {t.workflowActions[action]}
            </button>
          </li>
        ))}
      </ul>
      {commenting && (
        <form className="workflow__return" onSubmit={handleComment} noValidate>
          <div className="field">
            <label htmlFor={commentId}>{texts[commenting].label}</label>
            <p className="field__hint" id={`${commentId}-hint`}>
              {texts[commenting].hint}
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
            {texts[commenting].send}
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
