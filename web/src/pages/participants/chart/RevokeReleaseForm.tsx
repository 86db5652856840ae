// SPDX-License-Identifier: Apache-2.0
import { useRef, useState, type FormEvent } from 'react';
import type { Consent } from '../../../api/consents';
import { revokeConsent } from '../../../api/consent_endpoints';
import { TextAreaField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { isCalendarDate, today } from '../../../format';

type Field = 'date' | 'note';

/** Revoking a release from a date on (default today); nothing may be shared under it after. */
export function RevokeReleaseForm(props: {
  consent: Consent;
  onRevoked: (consent: Consent) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { consent, onRevoked, onCancel, onStale } = props;
  const form = useRef<HTMLFormElement>(null);
  const [date, setDate] = useState(today());
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    if (!isCalendarDate(date)) found.date = 'Enter the date the release is revoked from.';
    if (note.trim() === '') found.note = 'Enter how and by whom the release was revoked.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    setBusy(true);
    try {
      onRevoked(await revokeConsent(consent, { revoked_date: date, note: note.trim() }));
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<Field>(error, {
        revoked_date: ['date', 'Revoked from'],
        note: ['note', 'Note'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The release was not revoked.'));
      if (isConflict(error)) onStale();
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-label={`Revoke the release for ${consent.party.name}`}
      className="inline-form"
    >
      <div className="form-grid">
        <TextField
          label="Revoked from"
          type="date"
          value={date}
          onValueChange={setDate}
          error={errors.date}
          required
          autoFocus
        />
        <TextAreaField
          label="Note"
          value={note}
          onValueChange={setNote}
          error={errors.note}
          hint="How the revocation was received, e.g. a signed letter or a phone call."
          rows={2}
          required
        />
      </div>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-danger button-small" disabled={busy}>
          {busy ? 'Revoking…' : 'Revoke release'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
