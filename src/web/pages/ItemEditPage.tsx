import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
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
import { ApiError, listCountries } from '../api.js';
import { QualityBadge } from '../components/Badges.js';
import { Breadcrumb } from '../components/Breadcrumb.js';
import { ContributorGate } from '../components/ContributorGate.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import {
  CheckboxGroup,
  FormErrorsContext,
  MultilingualField,
  RadioGroup,
  RowList,
  SelectField,
  TermSelect,
  TextField,
  bindFields,
  fieldId,
} from '../components/FormFields.js';
import { Loading } from '../components/Loading.js';
import { WordDiff } from '../components/Snippet.js';
import { useApi, useDocumentTitle } from '../hooks.js';
import { useLang, useT, type Messages } from '../i18n.js';
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

/** What a list of picks picks from (published items, from the API), and the words of its rows. */
type Picker = {
  options: Option[];
  /** "Country 2", "Practice 1": names each row. */
  itemName: (index: number) => string;
  addLabel: string;
};

/** The form's pickers: countries, organisations, related records and the records a study evaluates. */
type Pickers = Record<'country' | 'organisation' | 'related' | 'record', Picker>;

/** A message about one field, by its dotted path. */
type FieldMessage = { field: string; message: string };

/** What a save that lost a race knows: the server's refusal, and the version saved meanwhile. */
type Conflict = { error: ApiError; theirs: ItemView | null };

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

/** The start and end years of a period (what a record covers, when a study's data were collected). */
function PeriodFields<T extends { periodStart: string; periodEnd: string }>({
  legend,
  values,
  onChange,
}: {
  legend: string;
  values: T;
  onChange: (values: T) => void;
}) {
  const t = useT();
  return (
    <fieldset className="inline-fields">
      <legend>{legend}</legend>
      <YearField
        path="period.start"
        label={t.periodStart}
        value={values.periodStart}
        onChange={(periodStart) => onChange({ ...values, periodStart })}
      />
      <YearField
        path="period.end"
        label={t.periodEnd}
        value={values.periodEnd}
        onChange={(periodEnd) => onChange({ ...values, periodEnd })}
      />
    </fieldset>
  );
}

/** A year, typed as four digits. */
function YearField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
}) {
  const t = useT();
  return <TextField {...props} hint={t.yearHint} inputMode="numeric" className="field--year" />;
}

function AcronymField(props: { path: string; value: string; onChange: (value: string) => void }) {
  const t = useT();
  return <TextField {...props} label={t.fieldLabels.acronym} className="field--narrow" />;
}

function WebsiteField(props: { path: string; value: string; onChange: (value: string) => void }) {
  const t = useT();
  return <TextField {...props} label={t.fieldLabels.website} type="url" inputMode="url" />;
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
  const field = bindFields(source, onChange, path);
  return (
    <div className="source-fields">
      <TextField {...field('document')} label={t.fieldLabels.document} hint={t.documentHint} />
      <TextField {...field('section')} label={t.fieldLabels.section} />
      <TextField {...field('title')} label={t.fieldLabels.sourceTitle} hint={t.sourceTitleHint} lang="en" />
      <TextField {...field('url')} label={t.fieldLabels.url} type="url" inputMode="url" />
      <TextField {...field('doi')} label={t.fieldLabels.doi} hint={t.doiHint} />
      <TextField {...field('note')} label={t.fieldLabels.note} />
    </div>
  );
}

function SourcesList({
  path,
  value,
  required,
  onChange,
}: {
  path: string;
  value: SourceDraft[];
  required: boolean;
  onChange: (sources: SourceDraft[]) => void;
}) {
  const t = useT();
  return (
    <RowList
      path={path}
      legend={t.fieldLabels.sources}
      hint={t.sourcesHint}
      rows={value}
      onChange={onChange}
      makeRow={emptySource}
      itemName={(index) => t.rowNames.source(index + 1)}
      addLabel={t.addSource}
      required={required}
      renderRow={(source, index, updateRow) => (
        <SourceFields path={`${path}.${String(index)}`} source={source} onChange={updateRow} />
      )}
    />
  );
}

/** What a list of picks hands to its RowList unchanged (with its `onChange`, in the rest too). */
type ListProps = { path: string; legend: string; hint?: string };

/** A list of picks from one set of choices (places, related records, studied records). */
function PickList({
  value,
  picker,
  ...list
}: ListProps & {
  value: string[];
  picker: Picker;
  onChange: (values: string[]) => void;
}) {
  const t = useT();
  const all = withChosen(picker.options, value);
  return (
    <RowList
      {...list}
      rows={value}
      makeRow={() => ''}
      itemName={picker.itemName}
      addLabel={picker.addLabel}
      renderRow={(pick, index, updateRow) => (
        <SelectField
          path={`${list.path}.${String(index)}`}
          label={picker.itemName(index)}
          value={pick}
          onChange={updateRow}
          options={all}
          placeholder={t.choose}
        />
      )}
    />
  );
}

/** A row that picks one of a set of choices (under the key `P`) and gives it a role. */
type RoleRow<P extends string> = Record<P, string> & { role: string };

/** A list of picks, each with its role: a record's countries, its organisations. */
function RolePickList<P extends string>({
  value,
  pickKey,
  pickLabel,
  picker,
  roles,
  ...list
}: ListProps & {
  value: RoleRow<P>[];
  /** The row's key that holds the pick ("code" of a country, "id" of an organisation). */
  pickKey: P;
  pickLabel: string;
  picker: Picker;
  roles: readonly Term[];
  onChange: (rows: RoleRow<P>[]) => void;
}) {
  const t = useT();
  const all = withChosen(
    picker.options,
    value.map((row) => row[pickKey]),
  );
  return (
    <RowList
      {...list}
      rows={value}
      // NOTE: TypeScript types a computed key of a generic type as a string index, hence the cast.
      makeRow={() => ({ [pickKey]: '', role: '' }) as RoleRow<P>}
      itemName={picker.itemName}
      addLabel={picker.addLabel}
      renderRow={(row, index, updateRow) => {
        const field = bindFields(row, updateRow, `${list.path}.${String(index)}`);
        return (
          <>
            <SelectField
              path={`${list.path}.${String(index)}.${pickKey}`}
              label={pickLabel}
              value={row[pickKey]}
              onChange={(pick) => updateRow({ ...row, [pickKey]: pick })}
              options={all}
              placeholder={t.choose}
            />
            <TermSelect {...field('role')} label={t.fieldLabels.role} terms={roles} />
          </>
        );
      }}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** What the fields of each item type take: the draft's values, the pickers' choices, a change. */
type FieldSetProps<T> = { values: T; pickers: Pickers; onChange: (values: T) => void };

/** The keys of a record's classifications: each a list of codes from one vocabulary. */
type ClassificationKey =
  'instruments' | 'themes' | 'interventions' | 'crossCutting' | 'stages' | 'sectors' | 'gcm' | 'sdg';

/** A record's classifications, in the form's order; `columns` lays long vocabularies out in columns. */
const RECORD_CLASSIFICATIONS: readonly {
  key: ClassificationKey;
  terms: readonly Term[];
  required?: boolean;
  columns?: boolean;
  hint?: (t: Messages) => string;
}[] = [
  { key: 'instruments', terms: INSTRUMENTS, required: true },
  { key: 'themes', terms: KNOMAD_THEMES, required: true, columns: true },
  { key: 'interventions', terms: INTERVENTIONS, required: true, columns: true, hint: (t) => t.interventionsHint },
  { key: 'crossCutting', terms: CROSS_CUTTING_THEMES, columns: true },
  { key: 'stages', terms: STAGES, columns: true },
  { key: 'sectors', terms: SECTORS, columns: true },
  { key: 'gcm', terms: GCM_OBJECTIVES },
  { key: 'sdg', terms: SDG_TARGETS },
];

function RecordFields({ values: v, pickers, onChange }: FieldSetProps<RecordDraft>) {
  const t = useT();
  const field = bindFields(v, onChange);
  return (
    <>
      <FormSection title={t.formSections.description}>
        <div className="inline-fields">
          <TermSelect {...field('kind')} label={t.fieldLabels.kind} terms={RECORD_KINDS} required />
          {v.kind === 'agreement' && (
            <TermSelect
              {...field('agreementScope')}
              label={t.fieldLabels.agreementScope}
              terms={AGREEMENT_SCOPES}
              required
            />
          )}
          <TermSelect {...field('status')} label={t.fieldLabels.status} terms={RECORD_STATUSES} choose={false} />
          <AcronymField {...field('acronym')} />
        </div>
        <MultilingualField {...field('title')} label={t.fieldLabels.title} required />
        <MultilingualField
          {...field('summary')}
          label={t.fieldLabels.summary}
          hint={t.summaryHint}
          required
          multiline
        />
        <MultilingualField
          {...field('description')}
          label={t.fieldLabels.description}
          hint={t.descriptionHint}
          multiline
          rows={8}
        />
        <PeriodFields legend={t.fieldLabels.period} values={v} onChange={onChange} />
        <WebsiteField {...field('website')} />
      </FormSection>

      <FormSection title={t.formSections.who}>
        <RolePickList
          {...field('countries')}
          legend={t.fieldLabels.countries}
          hint={t.countriesHint}
          pickKey="code"
          pickLabel={t.fieldLabels.country}
          picker={pickers.country}
          roles={COUNTRY_ROLES}
        />
        <RolePickList
          {...field('organisations')}
          legend={t.fieldLabels.organisations}
          pickKey="id"
          pickLabel={t.fieldLabels.organisation}
          picker={pickers.organisation}
          roles={ORGANISATION_ROLES}
        />
      </FormSection>

      <FormSection title={t.formSections.classification}>
        {RECORD_CLASSIFICATIONS.map((classification) => (
          <CheckboxGroup
            key={classification.key}
            {...field(classification.key)}
            legend={t.fieldLabels[classification.key]}
            hint={classification.hint?.(t)}
            terms={classification.terms}
            required={classification.required}
            columns={classification.columns}
          />
        ))}
      </FormSection>

      <FormSection title={t.formSections.sources}>
        <SourcesList {...field('sources')} required />
        <PickList {...field('related')} legend={t.fieldLabels.related} picker={pickers.related} />
      </FormSection>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

function OrganisationFields({ values: v, pickers, onChange }: FieldSetProps<OrganisationDraft>) {
  const t = useT();
  const field = bindFields(v, onChange);
  return (
    <>
      <FormSection title={t.formSections.description}>
        <div className="inline-fields">
          <TermSelect {...field('type')} label={t.fieldLabels.orgType} terms={ORGANISATION_TYPES} required />
          <AcronymField {...field('acronym')} />
        </div>
        <MultilingualField {...field('name')} label={t.fieldLabels.name} required />
        <MultilingualField {...field('summary')} label={t.fieldLabels.summary} multiline />
        <WebsiteField {...field('website')} />
        <PickList {...field('countries')} legend={t.fieldLabels.baseCountries} picker={pickers.country} />
      </FormSection>
      <FormSection title={t.formSections.sources}>
        <SourcesList {...field('sources')} required={false} />
      </FormSection>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Studies
// ---------------------------------------------------------------------------------------------

function StudyFields({ values: v, pickers, onChange }: FieldSetProps<StudyDraft>) {
  const t = useT();
  const field = bindFields(v, onChange);
  return (
    <>
      <FormSection title={t.formSections.description}>
        <MultilingualField {...field('title')} label={t.fieldLabels.title} required />
        <MultilingualField
          {...field('summary')}
          label={t.fieldLabels.studySummary}
          hint={t.studySummaryHint}
          required
          multiline
        />
        <TextField
          {...field('authors')}
          label={t.fieldLabels.authors}
          hint={t.authorsHint}
          multiline
          rows={3}
          lang="en"
        />
        <div className="inline-fields">
          <YearField {...field('year')} label={t.fieldLabels.year} required />
          <TermSelect {...field('design')} label={t.fieldLabels.design} terms={STUDY_DESIGNS} required />
          <TermSelect {...field('independence')} label={t.fieldLabels.independence} terms={INDEPENDENCE} required />
        </div>
        <TextField
          {...field('population')}
          label={t.fieldLabels.population}
          hint={t.populationHint}
          required
          lang="en"
        />
        <PickList {...field('places')} legend={t.fieldLabels.places} picker={pickers.country} />
        <PeriodFields legend={t.fieldLabels.studyPeriod} values={v} onChange={onChange} />
      </FormSection>

      <FormSection title={t.formSections.outcomes}>
        <RowList
          path="outcomes"
          legend={t.fieldLabels.outcomes}
          rows={v.outcomes}
          onChange={field('outcomes').onChange}
          makeRow={() => ({ outcome: '', effect: '', finding: '' })}
          itemName={(index) => t.rowNames.outcome(index + 1)}
          addLabel={t.addOutcome}
          required
          renderRow={(row, index, updateRow) => {
            const outcomeField = bindFields(row, updateRow, `outcomes.${String(index)}`);
            return (
              <>
                <TermSelect {...outcomeField('outcome')} label={t.fieldLabels.outcome} terms={OUTCOMES} />
                <TermSelect {...outcomeField('effect')} label={t.fieldLabels.effect} terms={EFFECT_DIRECTIONS} />
                <TextField
                  {...outcomeField('finding')}
                  label={t.fieldLabels.finding}
                  lang="en"
                  className="field--grow"
                />
              </>
            );
          }}
        />
      </FormSection>

      <FormSection title={t.formSections.appraisal}>
        <AppraisalFields appraisal={v.appraisal} onChange={field('appraisal').onChange} />
        <TextField {...field('appraisalNote')} label={t.fieldLabels.appraisalNote} multiline rows={3} lang="en" />
      </FormSection>

      <FormSection title={t.formSections.citation}>
        <fieldset className="source-fieldset" id={fieldId('citation')} tabIndex={-1}>
          <legend>
            {t.fieldLabels.citation} <span className="field__required">({t.required})</span>
          </legend>
          <p className="field__hint">{t.sourcesHint}</p>
          <SourceFields path="citation" source={v.citation} onChange={field('citation').onChange} />
        </fieldset>
        <PickList {...field('records')} legend={t.fieldLabels.records} hint={t.recordsHint} picker={pickers.record} />
      </FormSection>
    </>
  );
}

/** The appraisal checklist, a question a row, with the quality the answers so far give. */
function AppraisalFields({
  appraisal,
  onChange,
}: {
  appraisal: StudyDraft['appraisal'];
  onChange: (appraisal: StudyDraft['appraisal']) => void;
}) {
  const t = useT();
  const lang = useLang();
  const answered = Object.values(appraisal).filter((a): a is AppraisalAnswer => a !== '');
  const quality =
    answered.length > 0 ? appraisalQuality(Object.fromEntries(answered.map((a, i) => [String(i), a]))) : null;
  return (
    <>
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
          value={appraisal[question.code] ?? ''}
          onChange={(answer) => onChange({ ...appraisal, [question.code]: answer as AppraisalAnswer })}
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
    </>
  );
}
