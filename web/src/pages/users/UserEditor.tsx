// SPDX-License-Identifier: Apache-2.0
// Edits one user: their role in each program, disabling or enabling the account, and unlocking
// it. Every change is sent with the version it was based on (If-Match), so an administrator
// never overwrites someone else's change unknowingly.
import { useState, type FormEvent } from 'react';
import type { Program, Role, User, UserChanges } from '../../api/accounts';
import { SelectField } from '../../components/Fields';
import { ErrorMessage, SuccessMessage } from '../../components/Messages';
import { isRole, kRoleOptions } from './role_options';

/** The outcome of the last change, shown inside the editor it came from. */
export interface EditorNotice {
  kind: 'error' | 'success';
  text: string;
}

interface UserEditorProps {
  id: string;
  user: User;
  programs: readonly Program[];
  notice: EditorNotice | null;
  busy: boolean;
  onChange: (user: User, changes: UserChanges, done: string) => void;
}

type RoleDraft = Record<string, string>; // program id → role, or '' for none

function draftFrom(user: User): RoleDraft {
  return Object.fromEntries(user.roles.map((r) => [r.program_id, r.role]));
}

const kNoRoleOption = { value: '', label: 'No role' };

export function UserEditor({ id, user, programs, notice, busy, onChange }: UserEditorProps) {
  const [draft, setDraft] = useState<RoleDraft>(() => draftFrom(user));
  const [draftVersion, setDraftVersion] = useState(user.version);
  const [rolesError, setRolesError] = useState<string | null>(null);

  // When the user changes on the server (a save here, or a reload after a conflict), start
  // again from what the server now holds.
  if (draftVersion !== user.version) {
    setDraftVersion(user.version);
    setDraft(draftFrom(user));
  }

  // Programs the user has a role in are listed even if the program list lacks them.
  const listed: { id: string; name: string }[] = [...programs];
  for (const r of user.roles) {
    if (!listed.some((p) => p.id === r.program_id)) {
      listed.push({ id: r.program_id, name: r.program_name });
    }
  }

  function onSaveRoles(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const roles: { program_id: string; role: Role }[] = [];
    for (const [programId, role] of Object.entries(draft)) {
      if (isRole(role)) roles.push({ program_id: programId, role });
    }
    if (roles.length === 0) {
      setRolesError('Give the user a role in at least one program, or disable the account.');
      return;
    }
    setRolesError(null);
    onChange(user, { roles }, `Saved the roles of ${user.username}.`);
  }

  const unchanged = sameRoles(draftFrom(user), draft);

  return (
    <div id={id} className="user-editor">
      <form onSubmit={onSaveRoles} noValidate aria-label={`Roles of ${user.username}`}>
        <fieldset>
          <legend>Roles of {user.username}</legend>
          <div className="form-grid">
            {listed.map((program) => (
              <SelectField
                key={program.id}
                label={program.name}
                value={draft[program.id] ?? ''}
                options={[kNoRoleOption, ...kRoleOptions]}
                onValueChange={(role) => setDraft({ ...draft, [program.id]: role })}
                disabled={busy}
              />
            ))}
          </div>
        </fieldset>
        {rolesError && <ErrorMessage>{rolesError}</ErrorMessage>}
        <button type="submit" className="button button-primary" disabled={busy || unchanged}>
          Save roles
        </button>
      </form>

      <div className="editor-actions" role="group" aria-label={`Account of ${user.username}`}>
        <button
          type="button"
          className={user.disabled ? 'button' : 'button button-danger'}
          disabled={busy}
          onClick={() =>
            onChange(
              user,
              { disabled: !user.disabled },
              user.disabled
                ? `Enabled the account of ${user.username}.`
                : `Disabled the account of ${user.username}.`,
            )
          }
        >
          {user.disabled ? 'Enable account' : 'Disable account'}
        </button>
        {user.locked && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              onChange(user, { unlock: true }, `Unlocked the account of ${user.username}.`)
            }
          >
            Unlock account
          </button>
        )}
      </div>

      {notice?.kind === 'error' && <ErrorMessage>{notice.text}</ErrorMessage>}
      {notice?.kind === 'success' && <SuccessMessage>{notice.text}</SuccessMessage>}
    </div>
  );
}

/** Whether two drafts give the same role in every program ('' and absent both mean none). */
function sameRoles(a: RoleDraft, b: RoleDraft): boolean {
  const programs = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...programs].every((program) => (a[program] ?? '') === (b[program] ?? ''));
}
