// SPDX-License-Identifier: Apache-2.0
// Administering one instrument: a form made from its definition (sections; choice items as
// radio groups, ratings as radio groups or a number, text items as text areas) with the score
// worked out live as answers are given — running total, band, flags and needs — by the same
// rules the server stores it with. Level-of-care instruments show the composite and, without an
// installed determination table, ask the assessor for the recommended level; a level provided
// other than the recommended one needs the reason for the variance (001 §3).
import { useId, useMemo, useState } from 'react';
import type { Answers, Assessment, Instrument, InstrumentItem } from '../../api/assessments';
import { recordAssessment } from '../../api/assessments';
import { isCode, kRespondents, type Respondent } from '../../api/codes';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { SelectField, TextAreaField, TextField } from '../../components/Fields';
import { FormActions } from '../../components/FormActions';
import type { FieldMap } from '../../components/form_errors';
import { useFormSubmit } from '../../components/use_form_submit';
import { instantFromLocal, localDateTimeInput } from '../../format';
import { LiveScorePanel } from './LiveScorePanel';
import { allItems, missingItems, scoreAnswers } from './scoring';

const kRespondentLabels: Record<Respondent, string> = {
  participant: 'Participant',
  parent: 'Parent',
  caregiver: 'Caregiver',
  assessor: 'Assessor (observed)',
};
const kRespondentOptions = kRespondents.map((value) => ({
  value,
  label: kRespondentLabels[value],
}));

/** Ratings with this many values or fewer are offered as radio buttons, more as a number. */
const kMaxRadioRating = 11;

interface Props {
  participantId: string;
  episodeId: string | null;
  instrument: Instrument;
  onSaved: (assessment: Assessment) => void;
  onCancel: () => void;
}

function fieldMapFor(instrument: Instrument): FieldMap<string> {
  const map: FieldMap<string> = {
    assessed_at: ['assessed_at', 'Assessed at'],
    respondent: ['respondent', 'Respondent'],
    notes: ['notes', 'Notes'],
    recommended_level: ['recommended_level', 'Recommended level'],
    level_provided: ['level_provided', 'Level provided'],
    variance_reason: ['variance_reason', 'Reason for variance'],
  };
  for (const item of allItems(instrument)) {
    map[`answers.${item.id}`] = [`answers.${item.id}`, item.text];
  }
  return map;
}

export function AssessmentForm(props: Props) {
  const { participantId, episodeId, instrument, onSaved, onCancel } = props;
  const headingId = useId();
  const [answers, setAnswers] = useState<Answers>({});
  const [assessedAt, setAssessedAt] = useState(() => localDateTimeInput());
  // Left at its default ("now", to the minute), the time sent is the moment of saving, to the
  // second: a screening right after the referral was accepted must not fall before the
  // episode's start, from which its flags count (a safety flag's same-day follow-up).
  const [assessedAtChanged, setAssessedAtChanged] = useState(false);
  const [respondent, setRespondent] = useState<Respondent>('participant');
  const [notes, setNotes] = useState('');
  const [recommended, setRecommended] = useState('');
  const [provided, setProvided] = useState('');
  const [variance, setVariance] = useState('');
  const fields = useMemo(() => fieldMapFor(instrument), [instrument]);
  const submit = useFormSubmit<string>({ fields, notDone: 'The assessment was not saved.' });
  const errors = submit.errors;
  const score = scoreAnswers(instrument, answers);
  const levelOfCare = instrument.kind === 'level_of_care';
  const assessorDecides = levelOfCare && instrument.determination_table === null;
  const levelOptions = [
    { value: '', label: 'Choose…' },
    ...instrument.levels.map((l) => ({ value: l.code, label: l.label })),
  ];

  function answer(item: string, value: number | string | null) {
    setAnswers((a) => {
      const next = { ...a };
      if (value === null) delete next[item];
      else next[item] = value;
      return next;
    });
  }

  function validate(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const item of missingItems(instrument, answers)) {
      found[`answers.${item.id}`] = item.kind === 'text' ? 'Write an answer.' : 'Choose an answer.';
    }
    if (instantFromLocal(assessedAt) === null) found['assessed_at'] = 'Enter the date and time.';
    else if (new Date(assessedAt).getTime() > Date.now()) {
      found['assessed_at'] = 'The assessment cannot be in the future.';
    }
    if (assessorDecides && recommended === '') {
      found['recommended_level'] = 'Choose the recommended level.';
    }
    const effectiveRecommended = recommended;
    if (
      levelOfCare &&
      provided !== '' &&
      effectiveRecommended !== '' &&
      provided !== effectiveRecommended &&
      variance.trim() === ''
    ) {
      found['variance_reason'] = 'Say why the level provided differs from the recommended one.';
    }
    return found;
  }

  async function onSubmit() {
    if (!submit.validate(validate())) return;
    const body = {
      instrument_id: instrument.id,
      episode_id: episodeId,
      assessed_at: assessedAtChanged
        ? (instantFromLocal(assessedAt) ?? '')
        : new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      respondent,
      notes: notes.trim(),
      answers,
      ...(levelOfCare
        ? {
            ...(assessorDecides ? { recommended_level: recommended } : {}),
            level_provided: provided,
            variance_reason: variance.trim(),
          }
        : {}),
    };
    await submit.send((key) => recordAssessment(participantId, body, key), onSaved);
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
      aria-labelledby={headingId}
      className="edit-form assessment-form"
    >
      <h3 id={headingId}>{instrument.title}</h3>
      <p className="muted">
        {instrument.description} <span className="cite">{instrument.cite}</span>
      </p>
      <div className="assessment-layout">
        <div className="assessment-items">
          <div className="form-grid">
            <TextField
              label="Assessed at"
              type="datetime-local"
              value={assessedAt}
              max={localDateTimeInput()}
              onValueChange={(v) => {
                setAssessedAt(v);
                setAssessedAtChanged(true);
              }}
              error={errors['assessed_at']}
              required
            />
            <SelectField
              label="Respondent"
              value={respondent}
              options={kRespondentOptions}
              onValueChange={(v) => {
                if (isCode(kRespondents, v)) setRespondent(v);
              }}
              error={errors['respondent']}
            />
          </div>
          {instrument.sections.map((section) => (
            <fieldset key={section.id} className="form-section">
              <legend>{section.title}</legend>
              {section.help && <p className="field-hint">{section.help}</p>}
              {section.items.map((item) => (
                <ItemField
                  key={item.id}
                  item={item}
                  value={answers[item.id]}
                  error={errors[`answers.${item.id}`]}
                  onAnswer={(v) => answer(item.id, v)}
                />
              ))}
            </fieldset>
          ))}
          {levelOfCare && (
            <fieldset className="form-section">
              <legend>Level of care</legend>
              {instrument.determination_table ? (
                <p className="field-hint">
                  The recommended level is decided from the composite by the program's table “
                  {instrument.determination_table.name}” when the assessment is saved.
                </p>
              ) : (
                <SelectField
                  label="Recommended level"
                  value={recommended}
                  options={levelOptions}
                  onValueChange={setRecommended}
                  error={errors['recommended_level']}
                  hint="No determination table is installed: the assessor recommends the level."
                  required
                />
              )}
              <SelectField
                label="Level provided"
                value={provided}
                options={[
                  { value: '', label: 'Same as recommended' },
                  ...instrument.levels.map((l) => ({ value: l.code, label: l.label })),
                ]}
                onValueChange={setProvided}
                error={errors['level_provided']}
              />
              <TextAreaField
                label="Reason for variance"
                value={variance}
                onValueChange={setVariance}
                error={errors['variance_reason']}
                hint="Required when the level provided differs from the recommended level."
                rows={2}
              />
            </fieldset>
          )}
          <TextAreaField
            label="Notes"
            value={notes}
            onValueChange={setNotes}
            error={errors['notes']}
            rows={3}
          />
        </div>
        <LiveScorePanel instrument={instrument} score={score} />
      </div>
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Save assessment"
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}

function ratingValues(item: InstrumentItem): number[] {
  const values: number[] = [];
  for (let v = item.min; v <= item.max; v += 1) values.push(v);
  return values;
}

function ItemField(props: {
  item: InstrumentItem;
  value: number | string | undefined;
  error: string | undefined;
  onAnswer: (value: number | string | null) => void;
}) {
  const { item, value, error, onAnswer } = props;
  const label = item.required ? item.text : `${item.text} (optional)`;
  if (item.kind === 'text') {
    return (
      <TextAreaField
        label={label}
        value={typeof value === 'string' ? value : ''}
        onValueChange={(v) => onAnswer(v === '' ? null : v)}
        error={error}
        rows={3}
        required={item.required}
      />
    );
  }
  const options =
    item.kind === 'choice'
      ? item.options.map((o) => ({ value: String(o.value), label: `${o.label} (${o.value})` }))
      : ratingValues(item).map((v) => ({ value: String(v), label: String(v) }));
  if (item.kind === 'rating' && options.length > kMaxRadioRating) {
    return (
      <TextField
        label={label}
        type="number"
        min={item.min}
        max={item.max}
        step={1}
        value={typeof value === 'number' ? String(value) : ''}
        onValueChange={(v) => onAnswer(v === '' || Number.isNaN(Number(v)) ? null : Number(v))}
        error={error}
        hint={`${item.min} to ${item.max}`}
      />
    );
  }
  return (
    <ChoiceGroup
      kind="radio"
      legend={label}
      options={options}
      value={typeof value === 'number' ? String(value) : ''}
      onValueChange={(v) => onAnswer(Number(v))}
      error={error}
      inline={item.kind === 'rating'}
      hint={item.kind === 'rating' ? `${item.min} (lowest) to ${item.max} (highest)` : undefined}
    />
  );
}
