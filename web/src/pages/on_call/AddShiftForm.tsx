// SPDX-License-Identifier: Apache-2.0
// Adding an on-call shift: who (staff of the program), from and to (program time), how to
// reach them, and a note.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api_error';
import { listUsers } from '../../api/endpoints';
import type { Shift } from '../../api/on_call';
import { listStaff } from '../../api/participant_endpoints';
import { addShift } from '../../api/worklist_endpoints';
import { SelectField, TextField } from '../../components/Fields';
import { ErrorMessage } from '../../components/Messages';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../components/form_errors';
import { useIdempotencyKey } from '../../hooks/use_idempotency_key';
import { instantInZone, localInputInZone } from '../../zoned_time';

type Field = 'userId' | 'startsAt' | 'endsAt' | 'phone' | 'note';

interface Person {
  id: string;
  name: string;
}

/** Staff of the program: the staff list for supervisors, the user list for administrators. */
async function programStaff(programId: string): Promise<Person[]> {
  try {
    const staff = await listStaff({ program_id: programId });
    return staff.map((s) => ({ id: s.id, name: s.display_name }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    const users = await listUsers();
    return users
      .filter((u) => !u.disabled && u.roles.some((r) => r.program_id === programId))
      .map((u) => ({ id: u.id, name: u.display_name }));
  }
}

export function AddShiftForm(props: {
  programId: string;
  timeZone: string | undefined;
  onAdded: (shift: Shift) => void;
}) {
  const { programId, timeZone, onAdded } = props;
  const form = useRef<HTMLFormElement>(null);
  const [people, setPeople] = useState<Person[]>([]);
  const [userId, setUserId] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInputInZone(timeZone));
  const [endsAt, setEndsAt] = useState(() =>
    localInputInZone(timeZone, Date.now() + 12 * 3_600_000),
  );
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();

  useEffect(() => {
    let cancelled = false;
    programStaff(programId).then(
      (list) => {
        if (!cancelled) setPeople(list.sort((a, b) => a.name.localeCompare(b.name)));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [programId]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    const start = instantInZone(startsAt, timeZone);
    const end = instantInZone(endsAt, timeZone);
    if (userId === '') found.userId = 'Choose who is on call.';
    if (start === null) found.startsAt = 'Enter when the shift starts.';
    if (end === null) found.endsAt = 'Enter when the shift ends.';
    else if (start !== null && end <= start) found.endsAt = 'The shift must end after it starts.';
    else if (start !== null && Date.parse(end) - Date.parse(start) > 7 * 86_400_000) {
      found.endsAt = 'A shift lasts at most 7 days.';
    }
    if (phone.length > 40) found.phone = 'Use at most 40 characters.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    if (start === null || end === null) return;
    setBusy(true);
    try {
      const shift = await addShift(
        programId,
        { user_id: userId, starts_at: start, ends_at: end, phone: phone.trim(), note: note.trim() },
        key,
      );
      renewKey();
      setNote('');
      onAdded(shift);
    } catch (error) {
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors<Field>(error, {
        user_id: ['userId', 'Who'],
        starts_at: ['startsAt', 'From'],
        ends_at: ['endsAt', 'To'],
        phone: ['phone', 'Phone'],
        note: ['note', 'Note'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The shift was not added.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="add-shift-heading" className="card">
      <h2 id="add-shift-heading">Add a shift</h2>
      <form ref={form} onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <SelectField
            label="Who"
            value={userId}
            options={[
              { value: '', label: people.length === 0 ? 'Loading staff…' : 'Choose…' },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
            onValueChange={setUserId}
            error={errors.userId}
            required
          />
          <TextField
            label="Phone"
            type="tel"
            value={phone}
            onValueChange={setPhone}
            error={errors.phone}
            autoComplete="off"
          />
          <TextField
            label="From"
            type="datetime-local"
            value={startsAt}
            onValueChange={setStartsAt}
            error={errors.startsAt}
            required
          />
          <TextField
            label="To"
            type="datetime-local"
            value={endsAt}
            onValueChange={setEndsAt}
            error={errors.endsAt}
            required
          />
        </div>
        <TextField label="Note" value={note} onValueChange={setNote} error={errors.note} />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add shift'}
        </button>
      </form>
    </section>
  );
}
