// SPDX-License-Identifier: Apache-2.0
// A participant's chart. A participant the user may not see answers 404, exactly like one that
// does not exist; the user may then break the glass (emergency access), after which the chart
// shows with a banner saying that every view is audited.
import { useState } from 'react';
import { ApiError, messageFor } from '../../../api/api_error';
import { getParticipant } from '../../../api/participant_endpoints';
import { ErrorMessage, LiveStatus } from '../../../components/Messages';
import { PageHeading } from '../../../components/PageHeading';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/use_loader';
import { ChartBody } from './ChartBody';
import { activeGrant, rememberGrant } from './emergency_grants';
import { EmergencyAccessRequest } from './EmergencyAccessRequest';

export function ParticipantChartPage({ id, tab }: { id: string; tab: string }) {
  const loader = useLoader(() => getParticipant(id), id);
  const [grantExpires, setGrantExpires] = useState<string | null>(() => activeGrant(id));
  const state = loader.state;

  if (state.status === 'loading') {
    return (
      <>
        <PageHeading title="Participant" />
        <LiveStatus>Loading the chart…</LiveStatus>
      </>
    );
  }

  if (state.status === 'failed') {
    if (state.error instanceof ApiError && state.error.status === 404) {
      return (
        <EmergencyAccessRequest
          participantId={id}
          onGranted={(expiresAt) => {
            rememberGrant(id, expiresAt);
            setGrantExpires(expiresAt);
            void loader.reload();
          }}
        />
      );
    }
    return (
      <>
        <PageHeading title="Participant" />
        <ErrorMessage>The chart could not be loaded. {messageFor(state.error)}</ErrorMessage>
      </>
    );
  }

  return (
    <>
      {grantExpires && (
        <div role="status" className="message message-warning emergency-banner">
          <p>
            <strong>Emergency access — audited.</strong> You are seeing this record under emergency
            access until {formatDateTime(grantExpires)}. Every view and change is recorded with your
            reason.
          </p>
        </div>
      )}
      <ChartBody
        participant={state.data}
        tab={tab}
        onUpdated={loader.set}
        onReload={loader.reload}
      />
    </>
  );
}
