// SPDX-License-Identifier: Apache-2.0
// Active releases of the user's participants that expire soon, soonest first, so a new one can
// be signed before sharing has to stop.
import { useState } from 'react';
import { messageFor } from '../../api/api_error';
import { listExpiringConsents } from '../../api/consent_endpoints';
import { SelectField } from '../../components/Fields';
import { Link } from '../../components/Link';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { daysFromToday, formatDate } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { codeList } from '../../labels';
import { chartPath } from '../../routing/routes';
import { ConsentStatusBadge } from './ConsentStatusBadge';

const kWindows = ['7', '14', '30', '60', '90'];

function inDays(date: string): string {
  const days = daysFromToday(date);
  if (days <= 0) return 'today';
  return days === 1 ? 'in 1 day' : `in ${days} days`;
}

function countText(count: number, days: string): string {
  if (count === 0) return `No active release expires within ${days} days.`;
  const what = count === 1 ? '1 release expires' : `${count} releases expire`;
  return `${what} within ${days} days, soonest first.`;
}

export function ExpiringReleasesPage() {
  const [days, setDays] = useState('30');
  const loader = useLoader(() => listExpiringConsents(Number(days)), days);
  const state = loader.state;

  return (
    <>
      <PageHeading title="Expiring releases" />
      <section aria-labelledby="expiring-heading" className="card">
        <h2 id="expiring-heading">Releases of information that expire soon</h2>
        <div className="form-narrow">
          <SelectField
            label="Expiring within"
            value={days}
            options={kWindows.map((d) => ({ value: d, label: `${d} days` }))}
            onValueChange={setDays}
          />
        </div>
        <LiveStatus>
          {state.status === 'loading' && 'Loading releases…'}
          {state.status === 'ready' && countText(state.data.length, days)}
        </LiveStatus>
        {state.status === 'failed' && (
          <ErrorMessage>The releases could not be loaded. {messageFor(state.error)}</ErrorMessage>
        )}
        {state.status === 'ready' && state.data.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Releases expiring within {days} days</caption>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col">Shared with</th>
                  <th scope="col">Information</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {state.data.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={chartPath(c.participant_id, 'consents')}>{c.participant_name}</Link>
                    </th>
                    <td>{c.party.name}</td>
                    <td>{codeList(c.categories)}</td>
                    <td>
                      {formatDate(c.expiry_date)}
                      <span className="cell-note">{inDays(c.expiry_date)}</span>
                    </td>
                    <td>
                      <ConsentStatusBadge status={c.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
