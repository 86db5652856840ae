// SPDX-License-Identifier: Apache-2.0
// Recording an admission to a higher level of care, with its discharge when it is known.
// A discharge needing medication starts the 7-day psychiatric linkage (001 §6); every discharge
// starts the transition follow-up (001 §8).
import { useRef, useState, type FormEvent } from 'react';
import { kTransitionLevels } from '../../../api/codes';
import type { Transition } from '../../../api/transitions';
import { recordTransition } from '../../../api/worklist_endpoints';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { useIdempotencyKey } from '../../../hooks/use_idempotency_key';
import { codeLabel } from '../../../labels';
import { localInputInZone } from '../../../zoned_time';
import {
  emptyTransitionDraft,
  kTransitionFields,
  toNewTransition,
  validateTransition,
  type TransitionDraft,
  type TransitionErrors,
} from './transition_draft';

interface Props {
  episodeId: string;
  timeZone: string | undefined;
  onRecorded: (transition: Transition) => void;
  onCancel: () => void;
}

export function RecordTransitionForm({ episodeId, timeZone, onRecorded, onCancel }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<TransitionDraft>(emptyTransitionDraft);
  const [errors, setErrors] = useState<TransitionErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const now = localInputInZone(timeZone);
  const zoneHint = `Time in ${timeZone ?? 'your time zone'}.`;

  function set<K extends keyof TransitionDraft>(field: K, value: TransitionDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = validateTransition(draft, timeZone);
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    setBusy(true);
    try {
      const transition = await recordTransition(episodeId, toNewTransition(draft, timeZone), key);
      renewKey();
      onRecorded(transition);
    } catch (error) {
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors(error, kTransitionFields);
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The transition was not recorded.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="record-transition-heading"
      className="edit-form"
    >
      <h3 id="record-transition-heading">Record a transition</h3>
      <div className="form-grid">
        <SelectField
          label="Level of care"
          value={draft.level}
          options={[
            { value: '', label: 'Choose…' },
            ...kTransitionLevels.map((l) => ({ value: l, label: codeLabel(l) })),
          ]}
          onValueChange={(v) => set('level', v)}
          error={errors.level}
          required
        />
        <TextField
          label="Facility"
          value={draft.facility}
          onValueChange={(v) => set('facility', v)}
          error={errors.facility}
          autoComplete="off"
          required
        />
        <TextField
          label="Admitted"
          type="datetime-local"
          value={draft.admittedAt}
          max={now}
          onValueChange={(v) => set('admittedAt', v)}
          error={errors.admittedAt}
          hint={zoneHint}
          required
        />
        <TextField
          label="Discharged"
          type="datetime-local"
          value={draft.dischargedAt}
          max={now}
          onValueChange={(v) => set('dischargedAt', v)}
          error={errors.dischargedAt}
          hint={`Leave empty while the participant is still there. ${zoneHint}`}
        />
      </div>
      <CheckboxField
        label="Medication needed after discharge"
        checked={draft.medicationNeeded}
        onCheckedChange={(v) => set('medicationNeeded', v)}
        hint="Starts the psychiatric linkage: an appointment within 7 days of discharge (001 §6)."
      />
      <TextAreaField
        label="Notes"
        value={draft.notes}
        onValueChange={(v) => set('notes', v)}
        error={errors.notes}
        rows={3}
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record transition'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
