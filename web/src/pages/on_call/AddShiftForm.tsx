// SPDX-License-Identifier: Apache-2.0
// Adding an on-call shift: who (staff of the program), from and to (program time), how to
// reach them, and a note.
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api_error';
import { listUsers } from '../../api/endpoints';
import type { Shift } from '../../api/on_call';
import { listStaff } from '../../api/participant_endpoints';
import { addShift } from '../../api/worklist_endpoints';
import { SelectField, TextField } from '../../components/Fields';
import { FormActions } from '../../components/FormActions';
import { useFormSubmit, type FieldErrors } from '../../components/use_form_submit';
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
  const [people, setPeople] = useState<Person[]>([]);
  const [userId, setUserId] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInputInZone(timeZone));
  const [endsAt, setEndsAt] = useState(() =>
    localInputInZone(timeZone, Date.now() + 12 * 3_600_000),
  );
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const submit = useFormSubmit<Field>({
    fields: {
      user_id: ['userId', 'Who'],
      starts_at: ['startsAt', 'From'],
      ends_at: ['endsAt', 'To'],
      phone: ['phone', 'Phone'],
      note: ['note', 'Note'],
    },
    notDone: 'The shift was not added.',
  });
  const errors = submit.errors;

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

  async function onSubmit() {
    const found: FieldErrors<Field> = {};
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
    if (!submit.validate(found) || start === null || end === null) return;
    const shift = {
      user_id: userId,
      starts_at: start,
      ends_at: end,
      phone: phone.trim(),
      note: note.trim(),
    };
    await submit.send(
      (key) => addShift(programId, shift, key),
      (added) => {
        setNote('');
        onAdded(added);
      },
    );
  }

  return (
    <section aria-labelledby="add-shift-heading" className="card">
      <h2 id="add-shift-heading">Add a shift</h2>
      <form {...submit.formProps(onSubmit)}>
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
        <FormActions
          failure={submit.failure}
          busy={submit.busy}
          submit="Add shift"
          busySubmit="Adding…"
        />
      </form>
    </section>
  );
}
