// SPDX-License-Identifier: Apache-2.0
// Creates a user with one role in one program; more roles can be given afterwards.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, fieldMessage, messageFor } from '../../api/api_error';
import { createUser } from '../../api/endpoints';
import type { Program, User } from '../../api/accounts';
import { SelectField, TextField } from '../../components/Fields';
import { ErrorMessage, SuccessMessage } from '../../components/Messages';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import { kPasswordHint, passwordLengthError } from '../../passwords';
import { isRole, kRoleOptions, programOptions } from './role_options';
import { displayNameError, usernameError } from './user_validation';

interface FieldErrors {
  username?: string | undefined;
  displayName?: string | undefined;
  password?: string | undefined;
  program?: string | undefined;
  role?: string | undefined;
}

export function CreateUserForm(props: {
  programs: readonly Program[];
  onCreated: (user: User) => void;
}) {
  const { programs, onCreated } = props;
  const form = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [role, setRole] = useState('care_coordinator');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setCreated(null);
    const found: FieldErrors = {
      username: usernameError(username),
      displayName: displayNameError(displayName),
      password: passwordLengthError(password),
      program: programId === '' ? 'Choose a program.' : undefined,
      role: isRole(role) ? undefined : 'Choose a role.',
    };
    if (showErrorsAndFocus(form.current, () => setErrors(found)) || !isRole(role)) return;

    setBusy(true);
    try {
      const user = await createUser({
        username: username.trim().toLowerCase(),
        display_name: displayName.trim(),
        password,
        roles: [{ program_id: programId, role }],
      });
      setUsername('');
      setDisplayName('');
      setPassword('');
      setCreated(`Created user ${user.username}.`);
      onCreated(user);
    } catch (error) {
      if (error instanceof ApiError && error.sessionExpired) return;
      const fieldErrors = fieldErrorsFrom(error);
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(messageFor(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="create-user-heading" className="card">
      <h2 id="create-user-heading">Create a user</h2>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-grid">
        <TextField
          label="Username"
          value={username}
          onValueChange={setUsername}
          hint="3 to 64 characters: letters, digits, dot, underscore or hyphen."
          error={errors.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          label="Display name"
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          autoComplete="off"
          required
        />
        <TextField
          label="Initial password"
          type="password"
          value={password}
          onValueChange={setPassword}
          hint={`${kPasswordHint} Give it to the user privately.`}
          error={errors.password}
          autoComplete="new-password"
          required
        />
        <SelectField
          label="Program"
          value={programId}
          options={programOptions(programs)}
          onValueChange={setProgramId}
          error={errors.program}
          required
        />
        <SelectField
          label="Role"
          value={role}
          options={kRoleOptions}
          onValueChange={setRole}
          error={errors.role}
          required
        />
        <div className="form-actions">
          {failure && <ErrorMessage>{failure}</ErrorMessage>}
          {created && <SuccessMessage>{created}</SuccessMessage>}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Creating user…' : 'Create user'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Puts a server refusal next to the field it names; null when it names none we show. */
function fieldErrorsFrom(error: unknown): FieldErrors | null {
  if (!(error instanceof ApiError)) return null;
  // 409: the username is taken.
  if (error.status === 409) return { username: fieldMessage(error, 'Username') };
  const field = error.field ?? '';
  if (field === 'username') return { username: fieldMessage(error, 'Username') };
  if (field === 'display_name') return { displayName: fieldMessage(error, 'Display name') };
  if (field === 'password') return { password: fieldMessage(error, 'Initial password') };
  if (field.includes('program')) return { program: fieldMessage(error, 'Program') };
  if (field.includes('role')) return { role: fieldMessage(error, 'Role') };
  return null;
}
