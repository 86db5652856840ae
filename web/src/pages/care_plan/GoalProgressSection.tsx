// SPDX-License-Identifier: Apache-2.0
// One goal's progress (001 §10: measurable indicators): the entries recorded against it, charted
// with lines at the baseline and the target, in a table too, and a form to add one.
import { useId, useState } from 'react';
import { messageFor } from '../../api/api_error';
import {
  listGoalProgress,
  recordGoalProgress,
  type CarePlanGoal,
  type GoalProgress,
} from '../../api/care_plans';
import { TextAreaField, TextField } from '../../components/Fields';
import { FormActions } from '../../components/FormActions';
import { LineChart } from '../../components/LineChart';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { useFormSubmit } from '../../components/use_form_submit';
import { formatDate, isCalendarDate, today } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { planLabel } from './plan_labels';

function uniqueDates(entries: readonly GoalProgress[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const label = formatDate(e.observed_on);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label} (${n})`;
  });
}

export function GoalProgressSection(props: {
  participantId: string;
  planId: string;
  goal: CarePlanGoal;
  index: number;
  mayRecord: boolean;
}) {
  const { participantId, planId, goal, index, mayRecord } = props;
  const headingId = useId();
  const loader = useLoader(
    () => listGoalProgress(participantId, planId, goal.id),
    `${planId}:${goal.id}`,
  );
  const [adding, setAdding] = useState(false);
  const state = loader.state;
  const entries =
    state.status === 'ready'
      ? [...state.data].sort((a, b) => a.observed_on.localeCompare(b.observed_on))
      : [];
  const unit = goal.unit ? ` ${goal.unit}` : '';
  const values = entries.map((e) => e.value);
  // Headroom above the highest of target, baseline and values, on a whole number for the ticks.
  const yMax = Math.ceil(Math.max(1, goal.target ?? 0, goal.baseline ?? 0, ...values) * 1.1);
  const thresholds = [];
  if (goal.baseline !== null) {
    thresholds.push({ value: goal.baseline, label: `Baseline ${goal.baseline}` });
  }
  if (goal.target !== null) thresholds.push({ value: goal.target, label: `Target ${goal.target}` });

  return (
    <article className="goal-progress card-inner" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Goal {index + 1}: “{goal.statement}”{' '}
        <span className="badge badge-info">{planLabel(goal.status)}</span>
      </h4>
      <p className="muted">
        {goal.indicator}: baseline {goal.baseline ?? '—'}
        {unit}, target {goal.target ?? '—'}
        {unit} by {formatDate(goal.target_date)}
      </p>
      {state.status === 'loading' && <LiveStatus>Loading progress…</LiveStatus>}
      {state.status === 'failed' && (
        <ErrorMessage>The progress could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && entries.length === 0 && (
        <p className="muted">No progress recorded yet.</p>
      )}
      {entries.length > 0 && (
        <LineChart
          title={`Progress toward “${goal.statement}” (${goal.indicator})`}
          categories={uniqueDates(entries)}
          series={[{ id: goal.id, label: goal.indicator || 'Value', values }]}
          yMax={yMax}
          formatValue={(v) => `${Math.round(v * 10) / 10}`}
          categoryHeading="Date"
          thresholds={thresholds}
        />
      )}
      {mayRecord &&
        (adding ? (
          <ProgressForm
            participantId={participantId}
            planId={planId}
            goal={goal}
            index={index}
            onRecorded={(entry) => {
              if (state.status === 'ready') loader.set([...state.data, entry]);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            Add progress to goal {index + 1}
          </button>
        ))}
    </article>
  );
}

type Field = 'observed_on' | 'value' | 'note';

function ProgressForm(props: {
  participantId: string;
  planId: string;
  goal: CarePlanGoal;
  index: number;
  onRecorded: (entry: GoalProgress) => void;
  onCancel: () => void;
}) {
  const { participantId, planId, goal, index, onRecorded, onCancel } = props;
  const headingId = useId();
  const [observedOn, setObservedOn] = useState(today());
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const submit = useFormSubmit<Field>({
    fields: {
      observed_on: ['observed_on', 'Date'],
      value: ['value', 'Value'],
      note: ['note', 'Note'],
    },
    notDone: 'The progress was not recorded.',
  });

  async function onSubmit() {
    const found: Partial<Record<Field, string>> = {};
    if (!isCalendarDate(observedOn)) found.observed_on = 'Enter the date.';
    else if (observedOn > today()) found.observed_on = 'The date cannot be in the future.';
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n)) found.value = 'Enter a number.';
    if (!submit.validate(found)) return;
    await submit.send(
      (key) =>
        recordGoalProgress(
          participantId,
          planId,
          goal.id,
          { observed_on: observedOn, value: n, note: note.trim() },
          key,
        ),
      onRecorded,
    );
  }

  return (
    <form {...submit.formProps(onSubmit)} aria-labelledby={headingId} className="inline-form">
      <h5 id={headingId}>Add progress to goal {index + 1}</h5>
      <div className="form-grid">
        <TextField
          label="Date"
          type="date"
          value={observedOn}
          max={today()}
          onValueChange={setObservedOn}
          error={submit.errors.observed_on}
          required
        />
        <TextField
          label={goal.unit ? `Value (${goal.unit})` : 'Value'}
          inputMode="decimal"
          value={value}
          onValueChange={setValue}
          error={submit.errors.value}
          required
        />
      </div>
      <TextAreaField
        label="Note"
        value={note}
        onValueChange={setNote}
        error={submit.errors.note}
        rows={2}
      />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Save progress"
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
