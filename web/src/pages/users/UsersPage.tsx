// SPDX-License-Identifier: Apache-2.0
// Administrators manage the organization's users here.
import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageFor } from '../../api/api_error';
import { listPrograms, listUsers, updateUser } from '../../api/endpoints';
import type { Program, User, UserChanges } from '../../api/accounts';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { CreateUserForm } from './CreateUserForm';
import type { EditorNotice } from './UserEditor';
import { UsersTable } from './UsersTable';

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready' };

function byUsername(a: User, b: User): number {
  return a.username.localeCompare(b.username);
}

export function UsersPage() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [users, setUsers] = useState<User[]>([]);
  const [programs, setPrograms] = useState<Program[]>([]);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ userId: string; notice: EditorNotice } | null>(null);

  const reloadUsers = useCallback(async () => {
    setUsers((await listUsers()).sort(byUsername));
  }, []);

  useEffect(() => {
    let cancelled = false;
    Promise.all([listUsers(), listPrograms()]).then(
      ([userList, programList]) => {
        if (cancelled) return;
        setUsers(userList.sort(byUsername));
        setPrograms(programList);
        setLoaded({ status: 'ready' });
      },
      (error: unknown) => {
        if (!cancelled) setLoaded({ status: 'failed', message: messageFor(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);

  function onCreated(user: User) {
    setUsers((current) => [...current.filter((u) => u.id !== user.id), user].sort(byUsername));
  }

  function onToggleEdit(userId: string) {
    setNotice(null);
    setEditingId((current) => (current === userId ? null : userId));
  }

  async function onChange(user: User, changes: UserChanges, done: string) {
    setBusyId(user.id);
    setNotice(null);
    try {
      const updated = await updateUser(user.id, user.version, changes);
      setUsers((current) => current.map((u) => (u.id === updated.id ? updated : u)));
      setNotice({ userId: user.id, notice: { kind: 'success', text: done } });
    } catch (error) {
      if (error instanceof ApiError && error.sessionExpired) return;
      const text = await explainFailure(error, user, reloadUsers);
      setNotice({ userId: user.id, notice: { kind: 'error', text } });
    } finally {
      setBusyId(null);
    }
  }

  return (
    <>
      <PageHeading title="Users" />
      {loaded.status === 'loading' && <LiveStatus>Loading users…</LiveStatus>}
      {loaded.status === 'failed' && (
        <ErrorMessage>The users could not be loaded. {loaded.message}</ErrorMessage>
      )}
      {loaded.status === 'ready' && (
        <>
          <CreateUserForm programs={programs} onCreated={onCreated} />
          <section aria-labelledby="user-list-heading" className="card">
            <h2 id="user-list-heading">All users</h2>
            <UsersTable
              users={users}
              programs={programs}
              editingId={editingId}
              onToggleEdit={onToggleEdit}
              notice={notice}
              busyId={busyId}
              onChange={onChange}
            />
          </section>
        </>
      )}
    </>
  );
}

/**
 * The message for a refused change. On 412 someone else changed the user since this list was
 * loaded: reload, so the administrator sees the current state before deciding again.
 */
async function explainFailure(
  error: unknown,
  user: User,
  reloadUsers: () => Promise<void>,
): Promise<string> {
  if (error instanceof ApiError && (error.status === 412 || error.status === 404)) {
    try {
      await reloadUsers();
    } catch (reloadError) {
      const reason = messageFor(reloadError);
      return `Your change was not saved, and the list could not be reloaded: ${reason}`;
    }
    return error.status === 412
      ? `Your change was not saved: someone else changed ${user.username} while you were ` +
          'editing. The details shown are now up to date; check them and try again.'
      : `Your change was not saved: ${user.username} no longer exists. The list has been reloaded.`;
  }
  return `Your change was not saved. ${messageFor(error)}`;
}
