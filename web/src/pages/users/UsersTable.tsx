// SPDX-License-Identifier: Apache-2.0
import { Fragment } from 'react';
import type { Program, User, UserChanges } from '../../api/accounts';
import { DataTable } from '../../components/DataTable';
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
    <DataTable
      caption="Users of your organization"
      columns={['Username', 'Display name', 'Roles', 'Disabled', 'Locked']}
      actions
    >
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
    </DataTable>
  );
}

function YesNo({ value }: { value: boolean }) {
  return <span className={value ? 'badge badge-warning' : 'badge'}>{value ? 'Yes' : 'No'}</span>;
}
