// SPDX-License-Identifier: Apache-2.0
// Who works with the participant in this episode: colleagues and outside providers, with the
// dates they are on the team.
import { useState } from 'react';
import { messageFor } from '../../../api/api_error';
import type { CareTeamMember, Episode } from '../../../api/episodes';
import { listCareTeam, updateCareTeamMember } from '../../../api/episode_endpoints';
import { DataTable } from '../../../components/DataTable';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../../components/Messages';
import { formFailure, sessionGone } from '../../../components/form_errors';
import { formatDate, today } from '../../../format';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel } from '../../../labels';
import { AddCareTeamMemberForm } from './AddCareTeamMemberForm';

interface Props {
  episode: Episode;
  mayCoordinate: boolean;
}

function memberName(m: CareTeamMember): string {
  return m.user_name || m.external_name || '—';
}

export function CareTeamTab({ episode, mayCoordinate }: Props) {
  const loader = useLoader(() => listCareTeam(episode.id), episode.id);
  const [adding, setAdding] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const state = loader.state;

  async function onEnd(member: CareTeamMember) {
    setBusyId(member.id);
    setNotice(null);
    try {
      await updateCareTeamMember(member, { end_date: today() });
      await loader.reload();
      setNotice({ error: false, text: `${memberName(member)}'s membership ends today.` });
    } catch (error) {
      if (sessionGone(error)) return;
      setNotice({ error: true, text: formFailure(error, 'The membership was not ended.') });
      void loader.reload();
    } finally {
      setBusyId(null);
    }
  }

  return (
    <div className="care-team">
      <h2 className="visually-hidden">Care team</h2>
      {notice?.error && <ErrorMessage>{notice.text}</ErrorMessage>}
      {notice && !notice.error && <SuccessMessage>{notice.text}</SuccessMessage>}
      {state.status === 'loading' && <LiveStatus>Loading the care team…</LiveStatus>}
      {state.status === 'failed' && (
        <ErrorMessage>The care team could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && state.data.length === 0 && <p>No one is on the care team.</p>}
      {state.status === 'ready' && state.data.length > 0 && (
        <DataTable
          caption="Care team members"
          columns={['Name', 'Role', 'Organization', 'Contact', 'From', 'Until']}
          actions
        >
          {state.data.map((m) => (
            <tr key={m.id} className={m.active ? undefined : 'row-muted'}>
              <th scope="row">
                {memberName(m)}
                {!m.active && <span className="badge">Ended</span>}
              </th>
              <td>{codeLabel(m.role)}</td>
              <td>{m.user_id ? 'This organization' : m.external_org || '—'}</td>
              <td>{[m.phone, m.email].filter(Boolean).join(' · ') || '—'}</td>
              <td>{formatDate(m.start_date)}</td>
              <td>{m.end_date ? formatDate(m.end_date) : '—'}</td>
              <td>
                {mayCoordinate && m.active && m.user_id !== episode.coordinator_id && (
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busyId === m.id}
                    onClick={() => void onEnd(m)}
                  >
                    End membership<span className="visually-hidden"> of {memberName(m)}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {mayCoordinate &&
        (adding ? (
          <AddCareTeamMemberForm
            episodeId={episode.id}
            programId={episode.program_id}
            onAdded={(member) => {
              setAdding(false);
              setNotice({ error: false, text: `Added ${memberName(member)} to the care team.` });
              void loader.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add a care team member
          </button>
        ))}
    </div>
  );
}
