// SPDX-License-Identifier: Apache-2.0
// The participant's contact schedule for the first 30 days (001 §2: "daily to at least three
// times a week, based on the individual's safety needs, level of independence and their
// wishes"), within the bounds of the program's policy, and the form that changes it.
import { useId, useRef, useState, type FormEvent } from 'react';
import { isCode, kScheduleReasons } from '../../../api/codes';
import type { Episode } from '../../../api/episodes';
import { getPolicy, setContactSchedule } from '../../../api/worklist_endpoints';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
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
  const form = useRef<HTMLFormElement>(null);
  const [perWeek, setPerWeek] = useState(() =>
    String(current && current.per_week > 0 ? current.per_week : (bounds?.default_per_week ?? 3)),
  );
  const [reason, setReason] = useState<string>(current?.reason ?? '');
  const [note, setNote] = useState(current?.note ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const min = bounds?.min_per_week ?? 1;
  const max = bounds?.max_per_week ?? 7;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    const n = Number(perWeek);
    if (!Number.isInteger(n) || n < min || n > max) {
      found.perWeek = `Enter a whole number from ${min} to ${max}.`;
    }
    if (!isCode(kScheduleReasons, reason)) found.reason = 'Choose why this schedule fits.';
    if (note.length > 1000) found.note = 'Use at most 1000 characters.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    if (!isCode(kScheduleReasons, reason)) return;
    setBusy(true);
    try {
      const updated = await setContactSchedule(episode, {
        per_week: n,
        reason,
        note: note.trim(),
      });
      onSaved(updated);
    } catch (error) {
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<Field>(error, {
        per_week: ['perWeek', 'Contacts per week'],
        reason: ['reason', 'Reason'],
        note: ['note', 'Note'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The schedule was not changed.'));
      if (isConflict(error)) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
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
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save schedule'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
