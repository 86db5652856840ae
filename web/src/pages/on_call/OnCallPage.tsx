// SPDX-License-Identifier: Apache-2.0
// The on-call rota of a program for the next 14 days: the shifts, the stretches nobody covers
// (001 §2 asks for 24/7 coverage), and adding or removing shifts (supervisors, administrators).
import { useState } from 'react';
import { messageFor } from '../../api/api_error';
import type { Shift } from '../../api/on_call';
import { getRota, removeShift } from '../../api/worklist_endpoints';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ProgramPicker, userPrograms } from '../../components/ProgramPicker';
import { formFailure, sessionGone } from '../../components/form_errors';
import { useLoader } from '../../hooks/use_loader';
import { useProgramTimeZone } from '../../hooks/use_time_zone';
import { useMe } from '../../session/session_context';
import { formatInZone, instantInZone, todayInZone, zoneAbbreviation } from '../../zoned_time';
import { AddShiftForm } from './AddShiftForm';

const kDays = 14;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function stretches(n: number): string {
  return n === 1 ? 'one stretch' : `${n} stretches`;
}

function hours(from: string, to: string): string {
  const h = Math.round((Date.parse(to) - Date.parse(from)) / 360_000) / 10;
  return h === 1 ? '1 hour' : `${h} hours`;
}

export function OnCallPage() {
  const me = useMe();
  const programs = userPrograms(me, 'on_call.manage');
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const timeZone = useProgramTimeZone(programId ? [programId] : []);
  const today = todayInZone(timeZone);
  const from = instantInZone(today, timeZone) ?? '';
  const to = instantInZone(addDays(today, kDays), timeZone) ?? '';
  const loader = useLoader(() => getRota(programId, from, to), `${programId}|${from}|${to}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const state = loader.state;

  async function onRemove(shift: Shift) {
    setNotice(null);
    setFailure(null);
    try {
      await removeShift(shift.id);
      setNotice(`The shift of ${shift.display_name} was removed.`);
      await loader.reload();
    } catch (error) {
      if (sessionGone(error)) return;
      setFailure(formFailure(error, 'The shift was not removed.'));
    }
  }

  if (programs.length === 0) {
    return (
      <>
        <PageHeading title="On call" />
        <p>You plan the rota of no program.</p>
      </>
    );
  }

  const now = Date.now();
  return (
    <>
      <PageHeading title="On call" />
      <div className="form-narrow">
        <ProgramPicker programs={programs} value={programId} onChange={setProgramId} />
      </div>
      <p className="muted">
        The next {kDays} days. Times in {timeZone ?? 'your time zone'}
        {timeZone ? ` (${zoneAbbreviation(timeZone)})` : ''}.
      </p>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <LiveStatus>{state.status === 'loading' && 'Loading the rota…'}</LiveStatus>
      {state.status === 'failed' && (
        <ErrorMessage>The rota could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="gaps-heading" className="card">
            <h2 id="gaps-heading">Coverage gaps</h2>
            {state.data.gaps.length === 0 ? (
              <p>Every hour of the next {kDays} days is covered.</p>
            ) : (
              <>
                <p className="message message-warning">
                  Nobody is on call for {stretches(state.data.gaps.length)} of the next {kDays}{' '}
                  days.
                </p>
                <ul className="plain-list gap-list">
                  {state.data.gaps.map((gap) => (
                    <li key={gap.from}>
                      <time dateTime={gap.from}>{formatInZone(gap.from, timeZone)}</time> to{' '}
                      <time dateTime={gap.to}>{formatInZone(gap.to, timeZone)}</time>{' '}
                      <span className="muted">({hours(gap.from, gap.to)})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="shifts-heading" className="card">
            <h2 id="shifts-heading">Shifts</h2>
            {state.data.shifts.length === 0 ? (
              <p className="muted">No shifts planned in the next {kDays} days.</p>
            ) : (
              <DataTable
                caption="On-call shifts, by start"
                columns={['Who', 'From', 'To', 'Phone', 'Note']}
                actions
                dense
              >
                {state.data.shifts.map((shift) => (
                  <tr key={shift.id}>
                    <th scope="row">{shift.display_name}</th>
                    <td>
                      <time dateTime={shift.starts_at}>
                        {formatInZone(shift.starts_at, timeZone)}
                      </time>
                    </td>
                    <td>
                      <time dateTime={shift.ends_at}>
                        {formatInZone(shift.ends_at, timeZone)}
                      </time>
                    </td>
                    <td>{shift.phone || '—'}</td>
                    <td>{shift.note || '—'}</td>
                    <td>
                      {Date.parse(shift.ends_at) > now && (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          aria-label={`Remove the shift of ${shift.display_name} from ${
                            formatInZone(shift.starts_at, timeZone)
                          }`}
                          onClick={() => void onRemove(shift)}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <AddShiftForm
            programId={programId}
            timeZone={timeZone}
            onAdded={(shift) => {
              setFailure(null);
              const from = formatInZone(shift.starts_at, timeZone);
              setNotice(`${shift.display_name} is on call from ${from}.`);
              void loader.reload();
            }}
          />
        </>
      )}
    </>
  );
}
