// SPDX-License-Identifier: Apache-2.0
// Home: who is signed in, their roles per program, when the session ends, and password change.
import { useEffect } from 'react';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../format';
import { roleLabel } from '../roles';
import { useMe, useSession } from '../session/session_context';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const me = useMe();
  const { refresh } = useSession();

  // The idle expiry moves with every request; re-read it so the time shown is current.
  // A failure here needs no message: a lost session is handled centrally, and otherwise the
  // times from sign-in are still shown.
  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  return (
    <>
      <PageHeading title="Your account" />
      <section aria-labelledby="who-heading" className="card">
        <h2 id="who-heading">Who you are</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>{me.display_name}</dd>
          <dt>Username</dt>
          <dd>{me.username}</dd>
          <dt>Organization</dt>
          <dd>{me.organization.name}</dd>
        </dl>
      </section>

      <section aria-labelledby="roles-heading" className="card">
        <h2 id="roles-heading">Your roles</h2>
        {me.roles.length === 0 ? (
          <p>You have no role in any program yet. An administrator can give you one.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Program</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {me.roles.map((assignment) => (
                <tr key={assignment.program_id}>
                  <td>{assignment.program_name}</td>
                  <td>{roleLabel(assignment.role)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="session-heading" className="card">
        <h2 id="session-heading">Your session</h2>
        <p>
          If you are inactive, you will be signed out at{' '}
          <time dateTime={me.session.idle_expires_at}>
            {formatDateTime(me.session.idle_expires_at)}
          </time>
          . In any case, your session ends at{' '}
          <time dateTime={me.session.absolute_expires_at}>
            {formatDateTime(me.session.absolute_expires_at)}
          </time>
          .
        </p>
      </section>

      <ChangePasswordForm />
    </>
  );
}
