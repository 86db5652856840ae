// SPDX-License-Identifier: Apache-2.0
// Recording the psychiatric appointment after a discharge: scheduled, kept or missed (with its
// time), none available (documented, and the managing entity notified), or refused.
import { useId, useState } from 'react';
import { kAppointmentStatuses } from '../../../api/codes';
import type { Appointment } from '../../../api/transitions';
import { recordAppointment } from '../../../api/worklist_endpoints';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { TextAreaField, TextField } from '../../../components/Fields';
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit } from '../../../components/use_form_submit';
import { codeLabel } from '../../../labels';
import { localInputInZone } from '../../../zoned_time';
import {
  emptyAppointmentDraft,
  kAppointmentFields,
  needsNote,
  needsTime,
  toNewAppointment,
  validateAppointment,
  type AppointmentDraft,
} from './transition_draft';

interface Props {
  transitionId: string;
  timeZone: string | undefined;
  onRecorded: (appointment: Appointment) => void;
  onCancel: () => void;
}

const kStatusHints: Record<string, string> = {
  scheduled: 'An appointment is booked.',
  kept: 'The participant attended.',
  missed: 'The participant did not attend.',
  none_available: 'No appointment could be had within 7 days; the managing entity was told.',
  refused: 'The participant declined an appointment.',
};

export function AppointmentForm({ transitionId, timeZone, onRecorded, onCancel }: Props) {
  const headingId = useId();
  const [draft, setDraft] = useState<AppointmentDraft>(emptyAppointmentDraft);
  const submit = useFormSubmit({
    fields: kAppointmentFields,
    notDone: 'The appointment was not recorded.',
  });
  const errors = submit.errors;
  const zoneHint = `Time in ${timeZone ?? 'your time zone'}.`;

  function set<K extends keyof AppointmentDraft>(field: K, value: AppointmentDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
  }

  async function onSubmit() {
    if (!submit.validate(validateAppointment(draft, timeZone))) return;
    await submit.send(
      (key) => recordAppointment(transitionId, toNewAppointment(draft, timeZone), key),
      onRecorded,
    );
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
      aria-labelledby={headingId}
      className="edit-form inline-form"
    >
      <h4 id={headingId}>Record psychiatric appointment</h4>
      <ChoiceGroup
        kind="radio"
        legend="What happened"
        options={kAppointmentStatuses.map((s) => ({ value: s, label: codeLabel(s) }))}
        value={draft.status}
        onValueChange={(v) => {
          set('status', v);
          if (v === 'none_available' && draft.meNotifiedAt === '') {
            set('meNotifiedAt', localInputInZone(timeZone));
          }
        }}
        error={errors.status}
        hint={draft.status ? kStatusHints[draft.status] : undefined}
        inline
      />
      <div className="form-grid">
        {needsTime(draft.status) && (
          <TextField
            label="Appointment date and time"
            type="datetime-local"
            value={draft.scheduledFor}
            onValueChange={(v) => set('scheduledFor', v)}
            error={errors.scheduledFor}
            hint={zoneHint}
            required
          />
        )}
        <TextField
          label="Provider"
          value={draft.provider}
          onValueChange={(v) => set('provider', v)}
          error={errors.provider}
          autoComplete="off"
        />
        {draft.status === 'none_available' && (
          <TextField
            label="Managing entity notified"
            type="datetime-local"
            value={draft.meNotifiedAt}
            max={localInputInZone(timeZone)}
            onValueChange={(v) => set('meNotifiedAt', v)}
            error={errors.meNotifiedAt}
            hint={`When the managing entity was told. ${zoneHint}`}
          />
        )}
      </div>
      <TextAreaField
        label="Note"
        value={draft.note}
        onValueChange={(v) => set('note', v)}
        error={errors.note}
        hint={needsNote(draft.status) ? 'Required: document what was tried (001 §6).' : undefined}
        rows={3}
      />
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Save appointment"
        busySubmit="Saving…"
        onCancel={onCancel}
      />
    </form>
  );
}
