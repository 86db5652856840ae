// SPDX-License-Identifier: Apache-2.0
// The intake queue: open referrals of the programs where the user does intake, most urgent
// first, then oldest. Each leads to the referral, where it is accepted, declined or refused.
import { useCallback, useEffect, useRef, useState } from 'react';
import { messageFor } from '../../api/api_error';
import { listReferrals } from '../../api/referral_endpoints';
import type { Referral } from '../../api/referrals';
import { ButtonLink } from '../../components/ButtonLink';
import { SelectField } from '../../components/Fields';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { sessionGone } from '../../components/form_errors';
import { programsWhere } from '../../permissions';
import { useMe } from '../../session/session_context';
import { ReferralQueueTable } from './ReferralQueueTable';

export function IntakePage() {
  const me = useMe();
  const programs = programsWhere(me, 'referral.list');
  const [programId, setProgramId] = useState('');
  const [referrals, setReferrals] = useState<Referral[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(async (program: string, after: string | null) => {
    const requestId = ++latest.current;
    setBusy(true);
    setFailure(null);
    try {
      const page = await listReferrals({
        status: 'open',
        ...(program ? { program_id: program } : {}),
        ...(after ? { cursor: after } : {}),
      });
      if (requestId !== latest.current) return;
      setReferrals((shown) => (after ? appendNew(shown, page.items) : page.items));
      setCursor(page.next_cursor);
      setLoadedOnce(true);
    } catch (error) {
      if (requestId !== latest.current || sessionGone(error)) return;
      setFailure(`The intake queue could not be loaded. ${messageFor(error)}`);
    } finally {
      if (requestId === latest.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(programId, null);
  }, [load, programId]);

  return (
    <>
      <PageHeading title="Intake" />
      <div className="page-actions">
        <ButtonLink to="/intake/new" primary>
          New referral
        </ButtonLink>
      </div>
      <section aria-labelledby="queue-heading" className="card">
        <h2 id="queue-heading">Open referrals</h2>
        {programs.length > 1 && (
          <div className="form-narrow">
            <SelectField
              label="Program"
              value={programId}
              options={[
                { value: '', label: 'All my programs' },
                ...programs.map((p) => ({ value: p.id, label: p.name })),
              ]}
              onValueChange={setProgramId}
            />
          </div>
        )}
        <LiveStatus>{statusText(busy, loadedOnce, referrals.length, cursor !== null)}</LiveStatus>
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {referrals.length > 0 && <ReferralQueueTable referrals={referrals} />}
        {cursor !== null && (
          <button
            type="button"
            className="button load-more"
            disabled={busy}
            onClick={() => void load(programId, cursor)}
          >
            Load more
          </button>
        )}
      </section>
    </>
  );
}

function statusText(busy: boolean, loadedOnce: boolean, count: number, more: boolean): string {
  if (busy) return 'Loading referrals…';
  if (!loadedOnce) return '';
  if (count === 0) return 'No open referrals.';
  const shown = `${count} open ${count === 1 ? 'referral' : 'referrals'}, most urgent first.`;
  return more ? `${shown} More can be loaded.` : shown;
}

function appendNew(shown: readonly Referral[], more: readonly Referral[]): Referral[] {
  const seen = new Set(shown.map((r) => r.id));
  return [...shown, ...more.filter((r) => !seen.has(r.id))];
}
