import { createContext, useContext, type ComponentProps, type ReactNode } from 'react';
import type { Term } from '../../core/library-vocab.js';
import { UI_LANGUAGES, type UiLanguage } from '../../core/languages.js';
import { useLang, useT } from '../i18n.js';
import type { FieldErrors, TextDraft } from '../library-form.js';

/**
 * Form controls of the library's edit forms. Every control has a visible label, its hint and its
 * error tied to it by `aria-describedby`, `aria-invalid` when it is at fault, and an id derived
 * from its field path ("title.en" → "field-title-en") so the error summary can link to it.
 */

/** The errors of the form, by dotted field path. */
export const FormErrorsContext = createContext<FieldErrors>({});

/** The id of a field's control, from its dotted path. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** A field's control id, its error if any, and the ids of the hint and error that describe it. */
type FieldState = { id: string; error: string | undefined; describedBy: string | undefined };

/**
 * Ties form controls to the keys of one object the form edits: `field('acronym')` gives the
 * control its path (under `prefix`, as in "sources.0.title"), its value and a change that writes
 * the key back.
 */
export function bindFields<T extends object>(values: T, onChange: (values: T) => void, prefix?: string) {
  return <K extends keyof T & string>(key: K) => ({
    path: prefix === undefined ? key : `${prefix}.${key}`,
    value: values[key],
    onChange: (value: T[K]) => onChange({ ...values, [key]: value }),
  });
}

function useFieldState(path: string, hint?: ReactNode): FieldState {
  const errors = useContext(FormErrorsContext);
  const error = errors[path];
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return { id, error, describedBy };
}

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function RequiredMark() {
  const t = useT();
  return <span className="field__required"> ({t.required})</span>;
}

/** One labelled control (input, textarea, select) with its hint and error above it. */
function LabelledField({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <RequiredMark />}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/**
 * A group of controls for one field (checkboxes, radio buttons, a list of rows): a fieldset named
 * by its legend, which the error summary can focus, with its hint and error under the legend.
 */
function FieldGroup({
  className,
  state: { id, error, describedBy },
  legend,
  hint,
  required = false,
  invalidWhenAtFault = true,
  children,
}: {
  className: string;
  state: FieldState;
  legend: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** NOTE: a list of rows has never said `aria-invalid`; its rows' own controls do. */
  invalidWhenAtFault?: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset
      className={`${className}${error ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={describedBy}
      aria-invalid={invalidWhenAtFault && error ? true : undefined}
    >
      <legend>
        {legend}
        {required && <RequiredMark />}
      </legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {children}
    </fieldset>
  );
}

export function TextField({
  path,
  label,
  hint,
  value,
  onChange,
  required = false,
  multiline = false,
  rows = 4,
  type = 'text',
  inputMode,
  lang,
  className,
  autoComplete,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'url' | 'email' | 'password';
  inputMode?: 'numeric' | 'text' | 'url';
  /** The language of the text typed in, for spell-checkers and screen readers. */
  lang?: string;
  className?: string;
}) {
  const { id, error, describedBy } = useFieldState(path, hint);
  const common = {
    id,
    value,
    lang,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': required || undefined,
    autoComplete,
  };
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(event) => onChange(event.target.value)} />
      )}
    </LabelledField>
  );
}

export function SelectField({
  path,
  label,
  hint,
  value,
  onChange,
  options,
  placeholder,
  required = false,
  className,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** The first, empty choice ("Choose…"). */
  placeholder?: string;
  required?: boolean;
  className?: string;
}) {
  const { id, error, describedBy } = useFieldState(path, hint);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** One code of a vocabulary, from a list; it starts with an empty "Choose…" unless `choose` is false. */
export function TermSelect({
  terms,
  choose = true,
  ...field
}: Omit<ComponentProps<typeof SelectField>, 'options' | 'placeholder'> & {
  terms: readonly Term[];
  /** False where the field has a default and may not be left empty. */
  choose?: boolean;
}) {
  const t = useT();
  const lang = useLang();
  const options = terms.map((term) => ({ value: term.code, label: term.label[lang] }));
  return <SelectField {...field} options={options} placeholder={choose ? t.choose : undefined} />;
}

/** A text in English, French and Spanish, side by side; English is the one that is required. */
export function MultilingualField({
  path,
  label,
  hint,
  value,
  onChange,
  required = false,
  multiline = false,
  rows = 4,
}: {
  path: string;
  label: string;
  hint?: ReactNode;
  value: TextDraft;
  onChange: (value: TextDraft) => void;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
}) {
  const t = useT();
  const id = fieldId(path);
  return (
    <fieldset className="multilingual" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>
        {label}
        {required && <RequiredMark />}
      </legend>
      <FieldMessages id={id} hint={hint} />
      <div className="multilingual__fields">
        {UI_LANGUAGES.map((lang: UiLanguage) => (
          <TextField
            key={lang}
            path={`${path}.${lang}`}
            label={t.textLanguage[lang]}
            value={value[lang]}
            onChange={(text) => onChange({ ...value, [lang]: text })}
            required={required && lang === 'en'}
            multiline={multiline}
            rows={rows}
            lang={lang}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Several codes of a vocabulary, as checkboxes; `columns` lays long lists out in columns. */
export function CheckboxGroup({
  path,
  legend,
  hint,
  terms,
  value,
  onChange,
  required = false,
  columns = false,
}: {
  path: string;
  legend: string;
  hint?: ReactNode;
  terms: readonly Term[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  required?: boolean;
  columns?: boolean;
}) {
  const lang = useLang();
  const state = useFieldState(path, hint);
  return (
    <FieldGroup className="checkbox-group" state={state} legend={legend} hint={hint} required={required}>
      <ul className={`checkbox-group__list${columns ? ' checkbox-group__list--columns' : ''}`}>
        {terms.map((term) => (
          <li key={term.code}>
            <label>
              <input
                type="checkbox"
                checked={value.includes(term.code)}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? terms.map((x) => x.code).filter((code) => code === term.code || value.includes(code))
                      : value.filter((code) => code !== term.code),
                  )
                }
              />{' '}
              {term.label[lang]}
            </label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}

/** One code of a vocabulary, as radio buttons in a row. */
export function RadioGroup({
  path,
  legend,
  terms,
  value,
  onChange,
  name,
}: {
  path: string;
  legend: ReactNode;
  terms: readonly Term[];
  value: string;
  onChange: (value: string) => void;
  name: string;
}) {
  const lang = useLang();
  const state = useFieldState(path);
  return (
    <FieldGroup className="radio-group" state={state} legend={legend}>
      <div className="radio-group__options">
        {terms.map((term) => (
          <label key={term.code}>
            <input
              type="radio"
              name={name}
              value={term.code}
              checked={value === term.code}
              onChange={() => onChange(term.code)}
            />{' '}
            {term.label[lang]}
          </label>
        ))}
      </div>
    </FieldGroup>
  );
}

/**
 * A list of rows the user adds to and removes from (countries with roles, sources, outcomes…).
 * Each row is a group named "<item> n"; its remove button says which row it removes.
 */
export function RowList<T>({
  path,
  legend,
  hint,
  rows,
  onChange,
  makeRow,
  itemName,
  addLabel,
  renderRow,
  required = false,
}: {
  path: string;
  legend: string;
  hint?: ReactNode;
  rows: readonly T[];
  onChange: (rows: T[]) => void;
  makeRow: () => T;
  /** "Country 2", "Source 1": names each row's group and remove button. */
  itemName: (index: number) => string;
  addLabel: string;
  renderRow: (row: T, index: number, update: (row: T) => void) => ReactNode;
  required?: boolean;
}) {
  const t = useT();
  const state = useFieldState(path, hint);
  const { id } = state;
  return (
    <FieldGroup
      className="row-list"
      state={state}
      legend={legend}
      hint={hint}
      required={required}
      invalidWhenAtFault={false}
    >
      {rows.length > 0 && (
        <ol className="row-list__rows">
          {rows.map((row, index) => (
            // The group is inside the item: a list's children must stay list items (axe: list).
            <li key={index} className="row-list__item">
              <div className="row-list__row" role="group" aria-label={itemName(index)}>
                <div className="row-list__fields">
                  {renderRow(row, index, (next) => onChange(rows.map((r, i) => (i === index ? next : r))))}
                </div>
                <button
                  type="button"
                  className="button-small row-list__remove"
                  onClick={() => {
                    onChange(rows.filter((_, i) => i !== index));
                    // Focus would be lost with the button: move it to the list.
                    document.getElementById(id)?.focus();
                  }}
                >
                  {t.removeRow(itemName(index))}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button-small"
        onClick={() => {
          onChange([...rows, makeRow()]);
          // Put the reader in the new row's first control.
          requestAnimationFrame(() => {
            const list = document.getElementById(id);
            const last = list?.querySelectorAll<HTMLElement>('.row-list__row');
            last?.[last.length - 1]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
          });
        }}
      >
        {addLabel}
      </button>
    </FieldGroup>
  );
}
