// SPDX-License-Identifier: Apache-2.0
// Recording the discharge of an open admission (PATCH with If-Match: someone else may have
// recorded it meanwhile).
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Transition } from '../../../api/transitions';
import { updateTransition } from '../../../api/worklist_endpoints';
import { CheckboxField } from '../../../components/CheckboxField';
import { TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { instantInZone, localInputInZone } from '../../../zoned_time';

interface Props {
  transition: Transition;
  timeZone: string | undefined;
  onSaved: (transition: Transition) => void;
  onStale: () => void;
  onCancel: () => void;
}

type Field = 'dischargedAt';

export function DischargeForm({ transition, timeZone, onSaved, onStale, onCancel }: Props) {
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [dischargedAt, setDischargedAt] = useState(() => localInputInZone(timeZone));
  const [medication, setMedication] = useState(transition.medication_needed);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const at = instantInZone(dischargedAt, timeZone);
    const found: Partial<Record<Field, string>> = {};
    if (at === null) found.dischargedAt = 'Enter the date and time of discharge.';
    else if (Date.parse(at) > Date.now() + 60_000) {
      found.dischargedAt = 'The discharge cannot be in the future.';
    } else if (at < transition.admitted_at) {
      found.dischargedAt = 'The discharge cannot be before the admission.';
    }
    if (showErrorsAndFocus(form.current, () => setErrors(found)) || at === null) return;
    setBusy(true);
    try {
      const saved = await updateTransition(transition, {
        discharged_at: at,
        medication_needed: medication,
      });
      onSaved(saved);
    } catch (error) {
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<Field>(error, {
        discharged_at: ['dischargedAt', 'Discharged'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The discharge was not recorded.'));
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
      aria-labelledby={headingId}
      className="edit-form inline-form"
    >
      <h4 id={headingId}>Record discharge</h4>
      <TextField
        label="Discharged"
        type="datetime-local"
        value={dischargedAt}
        max={localInputInZone(timeZone)}
        onValueChange={setDischargedAt}
        error={errors.dischargedAt}
        hint={`Time in ${timeZone ?? 'your time zone'}.`}
        required
      />
      <CheckboxField
        label="Medication needed after discharge"
        checked={medication}
        onCheckedChange={setMedication}
        hint="Starts the psychiatric linkage: an appointment within 7 days (001 §6)."
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save discharge'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
