// SPDX-License-Identifier: Apache-2.0
// Recording the discharge of an open admission (PATCH with If-Match: someone else may have
// recorded it meanwhile).
import { useId, useState } from 'react';
import type { Transition } from '../../../api/transitions';
import { updateTransition } from '../../../api/worklist_endpoints';
import { CheckboxField } from '../../../components/CheckboxField';
import { TextField } from '../../../components/Fields';
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit, type FieldErrors } from '../../../components/use_form_submit';
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
  const [dischargedAt, setDischargedAt] = useState(() => localInputInZone(timeZone));
  const [medication, setMedication] = useState(transition.medication_needed);
  const submit = useFormSubmit<Field>({
    fields: { discharged_at: ['dischargedAt', 'Discharged'] },
    notDone: 'The discharge was not recorded.',
    onConflict: onStale,
  });

  async function onSubmit() {
    const at = instantInZone(dischargedAt, timeZone);
    const found: FieldErrors<Field> = {};
    if (at === null) found.dischargedAt = 'Enter the date and time of discharge.';
    else if (Date.parse(at) > Date.now() + 60_000) {
      found.dischargedAt = 'The discharge cannot be in the future.';
    } else if (at < transition.admitted_at) {
      found.dischargedAt = 'The discharge cannot be before the admission.';
    }
    if (!submit.validate(found) || at === null) return;
    await submit.send(
      () => updateTransition(transition, { discharged_at: at, medication_needed: medication }),
      onSaved,
    );
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
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
        error={submit.errors.dischargedAt}
        hint={`Time in ${timeZone ?? 'your time zone'}.`}
        required
      />
      <CheckboxField
        label="Medication needed after discharge"
        checked={medication}
        onCheckedChange={setMedication}
        hint="Starts the psychiatric linkage: an appointment within 7 days (001 §6)."
      />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Save discharge"
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
