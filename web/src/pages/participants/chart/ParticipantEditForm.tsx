// SPDX-License-Identifier: Apache-2.0
// Editing a participant's details. Only what changed is sent, with the version the form was
// based on (If-Match): if someone else saved meanwhile the server answers 412 and the user is
// asked to reload rather than overwrite their colleague's change.
import { useRef, useState, type FormEvent } from 'react';
import { kContactMethods, kLivingSituations, kSexes } from '../../../api/codes';
import { updateParticipant } from '../../../api/participant_endpoints';
import type { Participant } from '../../../api/participants';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField, TextAreaField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { codeOptions } from '../../../labels';
import {
  changesFrom,
  draftLabel,
  draftOf,
  kDraftFields,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type ParticipantDraft,
} from './participant_draft';
import { kChildAgeLimit } from './ParticipantFacts';

interface Props {
  participant: Participant;
  onSaved: (participant: Participant) => void;
  onCancel: () => void;
  onReload: () => Promise<void>;
}

type TextKey = Exclude<DraftField, 'interpreter_needed'>;

export function ParticipantEditForm({ participant, onSaved, onCancel, onReload }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ParticipantDraft>(() => draftOf(participant));
  const [basedOn, setBasedOn] = useState(participant.version);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<{ text: string; conflict: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  // After a reload the form starts again from what the server now holds.
  if (basedOn !== participant.version) {
    setBasedOn(participant.version);
    setDraft(draftOf(participant));
    setFailure(null);
  }

  function value(field: TextKey): string {
    if (field.startsWith('address.')) {
      return draft.address[field.slice(8) as keyof ParticipantDraft['address']];
    }
    if (field.startsWith('child.')) {
      return draft.child[field.slice(6) as keyof ParticipantDraft['child']];
    }
    return draft[field as keyof ParticipantDraft] as string;
  }

  function set(field: TextKey, text: string) {
    setDraft((d) => {
      if (field.startsWith('address.')) {
        return { ...d, address: { ...d.address, [field.slice(8)]: text } };
      }
      if (field.startsWith('child.')) {
        return { ...d, child: { ...d.child, [field.slice(6)]: text } };
      }
      return { ...d, [field]: text };
    });
  }

  function text(field: TextKey, extra: { type?: string; hint?: string; required?: boolean } = {}) {
    return (
      <TextField
        label={draftLabel(field)}
        value={value(field)}
        onValueChange={(v) => set(field, v)}
        error={errors[field]}
        autoComplete="off"
        {...extra}
      />
    );
  }

  function area(field: TextKey, hint?: string) {
    return (
      <TextAreaField
        label={draftLabel(field)}
        value={value(field)}
        onValueChange={(v) => set(field, v)}
        error={errors[field]}
        hint={hint}
        rows={2}
      />
    );
  }

  function select(field: TextKey, codes: readonly string[]) {
    return (
      <SelectField
        label={draftLabel(field)}
        value={value(field)}
        options={codeOptions(codes)}
        onValueChange={(v) => set(field, v)}
        error={errors[field]}
      />
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = validateDraft(draft);
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    const changes = changesFrom(participant, draft);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      onSaved(await updateParticipant(participant, changes));
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors(error, kDraftFields);
      if (fieldErrors) {
        showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      } else if (isConflict(error)) {
        setFailure({
          text:
            'Not saved: someone else changed this record since you opened the form. Reload to ' +
            'see their changes (yours will be cleared), then make your changes again.',
          conflict: true,
        });
      } else {
        setFailure({ text: formFailure(error, 'Not saved.'), conflict: false });
      }
    }
  }

  async function onReloadClick() {
    setBusy(true);
    try {
      await onReload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="edit-details-heading"
      className="edit-form"
    >
      <h3 id="edit-details-heading">Edit details</h3>
      <fieldset className="form-section">
        <legend>Demographics</legend>
        <div className="form-grid">
          {text('given_name', { required: true })}
          {text('family_name', { required: true })}
          {text('preferred_name')}
          {text('birth_date', { type: 'date', required: true })}
          {select('sex', kSexes)}
          {text('gender_identity')}
          {text('pronouns', { hint: 'For example she/her, he/him, they/them.' })}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Contact preferences</legend>
        <div className="form-grid">
          {text('phone', { type: 'tel' })}
          {text('email', { type: 'email' })}
          {select('preferred_contact_method', kContactMethods)}
          {text('preferred_contact_times')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Address and living situation</legend>
        <div className="form-grid">
          {text('address.line')}
          {text('address.city')}
          {text('address.state')}
          {text('address.postal_code')}
          {select('living_situation', kLivingSituations)}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Language and culture</legend>
        <div className="form-grid">
          {text('preferred_language', { hint: 'Language code, such as en or es.' })}
        </div>
        <CheckboxField
          label="Interpreter needed"
          checked={draft.interpreter_needed}
          onCheckedChange={(checked) => setDraft((d) => ({ ...d, interpreter_needed: checked }))}
        />
        {area('cultural_considerations')}
      </fieldset>
      <fieldset className="form-section">
        <legend>Advance directive and proxy</legend>
        {area('advance_directive', 'Whether there is one, its date, and where it is kept.')}
        {area('health_care_proxy', 'Name and how to reach them.')}
      </fieldset>
      <fieldset className="form-section">
        <legend>Coverage and primary care</legend>
        <div className="form-grid">
          {text('payer')}
          {text('member_id')}
          {text('primary_care_provider')}
        </div>
      </fieldset>
      {participant.age < kChildAgeLimit && (
        <fieldset className="form-section">
          <legend>Child, family and school</legend>
          <div className="form-grid">
            {text('child.school_name')}
            {text('child.school_grade')}
          </div>
          {area('child.education_plan', 'IEP or 504 plan, and its dates.')}
          {area('child.family_notes')}
        </fieldset>
      )}
      {failure && (
        <ErrorMessage>
          <p>{failure.text}</p>
          {failure.conflict && (
            <button type="button" className="button button-small" onClick={onReloadClick}>
              Reload
            </button>
          )}
        </ErrorMessage>
      )}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
