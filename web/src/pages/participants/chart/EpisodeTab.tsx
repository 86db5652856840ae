// SPDX-License-Identifier: Apache-2.0
// The episode of care coordination: where it stands, how it got there, who has been
// accountable, and the forms that change status or hand accountability over.
import { useState } from 'react';
import type { Episode } from '../../../api/episodes';
import { SuccessMessage } from '../../../components/Messages';
import { formatDateTime } from '../../../format';
import { codeLabel } from '../../../labels';
import { ChangeStatusForm } from './ChangeStatusForm';
import { ContactScheduleSection } from './ContactScheduleSection';
import { isOpen } from './episode_moves';
import { TransferForm } from './TransferForm';

interface Props {
  episode: Episode;
  mayCoordinate: boolean;
  onChanged: (episode: Episode) => void;
  onStale: () => void;
}

function when(instant: string | null): string {
  return instant ? formatDateTime(instant) : '—';
}

export function EpisodeTab({ episode: e, mayCoordinate, onChanged, onStale }: Props) {
  const [notice, setNotice] = useState<string | null>(null);
  const open = isOpen(e.status);

  return (
    <div className="episode">
      <h2 className="visually-hidden">Episode</h2>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <dl className="facts">
        <dt>Program</dt>
        <dd>{e.program_name}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`badge badge-status-${e.status}`}>{codeLabel(e.status)}</span>
          {e.status_reason && <span className="cell-note">{e.status_reason}</span>}
        </dd>
        <dt>Accountable coordinator</dt>
        <dd>{e.coordinator_name}</dd>
        <dt>Referral received</dt>
        <dd>{when(e.referral_received_at)}</dd>
        <dt>Started</dt>
        <dd>{when(e.started_at)}</dd>
        <dt>Enrolled</dt>
        <dd>{when(e.enrolled_at)}</dd>
        <dt>Ended</dt>
        <dd>{when(e.ended_at)}</dd>
      </dl>

      <ContactScheduleSection
        episode={e}
        mayEdit={mayCoordinate && open}
        onChanged={(updated) => {
          onChanged(updated);
          setNotice('The contact schedule was saved.');
        }}
        onStale={onStale}
      />

      <section aria-labelledby="status-history-heading" className="card-inner">
        <h3 id="status-history-heading">Status history</h3>
        <div className="table-scroll">
          <table className="table table-dense">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {e.status_history.map((change, index) => (
                <tr key={index}>
                  <td>
                    <time dateTime={change.at}>{formatDateTime(change.at)}</time>
                  </td>
                  <td>{change.from ? codeLabel(change.from) : '—'}</td>
                  <td>{codeLabel(change.to)}</td>
                  <td>{change.reason || '—'}</td>
                  <td>{change.by_name || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="handoff-history-heading" className="card-inner">
        <h3 id="handoff-history-heading">Hand-off history</h3>
        <div className="table-scroll">
          <table className="table table-dense">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Face to face</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {e.handoffs.map((handoff) => (
                <tr key={handoff.seq}>
                  <td>
                    <time dateTime={handoff.at}>{formatDateTime(handoff.at)}</time>
                  </td>
                  <td>{handoff.from_name || 'Intake assignment'}</td>
                  <td>{handoff.to_name}</td>
                  <td>{handoff.face_to_face ? 'Yes' : 'No'}</td>
                  <td>{handoff.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {mayCoordinate && open && (
        <div className="card-pair">
          <ChangeStatusForm
            episode={e}
            onChanged={(updated) => {
              onChanged(updated);
              setNotice(`The episode is now ${codeLabel(updated.status).toLowerCase()}.`);
            }}
            onStale={onStale}
          />
          <TransferForm
            episode={e}
            onTransferred={(updated) => {
              onChanged(updated);
              setNotice(`${updated.coordinator_name} is now the accountable coordinator.`);
            }}
            onStale={onStale}
          />
        </div>
      )}
    </div>
  );
}
