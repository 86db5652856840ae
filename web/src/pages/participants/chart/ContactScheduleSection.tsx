// SPDX-License-Identifier: Apache-2.0
// The participant's contact schedule for the first 30 days (001 §2: "daily to at least three
// times a week, based on the individual's safety needs, level of independence and their
// wishes"), within the bounds of the program's policy, and the form that changes it.
import { useId, useRef, useState } from 'react';
import { isCode, kScheduleReasons } from '../../../api/codes';
import type { Episode } from '../../../api/episodes';
import { getPolicy, setContactSchedule } from '../../../api/worklist_endpoints';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit, type FieldErrors } from '../../../components/use_form_submit';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel } from '../../../labels';

type Field = 'perWeek' | 'reason' | 'note';

interface Props {
  episode: Episode;
  mayEdit: boolean;
  onChanged: (episode: Episode) => void;
  onStale: () => void;
}

export function ContactScheduleSection({ episode, mayEdit, onChanged, onStale }: Props) {
  const headingId = useId();
  const schedule = episode.contact_schedule ?? { per_week: 0, reason: '', note: '' };
  const policy = useLoader(() => getPolicy(episode.program_id), episode.program_id);
  const bounds = policy.state.status === 'ready' ? policy.state.data.schedule : null;
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  return (
    <section aria-labelledby={headingId} className="card-inner">
      <h3 id={headingId}>Contact schedule</h3>
      <dl className="facts">
        <dt>Contacts per week</dt>
        <dd>
          {schedule.per_week > 0 ? (
            `${schedule.per_week} a week`
          ) : (
            <>
              Not set
              {bounds && (
                <span className="cell-note">
                  The program's default applies: {bounds.default_per_week} a week.
                </span>
              )}
            </>
          )}
        </dd>
        <dt>Reason</dt>
        <dd>{schedule.reason ? codeLabel(schedule.reason) : '—'}</dd>
        <dt>Note</dt>
        <dd>{schedule.note || '—'}</dd>
      </dl>
      <p className="muted">
        For the first 30 days after enrolment: daily to at least three times a week, based on
        safety needs, level of independence and the participant's wishes (001 §2).
        {bounds && ` This program allows ${bounds.min_per_week} to ${bounds.max_per_week} a week.`}
      </p>
      {mayEdit &&
        (editing ? (
          <ContactScheduleForm
            episode={episode}
            bounds={bounds}
            onSaved={(updated) => {
              setEditing(false);
              onChanged(updated);
            }}
            onStale={onStale}
            onCancel={() => {
              setEditing(false);
              editButton.current?.focus();
            }}
          />
        ) : (
          <button
            ref={editButton}
            type="button"
            className="button"
            onClick={() => setEditing(true)}
          >
            Edit contact schedule
          </button>
        ))}
    </section>
  );
}

function ContactScheduleForm(props: {
  episode: Episode;
  bounds: { min_per_week: number; max_per_week: number; default_per_week: number } | null;
  onSaved: (episode: Episode) => void;
  onStale: () => void;
  onCancel: () => void;
}) {
  const { episode, bounds, onSaved, onStale, onCancel } = props;
  const current = episode.contact_schedule;
  const [perWeek, setPerWeek] = useState(() =>
    String(current && current.per_week > 0 ? current.per_week : (bounds?.default_per_week ?? 3)),
  );
  const [reason, setReason] = useState<string>(current?.reason ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const submit = useFormSubmit<Field>({
    fields: {
      per_week: ['perWeek', 'Contacts per week'],
      reason: ['reason', 'Reason'],
      note: ['note', 'Note'],
    },
    notDone: 'The schedule was not changed.',
    onConflict: onStale,
  });
  const errors = submit.errors;
  const min = bounds?.min_per_week ?? 1;
  const max = bounds?.max_per_week ?? 7;

  async function onSubmit() {
    const found: FieldErrors<Field> = {};
    const n = Number(perWeek);
    if (!Number.isInteger(n) || n < min || n > max) {
      found.perWeek = `Enter a whole number from ${min} to ${max}.`;
    }
    if (!isCode(kScheduleReasons, reason)) found.reason = 'Choose why this schedule fits.';
    if (note.length > 1000) found.note = 'Use at most 1000 characters.';
    if (!submit.validate(found) || !isCode(kScheduleReasons, reason)) return;
    await submit.send(
      () => setContactSchedule(episode, { per_week: n, reason, note: note.trim() }),
      onSaved,
    );
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
      aria-label="Edit contact schedule"
      className="form-narrow edit-form"
    >
      <TextField
        label="Contacts per week"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={perWeek}
        onValueChange={setPerWeek}
        error={errors.perWeek}
        hint={`From ${min} to ${max}, by this program's policy.`}
        required
      />
      <SelectField
        label="Reason"
        value={reason}
        options={[
          { value: '', label: 'Choose…' },
          ...kScheduleReasons.map((r) => ({ value: r, label: codeLabel(r) })),
        ]}
        onValueChange={setReason}
        error={errors.reason}
        required
      />
      <TextAreaField
        label="Note"
        value={note}
        onValueChange={setNote}
        error={errors.note}
        rows={3}
      />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Save schedule"
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
