// SPDX-License-Identifier: Apache-2.0
// Transitions of care: admissions to and discharges from higher levels of care, newest first,
// each with the psychiatric appointments after it (001 §6 §8), and the forms that record them.
import { useRef, useState } from 'react';
import { messageFor } from '../../../api/api_error';
import type { Episode } from '../../../api/episodes';
import type { Appointment, Transition } from '../../../api/transitions';
import { listTransitions, updateAppointment } from '../../../api/worklist_endpoints';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../../components/Messages';
import { formFailure, isConflict, sessionGone } from '../../../components/form_errors';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel } from '../../../labels';
import { formatInZone } from '../../../zoned_time';
import { AppointmentForm } from './AppointmentForm';
import { DischargeForm } from './DischargeForm';
import { isOpen } from './episode_moves';
import { RecordTransitionForm } from './RecordTransitionForm';

function countOf(n: number): string {
  return n === 1 ? '1 transition' : `${n} transitions`;
}

interface Props {
  episode: Episode;
  mayWrite: boolean;
}

/** Which form is open: none, a new transition, or one transition's discharge or appointment. */
type OpenForm =
  { kind: 'none' } | { kind: 'new' } | { kind: 'discharge' | 'appointment'; id: string };

export function TransitionsTab({ episode, mayWrite }: Props) {
  const timeZone = episode.time_zone;
  const loader = useLoader(() => listTransitions(episode.id), episode.id);
  const [openForm, setOpenForm] = useState<OpenForm>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const state = loader.state;
  const writable = mayWrite && isOpen(episode.status);

  function replace(transition: Transition) {
    if (state.status !== 'ready') return;
    const others = state.data.filter((t) => t.id !== transition.id);
    const next = [transition, ...others].sort((a, b) => b.admitted_at.localeCompare(a.admitted_at));
    loader.set(next);
  }

  function addAppointment(transitionId: string, appointment: Appointment) {
    if (state.status !== 'ready') return;
    loader.set(
      state.data.map((t) =>
        t.id === transitionId
          ? {
              ...t,
              appointments: [
                ...t.appointments.filter((a) => a.id !== appointment.id),
                appointment,
              ],
            }
          : t,
      ),
    );
  }

  async function markAppointment(appointment: Appointment, status: 'kept' | 'missed') {
    setFailure(null);
    setNotice(null);
    try {
      const saved = await updateAppointment(appointment, { status });
      addAppointment(appointment.transition_id, saved);
      setNotice(`The appointment was marked ${codeLabel(status).toLowerCase()}.`);
    } catch (error) {
      if (sessionGone(error)) return;
      setFailure(formFailure(error, 'The appointment was not changed.'));
      if (isConflict(error)) void loader.reload();
    }
  }

  function closeForm() {
    setOpenForm({ kind: 'none' });
  }

  return (
    <div className="transitions">
      <h2 className="visually-hidden">Transitions</h2>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {writable &&
        (openForm.kind === 'new' ? (
          <RecordTransitionForm
            episodeId={episode.id}
            timeZone={timeZone}
            onRecorded={(t) => {
              replace(t);
              closeForm();
              setNotice(
                t.discharged_at
                  ? `The stay at ${t.facility} and its discharge were recorded.`
                  : `The admission to ${t.facility} was recorded.`,
              );
            }}
            onCancel={() => {
              closeForm();
              recordButton.current?.focus();
            }}
          />
        ) : (
          <button
            ref={recordButton}
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setOpenForm({ kind: 'new' });
            }}
          >
            Record a transition
          </button>
        ))}
      <LiveStatus>
        {state.status === 'loading' && 'Loading transitions…'}
        {state.status === 'ready' &&
          (state.data.length === 0
            ? 'No admissions or discharges recorded in this episode.'
            : `${countOf(state.data.length)}, newest first.`)}
      </LiveStatus>
      {state.status === 'failed' && (
        <ErrorMessage>The transitions could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <ol className="timeline" aria-label="Transitions, newest first">
          {state.data.map((t) => (
            <li key={t.id} className="contact-card transition-card">
              <article aria-labelledby={`transition-${t.id}`}>
                <h3 id={`transition-${t.id}`} className="transition-title">
                  {codeLabel(t.level)} · {t.facility}
                </h3>
                <dl className="facts facts-compact">
                  <dt>Admitted</dt>
                  <dd>
                    <time dateTime={t.admitted_at}>{formatInZone(t.admitted_at, timeZone)}</time>
                  </dd>
                  <dt>Discharged</dt>
                  <dd>
                    {t.discharged_at ? (
                      <time dateTime={t.discharged_at}>
                        {formatInZone(t.discharged_at, timeZone)}
                      </time>
                    ) : (
                      <span className="badge badge-warning">Still admitted</span>
                    )}
                  </dd>
                  <dt>Medication needed</dt>
                  <dd>
                    {t.medication_needed ? 'Yes — psychiatric linkage within 7 days' : 'No'}
                  </dd>
                  {t.notes && (
                    <>
                      <dt>Notes</dt>
                      <dd className="narrative">{t.notes}</dd>
                    </>
                  )}
                  <dt>Recorded by</dt>
                  <dd>{t.recorded_by_name || '—'}</dd>
                </dl>
                <h4>Psychiatric appointments</h4>
                {t.appointments.length === 0 ? (
                  <p className="muted">
                    {t.discharged_at ? 'None recorded yet.' : 'Recorded after the discharge.'}
                  </p>
                ) : (
                  <ul className="plain-list appointment-list">
                    {t.appointments.map((a) => (
                      <li key={a.id}>
                        <span className={`badge badge-appointment-${a.status}`}>
                          {codeLabel(a.status)}
                        </span>{' '}
                        {a.scheduled_for && (
                          <time dateTime={a.scheduled_for}>
                            {formatInZone(a.scheduled_for, timeZone)}
                          </time>
                        )}
                        {a.provider && <> · {a.provider}</>}
                        {a.me_notified_at && (
                          <>
                            {' '}
                            · managing entity notified {formatInZone(a.me_notified_at, timeZone)}
                          </>
                        )}
                        {a.note && <span className="cell-note">{a.note}</span>}
                        {writable && a.status === 'scheduled' && (
                          <span className="row-actions">
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => void markAppointment(a, 'kept')}
                            >
                              Mark kept
                            </button>
                            <button
                              type="button"
                              className="button button-small"
                              onClick={() => void markAppointment(a, 'missed')}
                            >
                              Mark missed
                            </button>
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
                {writable && openForm.kind === 'discharge' && openForm.id === t.id && (
                  <DischargeForm
                    transition={t}
                    timeZone={timeZone}
                    onSaved={(saved) => {
                      replace(saved);
                      closeForm();
                      setNotice(`The discharge from ${saved.facility} was recorded.`);
                    }}
                    onStale={() => void loader.reload()}
                    onCancel={closeForm}
                  />
                )}
                {writable && openForm.kind === 'appointment' && openForm.id === t.id && (
                  <AppointmentForm
                    transitionId={t.id}
                    timeZone={timeZone}
                    onRecorded={(a) => {
                      addAppointment(t.id, a);
                      closeForm();
                      setNotice('The appointment was recorded.');
                    }}
                    onCancel={closeForm}
                  />
                )}
                {writable && openForm.kind === 'none' && (
                  <div className="form-actions-row">
                    {t.discharged_at ? (
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setNotice(null);
                          setOpenForm({ kind: 'appointment', id: t.id });
                        }}
                      >
                        Record appointment
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        onClick={() => {
                          setNotice(null);
                          setOpenForm({ kind: 'discharge', id: t.id });
                        }}
                      >
                        Record discharge
                      </button>
                    )}
                  </div>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
