// SPDX-License-Identifier: Apache-2.0
// The participant's releases of information, with their status as of today; recording a new
// one and revoking one.
import { Fragment, useEffect, useState } from 'react';
import { messageFor } from '../../../api/api_error';
import type { Consent } from '../../../api/consents';
import { listConsents } from '../../../api/consent_endpoints';
import type { CareTeamMember } from '../../../api/episodes';
import { listCareTeam } from '../../../api/episode_endpoints';
import type { Participant } from '../../../api/participants';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../../components/Messages';
import { formatDate } from '../../../format';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel, codeList } from '../../../labels';
import { ConsentStatusBadge } from '../../consents/ConsentStatusBadge';
import { RecordReleaseForm } from './RecordReleaseForm';
import { RevokeReleaseForm } from './RevokeReleaseForm';

interface Props {
  participant: Participant;
  episodeId: string | null;
  mayCoordinate: boolean;
}

const kColumns = 8;

export function ConsentsTab({ participant, episodeId, mayCoordinate }: Props) {
  const loader = useLoader(() => listConsents(participant.id), participant.id);
  const [careTeam, setCareTeam] = useState<CareTeamMember[]>([]);
  const [recording, setRecording] = useState(false);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const state = loader.state;

  useEffect(() => {
    if (episodeId === null) return;
    let cancelled = false;
    listCareTeam(episodeId).then(
      (items) => {
        if (!cancelled) setCareTeam(items);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [episodeId]);

  function replace(consent: Consent) {
    if (state.status !== 'ready') return;
    const others = state.data.filter((c) => c.id !== consent.id);
    loader.set(
      state.data.some((c) => c.id === consent.id)
        ? state.data.map((c) => (c.id === consent.id ? consent : c))
        : [consent, ...others],
    );
  }

  return (
    <div className="consents">
      <h2 className="visually-hidden">Releases of information</h2>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {mayCoordinate &&
        (recording ? (
          <RecordReleaseForm
            participant={participant}
            careTeam={careTeam}
            onRecorded={(consent) => {
              setRecording(false);
              replace(consent);
              setNotice(`Recorded the release for ${consent.party.name}.`);
            }}
            onCancel={() => setRecording(false)}
          />
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setRecording(true);
            }}
          >
            Record release
          </button>
        ))}
      {state.status === 'loading' && <LiveStatus>Loading releases…</LiveStatus>}
      {state.status === 'failed' && (
        <ErrorMessage>The releases could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && state.data.length === 0 && (
        <p>No releases of information are recorded.</p>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <DataTable
          caption="Releases of information"
          columns={[
            'Shared with',
            'Information',
            'Purpose',
            'Effective',
            'Expires',
            'Signed',
            'Status',
          ]}
          actions
        >
          {state.data.map((c) => {
            const revocable = c.status === 'active' || c.status === 'not_yet_effective';
            const revoking = revokingId === c.id;
            const formId = `revoke-${c.id}`;
            return (
              <Fragment key={c.id}>
                <tr>
                  <th scope="row">
                    {c.party.name}
                    <span className="cell-note">{codeLabel(c.party.kind)}</span>
                  </th>
                  <td>{codeList(c.categories)}</td>
                  <td>{c.purpose}</td>
                  <td>{formatDate(c.effective_date)}</td>
                  <td>{formatDate(c.expiry_date)}</td>
                  <td>
                    {formatDate(c.signed_date)}
                    <span className="cell-note">
                      {c.signed_by === 'guardian' ? 'Guardian' : 'Participant'}
                      {c.signer_name && `: ${c.signer_name}`}
                    </span>
                  </td>
                  <td>
                    <ConsentStatusBadge status={c.status} />
                    {c.revoked_date && (
                      <span className="cell-note">
                        From {formatDate(c.revoked_date)}
                        {c.revocation_note && `: ${c.revocation_note}`}
                      </span>
                    )}
                  </td>
                  <td>
                    {mayCoordinate && revocable && (
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={revoking}
                        aria-controls={revoking ? formId : undefined}
                        onClick={() => {
                          setNotice(null);
                          setRevokingId(revoking ? null : c.id);
                        }}
                      >
                        Revoke
                        <span className="visually-hidden"> the release for {c.party.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
                {revoking && (
                  <tr className="editor-row">
                    <td colSpan={kColumns} id={formId}>
                      <RevokeReleaseForm
                        consent={c}
                        onRevoked={(updated) => {
                          setRevokingId(null);
                          replace(updated);
                          setNotice(`Revoked the release for ${updated.party.name}.`);
                        }}
                        onCancel={() => setRevokingId(null)}
                        onStale={() => void loader.reload()}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
