import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ItemType } from '../../core/library-vocab.js';
import { ApiError, listCountries } from '../api.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { ContributorGate } from '../components/ContributorGate.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { FormErrorsContext, TextField, fieldId } from '../components/FormFields.js';
import { Loading } from '../components/Loading.js';
import { WordDiff } from '../components/Snippet.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { createItem, getItem, saveItem, search, type ItemView } from '../library-api.js';
import {
  SLUG_PATTERN,
  draftOf,
  draftTitle,
  emptyDraft,
  formPath,
  slugify,
  toData,
  validateDraft,
  type Draft,
  type FieldErrors,
  type ValidationWords,
} from '../library-form.js';
import { diffFields } from '../conflict-diff.js';
import { flattenData, formatDateTime, isItemType, itemPath } from '../library.js';
import { fieldName } from '../library-fields.js';
import { LangLink, withLang } from '../links.js';
import { useSession } from '../session.js';
import { OrganisationFields, RecordFields, StudyFields, type Pickers } from './ItemEditFields.js';
import type { SavedState } from './ItemPage.js';

/** A message about one field, by its dotted path. */
type FieldMessage = { field: string; message: string };

/** What a save that lost a race knows: the server's refusal, and the version saved meanwhile. */
type Conflict = { error: ApiError; theirs: ItemView | null };

/**
 * The edit form of a library item (`/library/:id/edit`) and of a new one
 * (`/library/new?type=record|organisation|study`). Checks what it can before sending, shows the
 * server's errors beside their fields, and when someone else saved first keeps the user's text
 * and shows what differs from theirs.
 */
export function ItemEditPage() {
  const { id: editId } = useParams();
  const [searchParams] = useSearchParams();
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const newType = searchParams.get('type');
  const creating = editId === undefined;
  const type: ItemType | null = creating ? (isItemType(newType) ? newType : 'record') : null;

  const canEdit = session.can('contributor');
  const item = useApi(`edit|${editId ?? ''}|${lang}|${String(session.ready && canEdit)}`, (signal) =>
    !creating && session.ready && canEdit
      ? getItem(editId, lang, true, signal)
      : new Promise<ItemView>(() => undefined),
  );
  const title = creating ? t.newItemTitle[type ?? 'record'] : item.data ? t.editTitle(item.data.title) : t.loading;
  useDocumentTitle(title, t.siteName);

  if (!session.ready || !canEdit) return <ContributorGate title={t.needsLoginTitle} />;

  return (
    <div className="page">
      <Breadcrumb
        trail={[
          { to: '/library', label: t.navLibraryShort },
          ...(!creating && item.data ? [{ to: itemPath(item.data.id), label: item.data.title }] : []),
        ]}
        current={creating ? t.newItemTitle[type ?? 'record'] : t.edit}
      />
      <h1>{title}</h1>
      {item.error && <ErrorAlert error={item.error} />}
      {creating && type && <ItemForm key={`new-${type}`} type={type} initial={null} />}
      {!creating && !item.data && !item.error && <Loading />}
      {!creating && item.data && item.data.state === 'in_review' && (
        <div className="note-box" role="status">
          <p>{t.inReviewNoEdit}</p>
          <p>
            <LangLink to={itemPath(item.data.id)}>{t.backToItem}</LangLink>
          </p>
        </div>
      )}
      {!creating && item.data && item.data.state !== 'in_review' && (
        <ItemForm key={item.data.id} type={item.data.type} initial={item.data} />
      )}
    </div>
  );
}

function ItemForm({ type, initial }: { type: ItemType; initial: ItemView | null }) {
  const creating = initial === null;
  const t = useT();
  const lang = useLang();
  const session = useSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(() => (initial ? draftOf(type, initial.data) : emptyDraft(type)));
  const [baseVersion, setBaseVersion] = useState(initial?.version ?? 0);
  const [newId, setNewId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [unplaced, setUnplaced] = useState<FieldMessage[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  // Leaving with unsaved changes asks first (closing the tab, reloading).
  useEffect(() => {
    if (!dirty) return;
    const handleBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', handleBeforeUnload);
    return () => window.removeEventListener('beforeunload', handleBeforeUnload);
  }, [dirty]);

  const countries = useApi(`countries|${lang}`, (signal) => listCountries({ lang }, signal));
  const organisations = useApi(`orgs|${lang}`, (signal) =>
    search({ lang, type: 'organisation', limit: '100' }, signal),
  );
  const records = useApi(`records|${lang}`, (signal) => search({ lang, type: 'record', limit: '100' }, signal));
  const recordOptions = (records.data?.results ?? [])
    .filter((r) => r.id !== initial?.id)
    .map((r) => ({ value: r.id, label: r.title }));
  const pickers: Pickers = {
    country: {
      options: (countries.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
      itemName: (index) => t.rowNames.country(index + 1),
      addLabel: t.addCountry,
    },
    organisation: {
      options: (organisations.data?.results ?? []).map((r) => ({ value: r.id, label: r.title })),
      itemName: (index) => t.rowNames.organisation(index + 1),
      addLabel: t.addOrganisation,
    },
    related: {
      options: recordOptions,
      itemName: (index) => t.rowNames.related(index + 1),
      addLabel: t.addRelated,
    },
    record: { options: recordOptions, itemName: (index) => t.rowNames.record(index + 1), addLabel: t.addRecord },
  };

  const id = initial?.id ?? newId;
  const suggestedId = slugify(draftTitle(draft));

  function update(next: Draft) {
    setDraft(next);
    setDirty(true);
    if (Object.keys(errors).length > 0) setErrors(remainingErrors(errors, draft, next, t.validation));
  }

  const [summaryShown, setSummaryShown] = useState(0);

  function showErrors(found: FieldErrors, others: FieldMessage[]) {
    setErrors(found);
    setUnplaced(others);
    setSummaryShown((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateDraft(draft, t.validation);
    const itemId = creating ? (idTouched ? newId : suggestedId) : id;
    if (creating && !SLUG_PATTERN.test(itemId)) found.id = t.validation.slug;
    if (Object.keys(found).length > 0) {
      showErrors(found, []);
      return;
    }
    setSaving(true);
    setFailure(null);
    setErrors({});
    setUnplaced([]);
    try {
      const data = toData(draft);
      const saved = creating
        ? await createItem({ type, id: itemId, data }, session.csrfToken)
        : await saveItem(itemId, baseVersion, data, session.csrfToken, lang);
      setDirty(false);
      setConflict(null);
      const state: SavedState = { saved: creating ? 'created' : 'saved' };
      navigate(withLang(itemPath(saved.id), lang), { state });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'bad_response', String(caught));
      if (error.status === 409 && !creating) {
        // Someone saved first: keep the form as it is and fetch theirs to compare.
        let theirs: ItemView | null = null;
        try {
          theirs = await getItem(itemId, lang, true);
        } catch {
          theirs = null;
        }
        // The same version means nobody saved meanwhile: the refusal is about the item's state
        // (in review, say), not a race; the server's message says what to do.
        if (theirs && theirs.version === baseVersion) setFailure(error);
        else setConflict({ error, theirs });
      } else if (error.status === 409 && creating) {
        showErrors({ id: t.idTaken(itemId) }, []);
      } else if (error.details.length > 0) {
        const placed: FieldErrors = {};
        const others: FieldMessage[] = [];
        for (const detail of error.details) {
          const path = formPath(detail.field);
          if (document.getElementById(fieldId(path))) placed[path] = detail.message;
          else others.push({ field: path, message: detail.message });
        }
        showErrors(placed, others);
      } else {
        setFailure(error);
        if (error.status === 401 || error.status === 403) void session.refresh();
      }
    } finally {
      setSaving(false);
    }
  }

  function handleOverwrite() {
    if (!conflict?.theirs) return;
    // Their version becomes the base: the next save replaces it with this form.
    setBaseVersion(conflict.theirs.version);
    setConflict(null);
  }

  function handleTakeTheirs() {
    if (!conflict?.theirs) return;
    setDraft(draftOf(type, conflict.theirs.data));
    setBaseVersion(conflict.theirs.version);
    setConflict(null);
    setDirty(false);
  }

  return (
    <FormErrorsContext.Provider value={errors}>
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          mine={draft}
          itemId={id}
          onOverwrite={handleOverwrite}
          onTakeTheirs={handleTakeTheirs}
        />
      )}
      {failure && <ErrorAlert error={failure} />}
      {failure && (failure.status === 401 || failure.status === 403) && (
        <p>
          <LangLink to={`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`}>
            {t.logInAgain}
          </LangLink>
        </p>
      )}
      <ErrorSummary errors={errors} unplaced={unplaced} shown={summaryShown} />

      <form className="item-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <p className="muted">{t.formIntro}</p>
        {creating && (
          <TextField
            path="id"
            label={t.fieldLabels.id}
            hint={t.idHint}
            value={idTouched ? newId : suggestedId}
            onChange={(value) => {
              setIdTouched(true);
              setNewId(value);
              if (errors.id) setErrors(({ id: _fixed, ...rest }) => rest);
            }}
            required
            className="field--narrow"
          />
        )}
        {!creating && initial && <p className="muted">{t.editingVersion(initial.id, baseVersion)}</p>}
        {draft.type === 'record' && (
          <RecordFields
            values={draft.values}
            pickers={pickers}
            onChange={(values) => update({ type: 'record', values })}
          />
        )}
        {draft.type === 'organisation' && (
          <OrganisationFields
            values={draft.values}
            pickers={pickers}
            onChange={(values) => update({ type: 'organisation', values })}
          />
        )}
        {draft.type === 'study' && (
          <StudyFields
            values={draft.values}
            pickers={pickers}
            onChange={(values) => update({ type: 'study', values })}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? t.saving : creating ? t.createDraft : t.saveChanges}
          </button>
          <LangLink to={creating ? '/library' : itemPath(id)} className="button-secondary">
            {t.cancel}
          </LangLink>
          <span role="status" className="muted">
            {saving ? t.saving : ''}
          </span>
        </div>
      </form>
    </FormErrorsContext.Provider>
  );
}

/**
 * The form's errors, above it: each links to its field and moves focus there; errors the server
 * gave for fields the form does not show are listed by their path. The box takes focus each time
 * errors are shown (`shown` counts them), after it has rendered.
 */
function ErrorSummary({ errors, unplaced, shown }: { errors: FieldErrors; unplaced: FieldMessage[]; shown: number }) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown > 0) ref.current?.focus();
  }, [shown]);
  const errorEntries = [
    ...Object.entries(errors).map(([field, message]) => ({ field, message, placed: true })),
    ...unplaced.map((u) => ({ ...u, placed: false })),
  ];
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className={errorEntries.length > 0 ? 'error-summary' : undefined}
      aria-labelledby={errorEntries.length > 0 ? 'error-summary-title' : undefined}
    >
      {errorEntries.length > 0 && (
        <>
          <h2 id="error-summary-title">{t.errorSummaryTitle(errorEntries.length)}</h2>
          <ul>
            {errorEntries.map((entry) => (
              <li key={entry.field}>
                {entry.placed ? (
                  <a
                    href={`#${fieldId(entry.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      const target = document.getElementById(fieldId(entry.field));
                      target?.focus();
                      target?.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {fieldName(entry.field, t, lang)}
                    {t.colon}
                    {entry.message}
                  </a>
                ) : (
                  <>
                    <code>{entry.field}</code>
                    {t.colon}
                    <span lang="en">{entry.message}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/**
 * The errors still standing after an edit: the form's own checks are run again (a fixed field
 * loses its message, no new message appears while typing); the server's stay until their field
 * changes.
 */
function remainingErrors(errors: FieldErrors, before: Draft, after: Draft, words: ValidationWords): FieldErrors {
  const ownBefore = validateDraft(before, words);
  const ownAfter = validateDraft(after, words);
  const valuesBefore = flattenData(toData(before));
  const valuesAfter = flattenData(toData(after));
  const changed = (path: string) =>
    [...new Set([...Object.keys(valuesBefore), ...Object.keys(valuesAfter)])].some(
      (key) =>
        (key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`)) &&
        valuesBefore[key] !== valuesAfter[key],
    );
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path in ownBefore) {
      const still = ownAfter[path];
      if (still) out[path] = still;
    } else if (!changed(path)) out[path] = message;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conflict
// ---------------------------------------------------------------------------------------------

function ConflictPanel({
  conflict,
  mine,
  itemId,
  onOverwrite,
  onTakeTheirs,
}: {
  conflict: Conflict;
  mine: Draft;
  itemId: string;
  onOverwrite: () => void;
  onTakeTheirs: () => void;
}) {
  const t = useT();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  // The reader is at the save button, far below: bring them to the news.
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: 'start' });
  }, [conflict]);
  const theirs = conflict.theirs;
  const differences = theirs ? diffFields(flattenData(theirs.data), flattenData(toData(mine))) : [];
  return (
    <div className="conflict" ref={ref} tabIndex={-1} role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t.conflictTitle}</h2>
      <p>{t.conflictLead}</p>
      <p className="muted" lang="en">
        {conflict.error.message}
      </p>
      {theirs && (
        <>
          <p>
            {t.conflictTheirs(
              theirs.version,
              theirs.updatedBy?.name ?? t.someoneElse,
              formatDateTime(theirs.updatedAt, lang),
            )}{' '}
            <a href={withLang(itemPath(itemId), lang)} target="_blank" rel="noreferrer">
              {t.openTheirVersion}
            </a>{' '}
            ·{' '}
            <a href={withLang(`${itemPath(itemId)}/history`, lang)} target="_blank" rel="noreferrer">
              {t.history}
            </a>
          </p>
          {differences.length > 0 && (
            <details className="conflict__diff" open>
              <summary>{t.conflictDiffSummary(differences.length)}</summary>
              <p className="muted">{t.conflictDiffLegend}</p>
              <dl className="diff-list">
                {differences.map((d) => (
                  <div key={d.field} className="diff-list__row">
                    <dt>{fieldName(d.field, t, lang)}</dt>
                    <dd className="diff-text">
                      <WordDiff words={d.words} addedLabel={t.diffYours} removedLabel={t.diffTheirs} />
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={onOverwrite}>
              {t.keepMine}
            </button>
            <button type="button" className="button-secondary" onClick={onTakeTheirs}>
              {t.takeTheirs}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
