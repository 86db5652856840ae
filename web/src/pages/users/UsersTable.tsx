// SPDX-License-Identifier: Apache-2.0
import { Fragment } from 'react';
import type { Program, User, UserChanges } from '../../api/types';
import { assignmentLabel } from '../../roles';
import { UserEditor, type EditorNotice } from './UserEditor';

interface UsersTableProps {
  users: readonly User[];
  programs: readonly Program[];
  editingId: string | null;
  onToggleEdit: (userId: string) => void;
  notice: { userId: string; notice: EditorNotice } | null;
  busyId: string | null;
  onChange: (user: User, changes: UserChanges, done: string) => void;
}

const kColumns = 6;

export function UsersTable(props: UsersTableProps) {
  const { users, programs, editingId, onToggleEdit, notice, busyId, onChange } = props;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Users of your organization</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Display name</th>
            <th scope="col">Roles</th>
            <th scope="col">Disabled</th>
            <th scope="col">Locked</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const editing = editingId === user.id;
            const editorId = `edit-user-${user.id}`;
            return (
              <Fragment key={user.id}>
                <tr className={user.disabled ? 'row-muted' : undefined}>
                  <th scope="row">{user.username}</th>
                  <td>{user.display_name}</td>
                  <td>
                    <ul className="plain-list">
                      {user.roles.map((r) => (
                        <li key={r.program_id}>{assignmentLabel(r)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <YesNo value={user.disabled} />
                  </td>
                  <td>
                    <YesNo value={user.locked} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      aria-expanded={editing}
                      aria-controls={editing ? editorId : undefined}
                      onClick={() => onToggleEdit(user.id)}
                    >
                      {editing ? 'Close' : 'Edit'}
                      <span className="visually-hidden"> {user.username}</span>
                    </button>
                  </td>
                </tr>
                {editing && (
                  <tr className="editor-row">
                    <td colSpan={kColumns}>
                      <UserEditor
                        id={editorId}
                        user={user}
                        programs={programs}
                        notice={notice?.userId === user.id ? notice.notice : null}
                        busy={busyId === user.id}
                        onChange={onChange}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function YesNo({ value }: { value: boolean }) {
  return <span className={value ? 'badge badge-warning' : 'badge'}>{value ? 'Yes' : 'No'}</span>;
}
