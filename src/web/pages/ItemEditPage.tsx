import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { diffWords } from 'diff';
import {
  AGREEMENT_SCOPES,
  APPRAISAL_ANSWERS,
  APPRAISAL_QUESTIONS,
  COUNTRY_ROLES,
  CROSS_CUTTING_THEMES,
  EFFECT_DIRECTIONS,
  GCM_OBJECTIVES,
  INDEPENDENCE,
  INSTRUMENTS,
  INTERVENTIONS,
  KNOMAD_THEMES,
  ORGANISATION_ROLES,
  ORGANISATION_TYPES,
  OUTCOMES,
  RECORD_KINDS,
  RECORD_STATUSES,
  SDG_TARGETS,
  SECTORS,
  STAGES,
  STUDY_DESIGNS,
  appraisalQuality,
  type AppraisalAnswer,
  type ItemType,
  type Term,
} from '../../core/library-vocab.js';
import type { UiLanguage } from '../../core/languages.js';
import { ApiError, listCountries } from '../api.js';
import { QualityBadge } from '../components/Badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import {
  CheckboxGroup,
  FormErrorsContext,
  MultilingualField,
  RadioGroup,
  RowList,
  SelectField,
  TextField,
  fieldId,
} from '../components/FormFields.js';
import { WordDiff } from '../components/Snippet.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT } from '../i18n.js';
import { createItem, getItem, saveItem, search, type ItemView } from '../library-api.js';
import {
  SLUG_PATTERN,
  draftOf,
  draftTitle,
  emptyDraft,
  emptySource,
  formPath,
  slugify,
  toData,
  validateDraft,
  type Draft,
  type FieldErrors,
  type OrganisationDraft,
  type RecordDraft,
  type SourceDraft,
  type StudyDraft,
  type ValidationWords,
} from '../library-form.js';
import { flattenData, formatDateTime, isItemType, itemPath } from '../library.js';
import { fieldName } from '../library-fields.js';
import { LangLink, withLang } from '../links.js';
import { useSession } from '../session.js';
import type { SavedState } from './ItemPage.js';

type Option = { value: string; label: string };

/** Choices of the pickers: countries, organisations and records (published ones, from the API). */
type Choices = { countries: Option[]; organisations: Option[]; records: Option[] };

/** What a save that lost a race knows: the server's refusal, and the version saved meanwhile. */
type Conflict = { error: ApiError; theirs: ItemView | null };

function termOptions(terms: readonly Term[], lang: UiLanguage): Option[] {
  return terms.map((term) => ({ value: term.code, label: term.label[lang] }));
}

/** The options of a picker, with the values already chosen even when the API did not list them. */
function withChosen(options: readonly Option[], chosen: readonly string[]): Option[] {
  const missing = chosen.filter((value) => value && !options.some((o) => o.value === value));
  return [...options, ...missing.map((value) => ({ value, label: value }))];
}

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

  if (!session.ready) {
    return (
      <div className="page">
        <p role="status" className="loading">
          {t.loading}
        </p>
      </div>
    );
  }
  if (!canEdit) return <NeedsRole />;

  return (
    <div className="page">
      <nav aria-label={t.breadcrumb} className="breadcrumb">
        <ol>
          <li>
            <LangLink to="/library">{t.navLibraryShort}</LangLink>
          </li>
          {!creating && item.data && (
            <li>
              <LangLink to={itemPath(item.data.id)}>{item.data.title}</LangLink>
            </li>
          )}
          <li>
            <span aria-current="page">{creating ? t.newItemTitle[type ?? 'record'] : t.edit}</span>
          </li>
        </ol>
      </nav>
      <h1>{title}</h1>
      {item.error && <ErrorAlert error={item.error} />}
      {creating && type && <ItemForm key={`new-${type}`} type={type} initial={null} />}
      {!creating && !item.data && !item.error && (
        <p role="status" className="loading">
          {t.loading}
        </p>
      )}
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

/** Shown to readers who are not logged in, or whose role cannot edit. */
function NeedsRole() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div className="page">
      <h1>{t.needsLoginTitle}</h1>
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
  const [unplaced, setUnplaced] = useState<{ field: string; message: string }[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

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
  const choices: Choices = {
    countries: (countries.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
    organisations: (organisations.data?.results ?? []).map((r) => ({ value: r.id, label: r.title })),
    records: (records.data?.results ?? [])
      .filter((r) => r.id !== initial?.id)
      .map((r) => ({ value: r.id, label: r.title })),
  };

  const id = initial?.id ?? newId;
  const suggestedId = slugify(draftTitle(draft));

  function update(next: Draft) {
    setDraft(next);
    setDirty(true);
    if (Object.keys(errors).length > 0) setErrors(remainingErrors(errors, draft, next, t.validation));
  }

  // Focus moves to the error summary each time errors are shown, after it has rendered.
  const [summaryShown, setSummaryShown] = useState(0);
  useEffect(() => {
    if (summaryShown > 0) summaryRef.current?.focus();
  }, [summaryShown]);

  function showErrors(found: FieldErrors, others: { field: string; message: string }[]) {
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
        const others: { field: string; message: string }[] = [];
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

  const errorEntries = [
    ...Object.entries(errors).map(([field, message]) => ({ field, message, placed: true })),
    ...unplaced.map((u) => ({ ...u, placed: false })),
  ];

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
      <div
        ref={summaryRef}
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
            choices={choices}
            onChange={(values) => update({ type: 'record', values })}
          />
        )}
        {draft.type === 'organisation' && (
          <OrganisationFields
            values={draft.values}
            choices={choices}
            onChange={(values) => update({ type: 'organisation', values })}
          />
        )}
        {draft.type === 'study' && (
          <StudyFields
            values={draft.values}
            choices={choices}
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

/** Fields that differ between their saved data and the form, each with a word diff (theirs → mine). */
function diffFields(theirs: Record<string, string>, mine: Record<string, string>) {
  const fields = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].sort();
  return fields
    .filter((field) => (theirs[field] ?? '') !== (mine[field] ?? ''))
    .map((field) => ({
      field,
      words: diffWords(theirs[field] ?? '', mine[field] ?? '').map((c) => ({
        value: c.value,
        added: Boolean(c.added),
        removed: Boolean(c.removed),
      })),
    }));
}

// ---------------------------------------------------------------------------------------------
// Shared groups
// ---------------------------------------------------------------------------------------------

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="form-section" aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

function PeriodFields({
  start,
  end,
  legend,
  onChange,
}: {
  start: string;
  end: string;
  legend: string;
  onChange: (start: string, end: string) => void;
}) {
  const t = useT();
  return (
    <fieldset className="inline-fields">
      <legend>{legend}</legend>
      <TextField
        path="period.start"
        label={t.periodStart}
        hint={t.yearHint}
        value={start}
        inputMode="numeric"
        onChange={(value) => onChange(value, end)}
        className="field--year"
      />
      <TextField
        path="period.end"
        label={t.periodEnd}
        hint={t.yearHint}
        value={end}
        inputMode="numeric"
        onChange={(value) => onChange(start, value)}
        className="field--year"
      />
    </fieldset>
  );
}

function SourceFields({
  path,
  source,
  onChange,
}: {
  path: string;
  source: SourceDraft;
  onChange: (source: SourceDraft) => void;
}) {
  const t = useT();
  const set = (key: keyof SourceDraft) => (value: string) => onChange({ ...source, [key]: value });
  return (
    <div className="source-fields">
      <TextField
        path={`${path}.document`}
        label={t.fieldLabels.document}
        hint={t.documentHint}
        value={source.document}
        onChange={set('document')}
      />
      <TextField
        path={`${path}.section`}
        label={t.fieldLabels.section}
        value={source.section}
        onChange={set('section')}
      />
      <TextField
        path={`${path}.title`}
        label={t.fieldLabels.sourceTitle}
        hint={t.sourceTitleHint}
        value={source.title}
        onChange={set('title')}
        lang="en"
      />
      <TextField
        path={`${path}.url`}
        label={t.fieldLabels.url}
        value={source.url}
        type="url"
        inputMode="url"
        onChange={set('url')}
      />
      <TextField
        path={`${path}.doi`}
        label={t.fieldLabels.doi}
        hint={t.doiHint}
        value={source.doi}
        onChange={set('doi')}
      />
      <TextField path={`${path}.note`} label={t.fieldLabels.note} value={source.note} onChange={set('note')} />
    </div>
  );
}

function SourcesList({
  sources,
  required,
  onChange,
}: {
  sources: SourceDraft[];
  required: boolean;
  onChange: (sources: SourceDraft[]) => void;
}) {
  const t = useT();
  return (
    <RowList
      path="sources"
      legend={t.fieldLabels.sources}
      hint={t.sourcesHint}
      rows={sources}
      onChange={onChange}
      makeRow={emptySource}
      itemName={(index) => t.rowNames.source(index + 1)}
      addLabel={t.addSource}
      required={required}
      renderRow={(source, index, updateRow) => (
        <SourceFields path={`sources.${String(index)}`} source={source} onChange={updateRow} />
      )}
    />
  );
}

/** A list of picks from one set of choices (places, related records, studied records). */
function PickList({
  path,
  legend,
  hint,
  values,
  options,
  itemName,
  addLabel,
  onChange,
}: {
  path: string;
  legend: string;
  hint?: string;
  values: string[];
  options: Option[];
  itemName: (index: number) => string;
  addLabel: string;
  onChange: (values: string[]) => void;
}) {
  const t = useT();
  const all = withChosen(options, values);
  return (
    <RowList
      path={path}
      legend={legend}
      hint={hint}
      rows={values}
      onChange={onChange}
      makeRow={() => ''}
      itemName={itemName}
      addLabel={addLabel}
      renderRow={(value, index, updateRow) => (
        <SelectField
          path={`${path}.${String(index)}`}
          label={itemName(index)}
          value={value}
          onChange={updateRow}
          options={all}
          placeholder={t.choose}
        />
      )}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

function RecordFields({
  values: v,
  choices,
  onChange,
}: {
  values: RecordDraft;
  choices: Choices;
  onChange: (values: RecordDraft) => void;
}) {
  const t = useT();
  const lang = useLang();
  const set = <K extends keyof RecordDraft>(key: K, value: RecordDraft[K]) => onChange({ ...v, [key]: value });
  const countryOptions = withChosen(
    choices.countries,
    v.countries.map((c) => c.code),
  );
  const organisationOptions = withChosen(
    choices.organisations,
    v.organisations.map((o) => o.id),
  );
  return (
    <>
      <FormSection title={t.formSections.description}>
        <div className="inline-fields">
          <SelectField
            path="kind"
            label={t.fieldLabels.kind}
            value={v.kind}
            onChange={(value) => set('kind', value)}
            options={termOptions(RECORD_KINDS, lang)}
            placeholder={t.choose}
            required
          />
          {v.kind === 'agreement' && (
            <SelectField
              path="agreementScope"
              label={t.fieldLabels.agreementScope}
              value={v.agreementScope}
              onChange={(value) => set('agreementScope', value)}
              options={termOptions(AGREEMENT_SCOPES, lang)}
              placeholder={t.choose}
              required
            />
          )}
          <SelectField
            path="status"
            label={t.fieldLabels.status}
            value={v.status}
            onChange={(value) => set('status', value)}
            options={termOptions(RECORD_STATUSES, lang)}
          />
          <TextField
            path="acronym"
            label={t.fieldLabels.acronym}
            value={v.acronym}
            onChange={(value) => set('acronym', value)}
            className="field--narrow"
          />
        </div>
        <MultilingualField
          path="title"
          label={t.fieldLabels.title}
          value={v.title}
          onChange={(value) => set('title', value)}
          required
        />
        <MultilingualField
          path="summary"
          label={t.fieldLabels.summary}
          hint={t.summaryHint}
          value={v.summary}
          onChange={(value) => set('summary', value)}
          required
          multiline
          rows={4}
        />
        <MultilingualField
          path="description"
          label={t.fieldLabels.description}
          hint={t.descriptionHint}
          value={v.description}
          onChange={(value) => set('description', value)}
          multiline
          rows={8}
        />
        <PeriodFields
          legend={t.fieldLabels.period}
          start={v.periodStart}
          end={v.periodEnd}
          onChange={(start, end) => onChange({ ...v, periodStart: start, periodEnd: end })}
        />
        <TextField
          path="website"
          label={t.fieldLabels.website}
          value={v.website}
          type="url"
          inputMode="url"
          onChange={(value) => set('website', value)}
        />
      </FormSection>

      <FormSection title={t.formSections.who}>
        <RowList
          path="countries"
          legend={t.fieldLabels.countries}
          hint={t.countriesHint}
          rows={v.countries}
          onChange={(rows) => set('countries', rows)}
          makeRow={() => ({ code: '', role: '' })}
          itemName={(index) => t.rowNames.country(index + 1)}
          addLabel={t.addCountry}
          renderRow={(row, index, updateRow) => (
            <>
              <SelectField
                path={`countries.${String(index)}.code`}
                label={t.fieldLabels.country}
                value={row.code}
                onChange={(code) => updateRow({ ...row, code })}
                options={countryOptions}
                placeholder={t.choose}
              />
              <SelectField
                path={`countries.${String(index)}.role`}
                label={t.fieldLabels.role}
                value={row.role}
                onChange={(role) => updateRow({ ...row, role })}
                options={termOptions(COUNTRY_ROLES, lang)}
                placeholder={t.choose}
              />
            </>
          )}
        />
        <RowList
          path="organisations"
          legend={t.fieldLabels.organisations}
          rows={v.organisations}
          onChange={(rows) => set('organisations', rows)}
          makeRow={() => ({ id: '', role: '' })}
          itemName={(index) => t.rowNames.organisation(index + 1)}
          addLabel={t.addOrganisation}
          renderRow={(row, index, updateRow) => (
            <>
              <SelectField
                path={`organisations.${String(index)}.id`}
                label={t.fieldLabels.organisation}
                value={row.id}
                onChange={(id) => updateRow({ ...row, id })}
                options={organisationOptions}
                placeholder={t.choose}
              />
              <SelectField
                path={`organisations.${String(index)}.role`}
                label={t.fieldLabels.role}
                value={row.role}
                onChange={(role) => updateRow({ ...row, role })}
                options={termOptions(ORGANISATION_ROLES, lang)}
                placeholder={t.choose}
              />
            </>
          )}
        />
      </FormSection>

      <FormSection title={t.formSections.classification}>
        <CheckboxGroup
          path="instruments"
          legend={t.fieldLabels.instruments}
          terms={INSTRUMENTS}
          value={v.instruments}
          onChange={(value) => set('instruments', value)}
          required
        />
        <CheckboxGroup
          path="themes"
          legend={t.fieldLabels.themes}
          terms={KNOMAD_THEMES}
          value={v.themes}
          onChange={(value) => set('themes', value)}
          required
          columns
        />
        <CheckboxGroup
          path="interventions"
          legend={t.fieldLabels.interventions}
          hint={t.interventionsHint}
          terms={INTERVENTIONS}
          value={v.interventions}
          onChange={(value) => set('interventions', value)}
          required
          columns
        />
        <CheckboxGroup
          path="crossCutting"
          legend={t.fieldLabels.crossCutting}
          terms={CROSS_CUTTING_THEMES}
          value={v.crossCutting}
          onChange={(value) => set('crossCutting', value)}
          columns
        />
        <CheckboxGroup
          path="stages"
          legend={t.fieldLabels.stages}
          terms={STAGES}
          value={v.stages}
          onChange={(value) => set('stages', value)}
          columns
        />
        <CheckboxGroup
          path="sectors"
          legend={t.fieldLabels.sectors}
          terms={SECTORS}
          value={v.sectors}
          onChange={(value) => set('sectors', value)}
          columns
        />
        <CheckboxGroup
          path="gcm"
          legend={t.fieldLabels.gcm}
          terms={GCM_OBJECTIVES}
          value={v.gcm}
          onChange={(value) => set('gcm', value)}
        />
        <CheckboxGroup
          path="sdg"
          legend={t.fieldLabels.sdg}
          terms={SDG_TARGETS}
          value={v.sdg}
          onChange={(value) => set('sdg', value)}
        />
      </FormSection>

      <FormSection title={t.formSections.sources}>
        <SourcesList sources={v.sources} required onChange={(sources) => set('sources', sources)} />
        <PickList
          path="related"
          legend={t.fieldLabels.related}
          values={v.related}
          options={choices.records}
          itemName={(index) => t.rowNames.related(index + 1)}
          addLabel={t.addRelated}
          onChange={(values) => set('related', values)}
        />
      </FormSection>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

function OrganisationFields({
  values: v,
  choices,
  onChange,
}: {
  values: OrganisationDraft;
  choices: Choices;
  onChange: (values: OrganisationDraft) => void;
}) {
  const t = useT();
  const lang = useLang();
  const set = <K extends keyof OrganisationDraft>(key: K, value: OrganisationDraft[K]) =>
    onChange({ ...v, [key]: value });
  return (
    <>
      <FormSection title={t.formSections.description}>
        <div className="inline-fields">
          <SelectField
            path="type"
            label={t.fieldLabels.orgType}
            value={v.type}
            onChange={(value) => set('type', value)}
            options={termOptions(ORGANISATION_TYPES, lang)}
            placeholder={t.choose}
            required
          />
          <TextField
            path="acronym"
            label={t.fieldLabels.acronym}
            value={v.acronym}
            onChange={(value) => set('acronym', value)}
            className="field--narrow"
          />
        </div>
        <MultilingualField
          path="name"
          label={t.fieldLabels.name}
          value={v.name}
          onChange={(value) => set('name', value)}
          required
        />
        <MultilingualField
          path="summary"
          label={t.fieldLabels.summary}
          value={v.summary}
          onChange={(value) => set('summary', value)}
          multiline
          rows={4}
        />
        <TextField
          path="website"
          label={t.fieldLabels.website}
          value={v.website}
          type="url"
          inputMode="url"
          onChange={(value) => set('website', value)}
        />
        <PickList
          path="countries"
          legend={t.fieldLabels.baseCountries}
          values={v.countries}
          options={choices.countries}
          itemName={(index) => t.rowNames.country(index + 1)}
          addLabel={t.addCountry}
          onChange={(values) => set('countries', values)}
        />
      </FormSection>
      <FormSection title={t.formSections.sources}>
        <SourcesList sources={v.sources} required={false} onChange={(sources) => set('sources', sources)} />
      </FormSection>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Studies
// ---------------------------------------------------------------------------------------------

function StudyFields({
  values: v,
  choices,
  onChange,
}: {
  values: StudyDraft;
  choices: Choices;
  onChange: (values: StudyDraft) => void;
}) {
  const t = useT();
  const lang = useLang();
  const set = <K extends keyof StudyDraft>(key: K, value: StudyDraft[K]) => onChange({ ...v, [key]: value });
  const answered = Object.values(v.appraisal).filter((a): a is AppraisalAnswer => a !== '');
  const quality =
    answered.length > 0 ? appraisalQuality(Object.fromEntries(answered.map((a, i) => [String(i), a]))) : null;
  return (
    <>
      <FormSection title={t.formSections.description}>
        <MultilingualField
          path="title"
          label={t.fieldLabels.title}
          value={v.title}
          onChange={(value) => set('title', value)}
          required
        />
        <MultilingualField
          path="summary"
          label={t.fieldLabels.studySummary}
          hint={t.studySummaryHint}
          value={v.summary}
          onChange={(value) => set('summary', value)}
          required
          multiline
          rows={4}
        />
        <TextField
          path="authors"
          label={t.fieldLabels.authors}
          hint={t.authorsHint}
          value={v.authors}
          onChange={(value) => set('authors', value)}
          multiline
          rows={3}
          lang="en"
        />
        <div className="inline-fields">
          <TextField
            path="year"
            label={t.fieldLabels.year}
            hint={t.yearHint}
            value={v.year}
            onChange={(value) => set('year', value)}
            inputMode="numeric"
            required
            className="field--year"
          />
          <SelectField
            path="design"
            label={t.fieldLabels.design}
            value={v.design}
            onChange={(value) => set('design', value)}
            options={termOptions(STUDY_DESIGNS, lang)}
            placeholder={t.choose}
            required
          />
          <SelectField
            path="independence"
            label={t.fieldLabels.independence}
            value={v.independence}
            onChange={(value) => set('independence', value)}
            options={termOptions(INDEPENDENCE, lang)}
            placeholder={t.choose}
            required
          />
        </div>
        <TextField
          path="population"
          label={t.fieldLabels.population}
          hint={t.populationHint}
          value={v.population}
          onChange={(value) => set('population', value)}
          required
          lang="en"
        />
        <PickList
          path="places"
          legend={t.fieldLabels.places}
          values={v.places}
          options={choices.countries}
          itemName={(index) => t.rowNames.country(index + 1)}
          addLabel={t.addCountry}
          onChange={(values) => set('places', values)}
        />
        <PeriodFields
          legend={t.fieldLabels.studyPeriod}
          start={v.periodStart}
          end={v.periodEnd}
          onChange={(start, end) => onChange({ ...v, periodStart: start, periodEnd: end })}
        />
      </FormSection>

      <FormSection title={t.formSections.outcomes}>
        <RowList
          path="outcomes"
          legend={t.fieldLabels.outcomes}
          rows={v.outcomes}
          onChange={(rows) => set('outcomes', rows)}
          makeRow={() => ({ outcome: '', effect: '', finding: '' })}
          itemName={(index) => t.rowNames.outcome(index + 1)}
          addLabel={t.addOutcome}
          required
          renderRow={(row, index, updateRow) => (
            <>
              <SelectField
                path={`outcomes.${String(index)}.outcome`}
                label={t.fieldLabels.outcome}
                value={row.outcome}
                onChange={(outcome) => updateRow({ ...row, outcome })}
                options={termOptions(OUTCOMES, lang)}
                placeholder={t.choose}
              />
              <SelectField
                path={`outcomes.${String(index)}.effect`}
                label={t.fieldLabels.effect}
                value={row.effect}
                onChange={(effect) => updateRow({ ...row, effect })}
                options={termOptions(EFFECT_DIRECTIONS, lang)}
                placeholder={t.choose}
              />
              <TextField
                path={`outcomes.${String(index)}.finding`}
                label={t.fieldLabels.finding}
                value={row.finding}
                onChange={(finding) => updateRow({ ...row, finding })}
                lang="en"
                className="field--grow"
              />
            </>
          )}
        />
      </FormSection>

      <FormSection title={t.formSections.appraisal}>
        <p className="section__lead">{t.appraisalFormLead}</p>
        {APPRAISAL_QUESTIONS.map((question, index) => (
          <RadioGroup
            key={question.code}
            path={`appraisal.${question.code}`}
            name={`appraisal-${question.code}`}
            legend={
              <>
                {String(index + 1)}. {question.label[lang]}
              </>
            }
            terms={APPRAISAL_ANSWERS}
            value={v.appraisal[question.code] ?? ''}
            onChange={(answer) => set('appraisal', { ...v.appraisal, [question.code]: answer as AppraisalAnswer })}
          />
        ))}
        <div className="live-quality" aria-live="polite">
          {quality ? (
            <>
              {answered.length < APPRAISAL_QUESTIONS.length
                ? t.qualitySoFar(answered.length, APPRAISAL_QUESTIONS.length)
                : t.qualityComputed}
              {t.colon}
              <QualityBadge quality={quality} />
            </>
          ) : (
            t.qualityNone
          )}
        </div>
        <TextField
          path="appraisalNote"
          label={t.fieldLabels.appraisalNote}
          value={v.appraisalNote}
          onChange={(value) => set('appraisalNote', value)}
          multiline
          rows={3}
          lang="en"
        />
      </FormSection>

      <FormSection title={t.formSections.citation}>
        <fieldset className="source-fieldset" id={fieldId('citation')} tabIndex={-1}>
          <legend>
            {t.fieldLabels.citation} <span className="field__required">({t.required})</span>
          </legend>
          <p className="field__hint">{t.sourcesHint}</p>
          <SourceFields path="citation" source={v.citation} onChange={(citation) => set('citation', citation)} />
        </fieldset>
        <PickList
          path="records"
          legend={t.fieldLabels.records}
          hint={t.recordsHint}
          values={v.records}
          options={choices.records}
          itemName={(index) => t.rowNames.record(index + 1)}
          addLabel={t.addRecord}
          onChange={(values) => set('records', values)}
        />
      </FormSection>
    </>
  );
}
