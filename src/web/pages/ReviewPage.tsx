import { useState } from 'react';
import { termLabel } from '../../core/library-vocab.js';
import { StateBadge } from '../components/Badges.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { ContributorGate } from '../components/ContributorGate.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { ReviewComment } from '../components/ReviewComment.js';
import { Section } from '../components/Section.js';
import { WorkflowActions } from '../components/WorkflowActions.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { getReviewQueue, type WorkflowAction } from '../library-api.js';
import { formatDateTime, itemPath } from '../library.js';
import { LangLink } from '../links.js';
import { useSession } from '../session.js';

/**
 * The review queue: what waits for a reviewer (publish, or return with a comment), and the
 * user's own drafts and returned items with the reviewer's comment.
 */
export function ReviewPage() {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const [reload, setReload] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const allowed = session.can('contributor');
  const queue = useApi(`review|${String(reload)}|${String(allowed)}|${session.user?.id ?? ''}`, (signal) =>
    allowed ? getReviewQueue(signal) : new Promise<never>(() => undefined),
  );
  useDocumentTitle(t.reviewTitle, t.siteName);

  if (!session.ready || !allowed) return <ContributorGate title={t.reviewTitle} />;

  function handleChanged(title: string, action: WorkflowAction) {
    setAnnouncement(t.workflowDoneOn(title, action));
    setReload((n) => n + 1);
  }

  const data = queue.data;
  return (
    <div className="page">
      <h1>{t.reviewTitle}</h1>
      <p className="lead">{session.can('reviewer') ? t.reviewLeadReviewer : t.reviewLeadContributor}</p>
      <p role="status" className="announcement">
        {announcement}
      </p>
      {queue.error && <ErrorAlert error={queue.error} />}
      {!data && !queue.error && <p className="loading">{t.loading}</p>}
      {data && (
        <>
          <Section id="in-review" title={t.inReviewHeading(data.inReview.length)}>
            {data.inReview.length === 0 ? (
              <p className="empty">{t.nothingInReview}</p>
            ) : (
              <CaptionedTable
                id="in-review"
                caption={t.inReviewCaption}
                columns={[t.colTitle, t.colType, t.colVersion, t.colSubmitted, t.colActions]}
                busy={queue.loading}
              >
                {data.inReview.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row">
                      <LangLink to={itemPath(entry.id)}>{entry.title}</LangLink>
                      <br />
                      <LangLink to={`${itemPath(entry.id)}/history`} className="small-link">
                        {t.seeChanges}
                      </LangLink>
                    </th>
                    <td>{termLabel('type', entry.type, lang)}</td>
                    <td>{entry.version}</td>
                    <td>
                      {formatDateTime(entry.updatedAt, lang)}
                      {entry.updatedBy && <span className="muted"> · {entry.updatedBy.name}</span>}
                    </td>
                    <td>
                      <WorkflowActions
                        id={entry.id}
                        state="in_review"
                        version={entry.version}
                        authorId={entry.updatedBy?.id}
                        compact
                        onChanged={(_, action) => handleChanged(entry.title, action)}
                      />
                    </td>
                  </tr>
                ))}
              </CaptionedTable>
            )}
          </Section>
          <Section id="mine" title={t.mineHeading(data.mine.length)}>
            {data.mine.length === 0 ? (
              <p className="empty">{t.nothingMine}</p>
            ) : (
              <ul className="plain-list queue-list">
                {data.mine.map((entry) => (
                  <li key={entry.id} className="queue-item">
                    <p className="queue-item__title">
                      <LangLink to={itemPath(entry.id)}>{entry.title}</LangLink> <StateBadge state={entry.state} />{' '}
                      <span className="muted">
                        {termLabel('type', entry.type, lang)} · {t.versionShort(entry.version)} ·{' '}
                        {formatDateTime(entry.updatedAt, lang)}
                      </span>
                    </p>
                    <ReviewComment comment={entry.reviewComment} />
                    <ul className="inline-list">
                      <li>
                        <LangLink to={`${itemPath(entry.id)}/edit`}>{t.edit}</LangLink>
                      </li>
                      <li>
                        <LangLink to={`${itemPath(entry.id)}/history`}>{t.history}</LangLink>
                      </li>
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </div>
  );
}
