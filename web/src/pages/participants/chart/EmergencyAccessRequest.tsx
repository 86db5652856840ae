// SPDX-License-Identifier: Apache-2.0
// Shown when a participant's chart answers 404: the record does not exist, or the user has no
// relationship with the person. "Break the glass": a typed reason opens the record for 4 hours,
// audited with that reason.
import { useRef, useState, type FormEvent } from 'react';
import { requestEmergencyAccess } from '../../../api/participant_endpoints';
import { TextAreaField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { PageHeading } from '../../../components/PageHeading';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import { formFailure, serverFieldErrors, sessionGone } from '../../../components/form_errors';
import { can } from '../../../permissions';
import { useMe } from '../../../session/session_context';

const kMin = 10;
const kMax = 500;
const kHours = 4;

export function EmergencyAccessRequest(props: {
  participantId: string;
  onGranted: (expiresAt: string) => void;
}) {
  const { participantId, onGranted } = props;
  const me = useMe();
  const form = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const length = [...reason.trim()].length;
    const found =
      length < kMin
        ? `Explain why you need this record now, in at least ${kMin} characters.`
        : length > kMax
          ? `Use at most ${kMax} characters.`
          : undefined;
    if (showErrorsAndFocus(form.current, () => setError(found))) return;
    setBusy(true);
    try {
      const grant = await requestEmergencyAccess(participantId, reason.trim());
      onGranted(grant.expires_at ?? new Date(Date.now() + kHours * 3_600_000).toISOString());
    } catch (failed) {
      setBusy(false);
      if (sessionGone(failed)) return;
      const fieldErrors = serverFieldErrors(failed, { reason: ['reason', 'Reason'] });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setError(fieldErrors.reason));
      else setFailure(formFailure(failed, 'Emergency access was not granted.'));
    }
  }

  return (
    <>
      <PageHeading title="Participant not available" />
      <ErrorMessage>Not found or you do not have access.</ErrorMessage>
      {can(me, 'participant.emergency_access') && (
        <section aria-labelledby="emergency-heading" className="card">
          <h2 id="emergency-heading">Emergency access</h2>
          <p>
            If you must see this record now to keep the person safe, you can open it for {kHours}{' '}
            hours. Your reason is recorded, every view is audited, and supervisors review each use.
          </p>
          {!open ? (
            <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
              Emergency access
            </button>
          ) : (
            <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
              <TextAreaField
                label="Reason for emergency access"
                value={reason}
                onValueChange={setReason}
                error={error}
                hint={`${kMin} to ${kMax} characters: what is happening, and why you need the record.`}
                rows={3}
                required
                autoFocus
              />
              {failure && <ErrorMessage>{failure}</ErrorMessage>}
              <div className="form-actions-row">
                <button type="submit" className="button button-danger" disabled={busy}>
                  {busy ? 'Opening…' : 'Open the record'}
                </button>
                <button type="button" className="button" onClick={() => setOpen(false)}>
                  Cancel
                </button>
              </div>
            </form>
          )}
        </section>
      )}
    </>
  );
}
