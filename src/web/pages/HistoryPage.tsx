import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { StateBadge } from '../components/Badges.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { ContributorGate } from '../components/ContributorGate.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { Loading } from '../components/Loading.js';
import { Section } from '../components/Section.js';
import { WordDiff } from '../components/Snippet.js';
import { ApiError } from '../api.js';
import { useApi, useDocumentTitle, useParamPatch } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import {
  getItem,
  getRevision,
  listRevisions,
  restoreRevision,
  type ItemView,
  type RevisionDetail,
  type RevisionList,
} from '../library-api.js';
import { fieldName, fieldValueText } from '../library-fields.js';
import { formatDateTime, itemPath } from '../library.js';
import { withLang } from '../links.js';
import { useSession } from '../session.js';
import type { SavedState } from './ItemPage.js';

/**
 * The history of an item: every revision (who, when, what, why), and for the one chosen (in the
 * URL as `?v=`) its changes against the previous one, word by word, with "Restore this version".
 */
export function HistoryPage() {
  const { id = '' } = useParams();
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const [searchParams, patchParams] = useParamPatch();
  const editor = session.can('contributor');
  const ready = session.ready;
  // Revisions are for contributors: others are told so and asked to log in, not shown an error.
  const revisions = useApi(`revisions|${id}|${String(ready && editor)}|${session.user?.id ?? ''}`, (signal) =>
    ready && editor ? listRevisions(id, signal) : new Promise<RevisionList>(() => undefined),
  );
  const item = useApi(`history-item|${id}|${lang}|${String(ready)}|${String(editor)}`, (signal) =>
    ready ? getItem(id, lang, editor, signal) : new Promise<ItemView>(() => undefined),
  );
  const list = revisions.data?.id === id ? revisions.data.revisions : undefined;
  const sorted = list ? [...list].sort((a, b) => b.version - a.version) : undefined;
  const latest = sorted?.[0]?.version;
  // By default, the latest revision that changed something (a submit or publish changes none).
  const chosen = Number(searchParams.get('v')) || (sorted?.find((r) => r.changedFields.length > 0)?.version ?? latest);
  const title = item.data?.id === id ? item.data.title : id;
  useDocumentTitle(t.historyTitle(title), t.siteName);

  if (!ready || !editor) return <ContributorGate title={t.historyTitle(title)} />;

  function handleChoose(version: number) {
    patchParams({ v: String(version) });
    // The changes show under the list: take the reader there.
    requestAnimationFrame(() => {
      const heading = document.getElementById('revision-heading');
      heading?.focus();
      heading?.scrollIntoView({ block: 'start' });
    });
  }

  return (
    <div className="page">
      <Breadcrumb
        trail={[
          { to: '/library', label: t.navLibraryShort },
          { to: itemPath(id), label: title },
        ]}
        current={t.history}
      />
      <h1>{t.historyTitle(title)}</h1>
      {revisions.error && <ErrorAlert error={revisions.error} />}
      {!sorted && !revisions.error && <Loading />}
      {sorted && (
        <Section id="revisions" title={t.revisionsHeading(sorted.length)}>
          <CaptionedTable
            id="revisions"
            caption={t.revisionsCaption}
            columns={[t.colVersion, t.colAction, t.colWho, t.colWhen, t.colComment, t.colChangedFields]}
            className="data-table revisions-table"
          >
            {sorted.map((revision) => (
              <tr key={revision.version} className={revision.version === chosen ? 'is-selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={revision.version === chosen}
                    onClick={() => handleChoose(revision.version)}
                  >
                    {t.versionShort(revision.version)}
                  </button>
                </th>
                <td>
                  {t.revisionActions[revision.action]} <StateBadge state={revision.state} />
                </td>
                <td>{revision.authorLabel}</td>
                <td className="nowrap">{formatDateTime(revision.createdAt, lang)}</td>
                <td>{revision.comment ?? ''}</td>
                <td>
                  {revision.changedFields.length > 0 ? (
                    <ChangedFields fields={revision.changedFields} />
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </CaptionedTable>
        </Section>
      )}
      {chosen !== undefined && latest !== undefined && (
        <RevisionChanges
          key={chosen}
          id={id}
          version={chosen}
          current={item.data?.id === id && editor ? item.data.version : latest}
          canRestore={editor}
        />
      )}
    </div>
  );
}

/** How many changed fields a row lists before "and n more". */
const FIELDS_SHOWN = 5;

/** The fields a revision changed; a long list (a first load names them all) folds after a few. */
function ChangedFields({ fields }: { fields: readonly string[] }) {
  const t = useT();
  const lang = useLang();
  const names = fields.map((field) => fieldName(field, t, lang));
  const list = (items: string[]) => (
    <ul className="plain-list">
      {items.map((name) => (
        <li key={name}>{name}</li>
      ))}
    </ul>
  );
  if (names.length <= FIELDS_SHOWN + 1) return list(names);
  return (
    <>
      {list(names.slice(0, FIELDS_SHOWN))}
      <details>
        <summary>{t.moreFields(names.length - FIELDS_SHOWN)}</summary>
        {list(names.slice(FIELDS_SHOWN))}
      </details>
    </>
  );
}

function RevisionChanges({
  id,
  version,
  current,
  canRestore,
}: {
  id: string;
  version: number;
  current: number;
  canRestore: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const navigate = useNavigate();
  const detail = useApi(`revision|${id}|${String(version)}`, (signal) => getRevision(id, version, signal));
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<ApiError | null>(null);

  async function handleRestore() {
    setRestoring(true);
    setRestoreError(null);
    try {
      const restored = await restoreRevision(id, version, current, session.csrfToken);
      const state: SavedState = { saved: 'restored' };
      navigate(withLang(itemPath(restored.id), lang), { state });
    } catch (caught) {
      setRestoreError(caught instanceof ApiError ? caught : new ApiError(0, 'bad_response', String(caught)));
    } finally {
      setRestoring(false);
    }
  }

  const data: RevisionDetail | undefined = detail.data;
  return (
    <section className="section revision" aria-labelledby="revision-heading" aria-busy={detail.loading}>
      <h2 id="revision-heading" tabIndex={-1}>
        {data?.against ? t.changesAgainst(version, data.against) : t.changesFirst(version)}
      </h2>
      {detail.error && <ErrorAlert error={detail.error} />}
      {!data && !detail.error && <p className="loading">{t.loading}</p>}
      {data && (
        <>
          <p className="muted">
            {t.revisionActions[data.action]} · {data.authorLabel} · {formatDateTime(data.createdAt, lang)}
            {data.comment && (
              <>
                {' · '}
                {t.colComment}
                {t.colon}
                {data.comment}
              </>
            )}
          </p>
          {data.changes.length === 0 ? (
            <p className="empty">{t.noChanges}</p>
          ) : (
            <>
              <p className="diff-legend">
                {t.legend}
                {t.colon}
                <del>{t.diffRemoved}</del> <ins>{t.diffAdded}</ins>
              </p>
              <dl className="diff-list">
                {data.changes.map((change) => (
                  <div key={change.field} className="diff-list__row">
                    <dt>{fieldName(change.field, t, lang)}</dt>
                    <dd className="diff-text">
                      {change.words ? (
                        <WordDiff words={change.words} addedLabel={t.diffAdded} removedLabel={t.diffRemoved} />
                      ) : (
                        <>
                          <ChangedValue field={change.field} value={change.before} mark="removed" />{' '}
                          <ChangedValue field={change.field} value={change.after} mark="added" />
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {canRestore && version !== current && (
            <div className="form-actions">
              <button
                type="button"
                className="button-secondary"
                disabled={restoring}
                onClick={() => void handleRestore()}
              >
                {t.restoreVersion(version)}
              </button>
              <span className="muted">{t.restoreHint}</span>
            </div>
          )}
          {restoreError && <ErrorAlert error={restoreError} />}
        </>
      )}
    </section>
  );
}

/** A field's whole value before or after a change (no word diff), struck out or marked as added. */
function ChangedValue({ field, value, mark }: { field: string; value: unknown; mark: 'removed' | 'added' }) {
  const t = useT();
  const lang = useLang();
  if (value === null || value === undefined) return null;
  const Tag = mark === 'removed' ? 'del' : 'ins';
  // The visually hidden words make sure screen readers name the change, as WordDiff does.
  return (
    <Tag>
      <span className="visually-hidden">[{mark === 'removed' ? t.diffRemoved : t.diffAdded}: </span>
      {fieldValueText(field, value, lang)}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}
