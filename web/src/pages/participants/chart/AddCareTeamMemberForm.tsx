// SPDX-License-Identifier: Apache-2.0
// Adding someone to the episode's care team: a colleague (from the staff list) or someone
// outside the organization (a name and their organization).
import { useEffect, useState } from 'react';
import { isCode, kCareTeamRoles } from '../../../api/codes';
import type { CareTeamMember, NewCareTeamMember } from '../../../api/episodes';
import { addCareTeamMember } from '../../../api/episode_endpoints';
import { listStaff } from '../../../api/participant_endpoints';
import type { StaffMember } from '../../../api/participants';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { SelectField, TextField } from '../../../components/Fields';
import { FormActions } from '../../../components/FormActions';
import { formFailure, sessionGone } from '../../../components/form_errors';
import { useFormSubmit, type FieldErrors } from '../../../components/use_form_submit';
import { isCalendarDate, today } from '../../../format';
import { codeLabel } from '../../../labels';

type Field = 'kind' | 'user' | 'name' | 'org' | 'role' | 'phone' | 'email' | 'start';

export function AddCareTeamMemberForm(props: {
  episodeId: string;
  programId: string;
  onAdded: (member: CareTeamMember) => void;
  onCancel: () => void;
}) {
  const { episodeId, programId, onAdded, onCancel } = props;
  const [kind, setKind] = useState('internal');
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [start, setStart] = useState(today());
  const submit = useFormSubmit<Field>({
    fields: {
      user_id: ['user', 'Staff member'],
      external_name: ['name', 'Name'],
      external_org: ['org', 'Organization'],
      role: ['role', 'Role on the team'],
      phone: ['phone', 'Phone'],
      email: ['email', 'Email'],
      start_date: ['start', 'From'],
    },
    notDone: 'The member was not added.',
  });
  const { errors, setFailure } = submit;

  useEffect(() => {
    let cancelled = false;
    listStaff({ program_id: programId }).then(
      (items) => {
        if (!cancelled) setStaff(items);
      },
      (error: unknown) => {
        if (!cancelled && !sessionGone(error)) {
          setStaff([]);
          setFailure(formFailure(error, 'The staff list could not be loaded.'));
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [programId]);

  async function onSubmit() {
    const found: FieldErrors<Field> = {};
    if (kind === 'internal' && userId === '') found.user = 'Choose the staff member.';
    if (kind === 'external' && name.trim() === '') found.name = 'Enter the name.';
    if (!isCode(kCareTeamRoles, role)) found.role = 'Choose the role on the care team.';
    if (!isCalendarDate(start)) found.start = 'Enter the date they join the team.';
    if (!submit.validate(found) || !isCode(kCareTeamRoles, role)) return;
    const member: NewCareTeamMember =
      kind === 'internal'
        ? { role, user_id: userId, start_date: start }
        : {
            role,
            external_name: name.trim(),
            external_org: org.trim(),
            phone: phone.trim(),
            email: email.trim(),
            start_date: start,
          };
    await submit.send((key) => addCareTeamMember(episodeId, member, key), onAdded);
  }

  return (
    <form
      {...submit.formProps(onSubmit)}
      aria-labelledby="add-member-heading"
      className="edit-form"
    >
      <h3 id="add-member-heading">Add a care team member</h3>
      <ChoiceGroup
        kind="radio"
        legend="Who"
        options={[
          { value: 'internal', label: 'A colleague' },
          { value: 'external', label: 'Someone outside the organization' },
        ]}
        value={kind}
        onValueChange={setKind}
        inline
      />
      <div className="form-grid">
        {kind === 'internal' ? (
          <SelectField
            label="Staff member"
            value={userId}
            options={[
              { value: '', label: staff === null ? 'Loading…' : 'Choose…' },
              ...(staff ?? []).map((s) => ({ value: s.id, label: s.display_name })),
            ]}
            onValueChange={setUserId}
            error={errors.user}
            required
          />
        ) : (
          <>
            <TextField
              label="Name"
              value={name}
              onValueChange={setName}
              error={errors.name}
              required
            />
            <TextField label="Organization" value={org} onValueChange={setOrg} error={errors.org} />
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
          </>
        )}
        <SelectField
          label="Role on the team"
          value={role}
          options={[
            { value: '', label: 'Choose…' },
            ...kCareTeamRoles.map((r) => ({ value: r, label: codeLabel(r) })),
          ]}
          onValueChange={setRole}
          error={errors.role}
          required
        />
        <TextField
          label="From"
          type="date"
          value={start}
          onValueChange={setStart}
          error={errors.start}
          required
        />
      </div>
      <FormActions
        failure={submit.failure}
        busy={submit.busy}
        submit="Add member"
        busySubmit="Adding…"
        onCancel={onCancel}
      />
    </form>
  );
}
