// SPDX-License-Identifier: Apache-2.0
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, fieldMessage, messageFor } from '../api/api_error';
import { changePassword } from '../api/endpoints';
import { TextField } from '../components/Fields';
import { ErrorMessage, SuccessMessage } from '../components/Messages';
import { showErrorsAndFocus } from '../components/focus_first_invalid';
import { kPasswordHint, passwordLengthError } from '../passwords';
import { useMe, useSession } from '../session/session_context';

interface FieldErrors {
  current?: string | undefined;
  next?: string | undefined;
  confirm?: string | undefined;
}

const kWrongCurrent = 'Your current password is not correct.';
const kSessionGone = 'session-gone';

export function ChangePasswordForm() {
  const { refresh } = useSession();
  const me = useMe();
  const form = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const found: FieldErrors = {
      current: current === '' ? 'Enter your current password.' : undefined,
      next: passwordLengthError(next),
      confirm:
        confirm === ''
          ? 'Enter the new password again.'
          : confirm !== next
            ? 'The two new passwords do not match.'
            : undefined,
    };
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;

    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      await refresh().catch(() => undefined);
    } catch (error) {
      const fieldError = await serverFieldError(error, refresh);
      // A lost session has already sent the user to the sign-in page.
      if (fieldError === kSessionGone) return;
      if (fieldError) showErrorsAndFocus(form.current, () => setErrors(fieldError));
      else setFailure(messageFor(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="password-heading" className="card">
      <h2 id="password-heading">Change your password</h2>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
        {/* Tells password managers whose password this is; never shown. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={me.username}
          readOnly
          hidden
        />
        <TextField
          label="Current password"
          type="password"
          value={current}
          onValueChange={setCurrent}
          error={errors.current}
          autoComplete="current-password"
          required
        />
        <TextField
          label="New password"
          type="password"
          value={next}
          onValueChange={setNext}
          hint={kPasswordHint}
          error={errors.next}
          autoComplete="new-password"
          required
        />
        <TextField
          label="Confirm new password"
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {done && (
          <SuccessMessage>
            Your password has been changed. Any other sessions you had are now signed out.
          </SuccessMessage>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Changing password…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

/**
 * Maps a server refusal onto the field it concerns. A 401 is ambiguous (wrong current password,
 * or the session itself is gone), so the session is checked: if it is gone, refresh() sends the
 * user to sign in; if it is fine, the current password was wrong.
 */
async function serverFieldError(
  error: unknown,
  refresh: () => Promise<void>,
): Promise<FieldErrors | typeof kSessionGone | null> {
  if (!(error instanceof ApiError)) return null;
  // The form checks for an empty current password, so the server's objection is a wrong one.
  if (error.field === 'current_password') return { current: kWrongCurrent };
  if (error.field === 'new_password') return { next: fieldMessage(error, 'New password') };
  if (error.status === 401) {
    try {
      await refresh();
    } catch {
      return kSessionGone;
    }
    return { current: kWrongCurrent };
  }
  return null;
}
