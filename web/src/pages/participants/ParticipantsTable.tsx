// SPDX-License-Identifier: Apache-2.0
import type { ParticipantListItem } from '../../api/participants';
import { Link } from '../../components/Link';
import { formatDate } from '../../format';
import { codeLabel } from '../../labels';
import { chartPath } from '../../routing/routes';

export function ParticipantsTable({ items }: { items: readonly ParticipantListItem[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Participants</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Member ID</th>
            <th scope="col">Episode</th>
            <th scope="col">Coordinator</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={chartPath(p.id)}>
                  {p.family_name}, {p.given_name}
                </Link>
                {p.preferred_name && <span className="cell-note">Goes by {p.preferred_name}</span>}
              </th>
              <td>{formatDate(p.birth_date)}</td>
              <td>{p.member_id || '—'}</td>
              <td>{p.episode_status ? codeLabel(p.episode_status) : '—'}</td>
              <td>{p.coordinator_name || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
