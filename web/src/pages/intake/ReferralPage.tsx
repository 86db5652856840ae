// SPDX-License-Identifier: Apache-2.0
// One referral: what it says, people already known who may be the same person, and the
// decision: accept (assigning the accountable coordinator), decline, or the person refused.
import { useState } from 'react';
import { ApiError, messageFor } from '../../api/api_error';
import { getReferral } from '../../api/referral_endpoints';
import type { Referral } from '../../api/referrals';
import { Link } from '../../components/Link';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { isConflict } from '../../components/form_errors';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { can } from '../../permissions';
import { navigate } from '../../routing/router';
import { chartPath } from '../../routing/routes';
import { useMe } from '../../session/session_context';
import { AcceptReferralForm } from './AcceptReferralForm';
import { CloseReferralForm } from './CloseReferralForm';
import { DuplicateList } from './DuplicateList';
import { ReferralFacts } from './ReferralFacts';

export function ReferralPage({ id }: { id: string }) {
  const me = useMe();
  const loader = useLoader(() => getReferral(id), id);
  const [linkedId, setLinkedId] = useState<string | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const state = loader.state;

  if (state.status === 'loading') {
    return (
      <>
        <PageHeading title="Referral" />
        <LiveStatus>Loading the referral…</LiveStatus>
      </>
    );
  }
  if (state.status === 'failed') {
    const notFound = state.error instanceof ApiError && state.error.status === 404;
    return (
      <>
        <PageHeading title="Referral" />
        <ErrorMessage>
          {notFound
            ? 'This referral was not found, or it is not in a program where you do intake.'
            : `The referral could not be loaded. ${messageFor(state.error)}`}
        </ErrorMessage>
        <p>
          <Link to="/intake">Back to the intake queue</Link>
        </p>
      </>
    );
  }

  const referral = state.data;
  const name = `${referral.person.given_name} ${referral.person.family_name}`;
  const duplicates = referral.possible_duplicates ?? [];
  const linked = linkedId === undefined ? referral.participant_id : linkedId;
  const open = referral.status === 'open';
  const mayDecide = open && can(me, 'referral.accept', referral.program_id);

  // After a refused decision based on an old version, show the referral as it now is.
  function onFailed(error: unknown) {
    if (isConflict(error)) void loader.reload();
  }

  function onClosed(updated: Referral) {
    loader.set(updated);
    setNotice(
      updated.status === 'declined' ? 'The referral was declined.' : 'The refusal was recorded.',
    );
  }

  return (
    <>
      <PageHeading title={`Referral: ${name}`} />
      <p>
        <Link to="/intake">Back to the intake queue</Link>
      </p>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {!open && <Decision referral={referral} />}
      <ReferralFacts referral={referral} />
      {open && (
        <section aria-labelledby="referral-duplicates-heading" className="card">
          <h2 id="referral-duplicates-heading">Possible duplicates</h2>
          {duplicates.length === 0 ? (
            <p>No one already known matches this person.</p>
          ) : (
            <>
              <p>
                If the person referred is one of these, link them when accepting, so no second
                record is created.
              </p>
              <DuplicateList
                duplicates={duplicates}
                linkedId={linked}
                onLink={setLinkedId}
                disabled={!mayDecide}
              />
            </>
          )}
        </section>
      )}
      {mayDecide && (
        <>
          <AcceptReferralForm
            referral={referral}
            duplicates={duplicates}
            linkedId={linked}
            onAccepted={(result) => navigate(chartPath(result.participant_id))}
            onFailed={onFailed}
          />
          <div className="card-pair">
            <CloseReferralForm
              referral={referral}
              action="decline"
              onClosed={onClosed}
              onFailed={onFailed}
            />
            <CloseReferralForm
              referral={referral}
              action="refuse"
              onClosed={onClosed}
              onFailed={onFailed}
            />
          </div>
        </>
      )}
    </>
  );
}

function Decision({ referral }: { referral: Referral }) {
  const when = referral.decided_at ? formatDateTime(referral.decided_at) : '';
  return (
    <div className="message message-info">
      <p>
        {referral.status === 'accepted' && `Accepted ${when}.`}
        {referral.status === 'declined' && `Declined ${when}.`}
        {referral.status === 'refused' && `The person refused care coordination (${when}).`}
        {referral.decision_reason && <> Reason: {referral.decision_reason}</>}
      </p>
      {referral.participant_id && (
        <p>
          <Link to={chartPath(referral.participant_id)}>Open the participant's chart</Link>
        </p>
      )}
    </div>
  );
}
