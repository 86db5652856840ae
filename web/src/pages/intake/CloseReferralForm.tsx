// SPDX-License-Identifier: Apache-2.0
// Declining a referral, or recording that the person refused care coordination at intake
// (001 §2: documented in the record). Both need a reason.
import { useRef, useState, type FormEvent } from 'react';
import { closeReferral } from '../../api/referral_endpoints';
import type { Referral } from '../../api/referrals';
import { TextAreaField } from '../../components/Fields';
import { ErrorMessage } from '../../components/Messages';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import { formFailure, serverFieldErrors, sessionGone } from '../../components/form_errors';

const kText = {
  decline: {
    heading: 'Decline',
    label: 'Reason for declining',
    missing: 'Enter the reason for declining.',
    button: 'Decline referral',
    busy: 'Declining…',
    failed: 'The referral was not declined.',
  },
  refuse: {
    heading: 'Person refused',
    label: 'Reason the person refused',
    missing: 'Enter what the person said, or why they refused.',
    button: 'Record refusal',
    busy: 'Recording…',
    failed: 'The refusal was not recorded.',
  },
} as const;

interface Props {
  referral: Referral;
  action: 'decline' | 'refuse';
  onClosed: (referral: Referral) => void;
  onFailed: (error: unknown) => void;
}

export function CloseReferralForm({ referral, action, onClosed, onFailed }: Props) {
  const text = kText[action];
  const form = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const missing = reason.trim() === '' ? text.missing : undefined;
    if (showErrorsAndFocus(form.current, () => setError(missing))) return;
    setBusy(true);
    try {
      onClosed(await closeReferral(referral, action, reason.trim()));
    } catch (failed) {
      setBusy(false);
      if (sessionGone(failed)) return;
      const fieldErrors = serverFieldErrors(failed, { reason: ['reason', text.label] });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setError(fieldErrors.reason));
      else setFailure(formFailure(failed, text.failed));
      onFailed(failed);
    }
  }

  const headingId = `${action}-heading`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{text.heading}</h2>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
        <TextAreaField
          label={text.label}
          value={reason}
          onValueChange={setReason}
          error={error}
          rows={3}
          required
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button button-danger" disabled={busy}>
          {busy ? text.busy : text.button}
        </button>
      </form>
    </section>
  );
}
