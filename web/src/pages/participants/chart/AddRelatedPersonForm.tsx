// SPDX-License-Identifier: Apache-2.0
// Adding a guardian, legal representative, natural support, emergency contact or household
// member.
import { useRef, useState, type FormEvent } from 'react';
import {
  isCode,
  kRelatedPersonRoles,
  kRelationships,
  type RelatedPersonRole,
} from '../../../api/codes';
import { addRelatedPerson } from '../../../api/participant_endpoints';
import type { RelatedPerson } from '../../../api/participants';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
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

type Field = 'name' | 'relationship' | 'roles' | 'phone' | 'email' | 'notes';

export function AddRelatedPersonForm(props: {
  participantId: string;
  onAdded: (person: RelatedPerson) => void;
  onCancel: () => void;
}) {
  const { participantId, onAdded, onCancel } = props;
  const form = useRef<HTMLFormElement>(null);
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    if (name.trim() === '') found.name = 'Enter the name.';
    if (!isCode(kRelationships, relationship)) found.relationship = 'Choose the relationship.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    if (!isCode(kRelationships, relationship)) return;
    setBusy(true);
    try {
      const person = await addRelatedPerson(
        participantId,
        {
          name: name.trim(),
          relationship,
          roles: roles.filter((r): r is RelatedPersonRole => isCode(kRelatedPersonRoles, r)),
          phone: phone.trim(),
          email: email.trim(),
          notes: notes.trim(),
        },
        key,
      );
      renewKey();
      onAdded(person);
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors<Field>(error, {
        name: ['name', 'Name'],
        relationship: ['relationship', 'Relationship'],
        roles: ['roles', 'Roles'],
        phone: ['phone', 'Phone'],
        email: ['email', 'Email'],
        notes: ['notes', 'Notes'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The person was not added.'));
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="add-related-heading"
      className="edit-form"
    >
      <h4 id="add-related-heading">Add a related person</h4>
      <div className="form-grid">
        <TextField label="Name" value={name} onValueChange={setName} error={errors.name} required />
        <SelectField
          label="Relationship"
          value={relationship}
          options={[
            { value: '', label: 'Choose…' },
            ...kRelationships.map((r) => ({ value: r, label: codeLabel(r) })),
          ]}
          onValueChange={setRelationship}
          error={errors.relationship}
          required
        />
        <TextField
          label="Phone"
          type="tel"
          value={phone}
          onValueChange={setPhone}
          error={errors.phone}
        />
        <TextField
          label="Email"
          type="email"
          value={email}
          onValueChange={setEmail}
          error={errors.email}
        />
      </div>
      <ChoiceGroup
        kind="checkbox"
        legend="Roles"
        options={kRelatedPersonRoles.map((r) => ({ value: r, label: codeLabel(r) }))}
        values={roles}
        onValuesChange={setRoles}
        error={errors.roles}
        inline
      />
      <TextAreaField
        label="Notes"
        value={notes}
        onValueChange={setNotes}
        error={errors.notes}
        rows={2}
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add person'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
