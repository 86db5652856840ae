// SPDX-License-Identifier: Apache-2.0
// Adding someone to the episode's care team: a colleague (from the staff list) or someone
// outside the organization (a name and their organization).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isCode, kCareTeamRoles } from '../../../api/codes';
import type { CareTeamMember, NewCareTeamMember } from '../../../api/episodes';
import { addCareTeamMember } from '../../../api/episode_endpoints';
import { listStaff } from '../../../api/participant_endpoints';
import type { StaffMember } from '../../../api/participants';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { SelectField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { isCalendarDate, today } from '../../../format';
import { useIdempotencyKey } from '../../../hooks/use_idempotency_key';
import { codeLabel } from '../../../labels';

type Field = 'kind' | 'user' | 'name' | 'org' | 'role' | 'phone' | 'email' | 'start';

export function AddCareTeamMemberForm(props: {
  episodeId: string;
  programId: string;
  onAdded: (member: CareTeamMember) => void;
  onCancel: () => void;
}) {
  const { episodeId, programId, onAdded, onCancel } = props;
  const form = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState('internal');
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [userId, setUserId] = useState('');
  const [name, setName] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [start, setStart] = useState(today());
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();

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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    if (kind === 'internal' && userId === '') found.user = 'Choose the staff member.';
    if (kind === 'external' && name.trim() === '') found.name = 'Enter the name.';
    if (!isCode(kCareTeamRoles, role)) found.role = 'Choose the role on the care team.';
    if (!isCalendarDate(start)) found.start = 'Enter the date they join the team.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    if (!isCode(kCareTeamRoles, role)) return;
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
    setBusy(true);
    try {
      const added = await addCareTeamMember(episodeId, member, key);
      renewKey();
      onAdded(added);
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors<Field>(error, {
        user_id: ['user', 'Staff member'],
        external_name: ['name', 'Name'],
        external_org: ['org', 'Organization'],
        role: ['role', 'Role on the team'],
        phone: ['phone', 'Phone'],
        email: ['email', 'Email'],
        start_date: ['start', 'From'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The member was not added.'));
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
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
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add member'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
