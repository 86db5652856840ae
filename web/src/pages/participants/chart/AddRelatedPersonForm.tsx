// SPDX-License-Identifier: Apache-2.0
// Adding a guardian, legal representative, natural support, emergency contact or household
// member.
import { useState } from 'react';
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
import { FormActions } from '../../../components/FormActions';
import { useFormSubmit, type FieldErrors } from '../../../components/use_form_submit';
import { codeLabel } from '../../../labels';

type Field = 'name' | 'relationship' | 'roles' | 'phone' | 'email' | 'notes';

export function AddRelatedPersonForm(props: {
  participantId: string;
  onAdded: (person: RelatedPerson) => void;
  onCancel: () => void;
}) {
  const { participantId, onAdded, onCancel } = props;
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [notes, setNotes] = useState('');
  const submit = useFormSubmit<Field>({
    fields: {
      name: ['name', 'Name'],
      relationship: ['relationship', 'Relationship'],
      roles: ['roles', 'Roles'],
      phone: ['phone', 'Phone'],
      email: ['email', 'Email'],
      notes: ['notes', 'Notes'],
    },
    notDone: 'The person was not added.',
  });
  const errors = submit.errors;

  async function onSubmit() {
    const found: FieldErrors<Field> = {};
    if (name.trim() === '') found.name = 'Enter the name.';
    if (!isCode(kRelationships, relationship)) found.relationship = 'Choose the relationship.';
    if (!submit.validate(found) || !isCode(kRelationships, relationship)) return;
    const person = {
      name: name.trim(),
      relationship,
      roles: roles.filter((r): r is RelatedPersonRole => isCode(kRelatedPersonRoles, r)),
      phone: phone.trim(),
      email: email.trim(),
      notes: notes.trim(),
    };
    await submit.send((key) => addRelatedPerson(participantId, person, key), onAdded);
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
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
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Add person"
        busySubmit="Adding…"
        onCancel={onCancel}
      />
    </form>
  );
}
