// SPDX-License-Identifier: Apache-2.0
import { useRef, useState, type FormEvent } from 'react';
import type { ParticipantQuery } from '../../api/participants';
import { TextField } from '../../components/Fields';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import { isCalendarDate } from '../../format';

interface Props {
  busy: boolean;
  serverErrors: Partial<Record<'q' | 'birth_date' | 'member_id', string>>;
  onSearch: (query: ParticipantQuery) => void;
}

/** Name, date of birth and member ID; blank fields are left out of the search. */
export function ParticipantSearchForm({ busy, serverErrors, onSearch }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [memberId, setMemberId] = useState('');
  const [birthDateError, setBirthDateError] = useState<string | undefined>(undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = birthDate && !isCalendarDate(birthDate) ? 'Enter a real date.' : undefined;
    if (showErrorsAndFocus(form.current, () => setBirthDateError(error))) return;
    onSearch({
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(birthDate ? { birth_date: birthDate } : {}),
      ...(memberId.trim() ? { member_id: memberId.trim() } : {}),
    });
  }

  function onClear() {
    setQ('');
    setBirthDate('');
    setMemberId('');
    setBirthDateError(undefined);
    onSearch({});
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      role="search"
      aria-label="Find participants"
      className="card filters"
    >
      <div className="form-grid">
        <TextField
          label="Name"
          type="search"
          value={q}
          onValueChange={setQ}
          hint="The start of the family name or of the whole name."
          error={serverErrors.q}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Date of birth"
          type="date"
          value={birthDate}
          onValueChange={setBirthDate}
          error={birthDateError ?? serverErrors.birth_date}
        />
        <TextField
          label="Member ID"
          value={memberId}
          onValueChange={setMemberId}
          error={serverErrors.member_id}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="form-actions form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Search
        </button>
        <button type="button" className="button" onClick={onClear} disabled={busy}>
          Clear
        </button>
      </div>
    </form>
  );
}
