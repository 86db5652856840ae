// SPDX-License-Identifier: Apache-2.0
import type { Referral } from '../../api/referrals';
import { formatAge, formatDate, formatDateTime } from '../../format';
import { codeLabel } from '../../labels';
import { UrgencyBadge } from './UrgencyBadge';

/** Everything the referral says: where from, how urgent, why, who, and what came with it. */
export function ReferralFacts({ referral }: { referral: Referral }) {
  const { person, source } = referral;
  return (
    <>
      <section aria-labelledby="referral-heading" className="card">
        <h2 id="referral-heading">Referral</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>{codeLabel(referral.status)}</dd>
          <dt>Urgency</dt>
          <dd>
            <UrgencyBadge urgency={referral.urgency} />
          </dd>
          <dt>Received</dt>
          <dd>
            <time dateTime={referral.received_at}>{formatDateTime(referral.received_at)}</time> (
            {formatAge(referral.received_at)} ago)
          </dd>
          <dt>Source setting</dt>
          <dd>{codeLabel(source.setting)}</dd>
          <dt>Referring organization</dt>
          <dd>{source.organization || '—'}</dd>
          <dt>Referring person</dt>
          <dd>{source.person || '—'}</dd>
          <dt>Referrer contact</dt>
          <dd>{source.contact || '—'}</dd>
          <dt>Reason</dt>
          <dd className="prose">{referral.reason}</dd>
          <dt>Documents</dt>
          <dd>
            {referral.documents.length === 0 ? (
              'None'
            ) : (
              <ul className="plain-list">
                {referral.documents.map((doc, index) => (
                  <li key={index}>
                    {doc.title}
                    {doc.reference && <span className="cell-note">{doc.reference}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="person-heading" className="card">
        <h2 id="person-heading">Person referred</h2>
        <dl className="facts">
          <dt>Name</dt>
          <dd>
            {person.given_name} {person.family_name}
          </dd>
          <dt>Date of birth</dt>
          <dd>{formatDate(person.birth_date)}</dd>
          <dt>Sex</dt>
          <dd>{codeLabel(person.sex)}</dd>
          <dt>Phone</dt>
          <dd>{person.phone || '—'}</dd>
          <dt>Payer</dt>
          <dd>{person.payer || '—'}</dd>
          <dt>Member ID</dt>
          <dd>{person.member_id || '—'}</dd>
          <dt>Preferred language</dt>
          <dd>{person.preferred_language || '—'}</dd>
        </dl>
      </section>
    </>
  );
}
