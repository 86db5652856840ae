// SPDX-License-Identifier: Apache-2.0
import type { Referral } from '../../api/referrals';
import { Link } from '../../components/Link';
import { formatAge, formatDate, formatDateTime } from '../../format';
import { codeLabel } from '../../labels';
import { referralPath } from '../../routing/routes';
import { excerpt } from './excerpt';
import { UrgencyBadge } from './UrgencyBadge';

/** Open referrals in the order the server serves them: most urgent, then oldest, first. */
export function ReferralQueueTable({ referrals }: { referrals: readonly Referral[] }) {
  const now = Date.now();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Open referrals, most urgent and oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Urgency</th>
            <th scope="col">Waiting</th>
            <th scope="col">Person</th>
            <th scope="col">Date of birth</th>
            <th scope="col">Source</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id}>
              <td>
                <UrgencyBadge urgency={referral.urgency} />
              </td>
              <td>
                <time dateTime={referral.received_at} title={formatDateTime(referral.received_at)}>
                  {formatAge(referral.received_at, now)}
                </time>
              </td>
              <th scope="row">
                <Link to={referralPath(referral.id)}>
                  {referral.person.given_name} {referral.person.family_name}
                </Link>
              </th>
              <td>{formatDate(referral.person.birth_date)}</td>
              <td>
                {codeLabel(referral.source.setting)}
                {referral.source.organization && (
                  <span className="cell-note">{referral.source.organization}</span>
                )}
              </td>
              <td>{excerpt(referral.reason)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
