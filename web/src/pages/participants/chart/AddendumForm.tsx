// SPDX-License-Identifier: Apache-2.0
import { useRef, useState, type FormEvent } from 'react';
import { addAddendum } from '../../../api/episode_endpoints';
import { TextAreaField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { useIdempotencyKey } from '../../../hooks/use_idempotency_key';

/** A correction or later information for a signed contact; the contact itself never changes. */
export function AddendumForm(props: {
  contactId: string;
  onAdded: (answer: unknown) => void;
  onCancel: () => void;
}) {
  const { contactId, onAdded, onCancel } = props;
  const form = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const missing = text.trim() === '' ? 'Enter the addendum.' : undefined;
    if (showErrorsAndFocus(form.current, () => setError(missing))) return;
    setBusy(true);
    try {
      onAdded(await addAddendum(contactId, text.trim(), key));
    } catch (failed) {
      setBusy(false);
      if (sessionGone(failed)) return;
      if (isKeyReused(failed)) renewKey();
      const fieldErrors = serverFieldErrors(failed, { text: ['text', 'Addendum'] });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setError(fieldErrors.text));
      else setFailure(formFailure(failed, 'The addendum was not saved.'));
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="addendum-form">
      <TextAreaField
        label="Addendum"
        value={text}
        onValueChange={setText}
        error={error}
        rows={3}
        required
        autoFocus
      />
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? 'Saving…' : 'Save addendum'}
        </button>
        <button type="button" className="button button-small" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
