// SPDX-License-Identifier: Apache-2.0
// Recording an admission to a higher level of care, with its discharge when it is known.
// A discharge needing medication starts the 7-day psychiatric linkage (001 §6); every discharge
// starts the transition follow-up (001 §8).
import { useState } from 'react';
import { kTransitionLevels } from '../../../api/codes';
import type { Transition } from '../../../api/transitions';
import { recordTransition } from '../../../api/worklist_endpoints';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit } from '../../../components/use_form_submit';
import { codeLabel } from '../../../labels';
import { localInputInZone } from '../../../zoned_time';
import {
  emptyTransitionDraft,
  kTransitionFields,
  toNewTransition,
  validateTransition,
  type TransitionDraft,
} from './transition_draft';

interface Props {
  episodeId: string;
  timeZone: string | undefined;
  onRecorded: (transition: Transition) => void;
  onCancel: () => void;
}

export function RecordTransitionForm({ episodeId, timeZone, onRecorded, onCancel }: Props) {
  const [draft, setDraft] = useState<TransitionDraft>(emptyTransitionDraft);
  const submit = useFormSubmit({
    fields: kTransitionFields,
    notDone: 'The transition was not recorded.',
  });
  const errors = submit.errors;
  const now = localInputInZone(timeZone);
  const zoneHint = `Time in ${timeZone ?? 'your time zone'}.`;

  function set<K extends keyof TransitionDraft>(field: K, value: TransitionDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
  }

  async function onSubmit() {
    if (!submit.validate(validateTransition(draft, timeZone))) return;
    await submit.send(
      (key) => recordTransition(episodeId, toNewTransition(draft, timeZone), key),
      onRecorded,
    );
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
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
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Record transition"
        busySubmit="Recording…"
        onCancel={onCancel}
      />
    </form>
  );
}
