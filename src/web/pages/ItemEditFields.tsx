import type { ReactNode } from 'react';
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
  type Term,
} from '../../core/library-vocab.js';
import { QualityBadge } from '../components/Badges.js';
import {
  CheckboxGroup,
  MultilingualField,
  RadioGroup,
  RowList,
  SelectField,
  TermSelect,
  TextField,
  bindFields,
  fieldId,
} from '../components/FormFields.js';
import { useLang, useT, type Messages } from '../i18n.js';
import {
  emptySource,
  type AcronymsDraft,
  type OrganisationDraft,
  type RecordDraft,
  type SourceDraft,
  type StudyDraft,
} from '../library-form.js';

/*
 * The field sets of the library's edit form (ItemEditPage.tsx): a record's, an organisation's and
 * a study's, and the groups they share (period, sources, pick lists, appraisal).
 */

export type Option = { value: string; label: string };

/** What a list of picks picks from (published items, from the API), and the words of its rows. */
export type Picker = {
  options: Option[];
  /** "Country 2", "Practice 1": names each row. */
  itemName: (index: number) => string;
  addLabel: string;
};

/** The form's pickers: countries, organisations, related records and the records a study evaluates. */
export type Pickers = Record<'country' | 'organisation' | 'related' | 'record', Picker>;

/** The options of a picker, with the values already chosen even when the API did not list them. */
function withChosen(options: readonly Option[], chosen: readonly string[]): Option[] {
  const missing = chosen.filter((value) => value && !options.some((o) => o.value === value));
  return [...options, ...missing.map((value) => ({ value, label: value }))];
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

/** The acronym in French and in Spanish, each only where it differs from the acronym (OIM for IOM). */
function LocalAcronymFields({
  path,
  value,
  onChange,
}: {
  path: string;
  value: AcronymsDraft;
  onChange: (value: AcronymsDraft) => void;
}) {
  const t = useT();
  const field = bindFields(value, onChange, path);
  return (
    <>
      <TextField {...field('fr')} label={t.acronymIn.fr} lang="fr" className="field--narrow" />
      <TextField {...field('es')} label={t.acronymIn.es} lang="es" className="field--narrow" />
    </>
  );
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

export function RecordFields({ values: v, pickers, onChange }: FieldSetProps<RecordDraft>) {
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
          <LocalAcronymFields {...field('acronyms')} />
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

export function OrganisationFields({ values: v, pickers, onChange }: FieldSetProps<OrganisationDraft>) {
  const t = useT();
  const field = bindFields(v, onChange);
  return (
    <>
      <FormSection title={t.formSections.description}>
        <div className="inline-fields">
          <TermSelect {...field('type')} label={t.fieldLabels.orgType} terms={ORGANISATION_TYPES} required />
          <AcronymField {...field('acronym')} />
          <LocalAcronymFields {...field('acronyms')} />
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

export function StudyFields({ values: v, pickers, onChange }: FieldSetProps<StudyDraft>) {
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
