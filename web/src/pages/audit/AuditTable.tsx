// SPDX-License-Identifier: Apache-2.0
import type { AuditEvent } from '../../api/accounts';
import { formatDateTimeSeconds } from '../../format';
import { roleLabel } from '../../roles';

/** Audit events, newest first, as the server returns them. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  return (
    <div className="table-scroll">
      <table className="table table-dense">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Action</th>
            <th scope="col">Record</th>
            <th scope="col">Participant</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.seq}>
              <td>
                <time dateTime={event.occurred_at}>{formatDateTimeSeconds(event.occurred_at)}</time>
              </td>
              <td>
                {event.actor_username || '—'}
                {event.actor_id && <span className="id-text">{event.actor_id}</span>}
              </td>
              <td>{event.role ? roleLabel(event.role) : '—'}</td>
              <td>{event.action}</td>
              <td>
                {event.resource_type || '—'}
                {event.resource_id && <span className="id-text">{event.resource_id}</span>}
              </td>
              <td>
                {event.participant_id ? (
                  <span className="id-text">{event.participant_id}</span>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <span className={`badge badge-${event.outcome}`}>{event.outcome}</span>
              </td>
              <td>{event.reason || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
