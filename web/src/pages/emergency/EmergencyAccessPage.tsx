// SPDX-License-Identifier: Apache-2.0
// Supervisors and auditors review every use of emergency access: who opened which record,
// when, for how long, and the reason they gave. Newest first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageFor } from '../../api/api_error';
import { listEmergencyAccess } from '../../api/participant_endpoints';
import type { EmergencyAccessGrant } from '../../api/participants';
import { Link } from '../../components/Link';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { sessionGone } from '../../components/form_errors';
import { formatDateTime } from '../../format';
import { chartPath } from '../../routing/routes';

export function EmergencyAccessPage() {
  const [grants, setGrants] = useState<EmergencyAccessGrant[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async (after: string | null) => {
    const requestId = ++latest.current;
    setBusy(true);
    setFailure(null);
    try {
      const page = await listEmergencyAccess(after ?? undefined);
      if (requestId !== latest.current) return;
      setGrants((shown) => {
        if (!after) return page.items;
        const seen = new Set(shown.map((g) => g.id));
        return [...shown, ...page.items.filter((g) => !seen.has(g.id))];
      });
      setCursor(page.next_cursor ?? null);
      setLoadedOnce(true);
    } catch (error) {
      if (requestId !== latest.current || sessionGone(error)) return;
      setFailure(`Emergency access could not be loaded. ${messageFor(error)}`);
    } finally {
      if (requestId === latest.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  const now = Date.now();
  return (
    <>
      <PageHeading title="Emergency access" />
      <section aria-labelledby="grants-heading" className="card">
        <h2 id="grants-heading">Uses of emergency access, newest first</h2>
        <LiveStatus>
          {busy
            ? 'Loading…'
            : loadedOnce
              ? grants.length === 0
                ? 'No one has used emergency access.'
                : `Showing ${grants.length} ${grants.length === 1 ? 'use' : 'uses'}.`
              : ''}
        </LiveStatus>
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {grants.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Uses of emergency access, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Granted</th>
                  <th scope="col">User</th>
                  <th scope="col">Participant</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Until</th>
                </tr>
              </thead>
              <tbody>
                {grants.map((g) => (
                  <tr key={g.id}>
                    <td>
                      <time dateTime={g.granted_at}>{formatDateTime(g.granted_at)}</time>
                    </td>
                    <td>{g.user_name}</td>
                    <td>
                      <Link to={chartPath(g.participant_id)}>{g.participant_name}</Link>
                      <span className="id-text">{g.participant_id}</span>
                    </td>
                    <td className="prose">{g.reason}</td>
                    <td>
                      <time dateTime={g.expires_at}>{formatDateTime(g.expires_at)}</time>
                      {Date.parse(g.expires_at) > now && (
                        <span className="badge badge-warning">Open</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cursor !== null && (
          <button
            type="button"
            className="button load-more"
            disabled={busy}
            onClick={() => void load(cursor)}
          >
            Load more
          </button>
        )}
      </section>
    </>
  );
}
