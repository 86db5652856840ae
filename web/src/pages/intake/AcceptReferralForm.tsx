// SPDX-License-Identifier: Apache-2.0
// Accepting a referral: choose the accountable care coordinator (001 §1) and, when the person
// is already known, the participant to link. The server opens an episode in "engaging".
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { listStaff } from '../../api/participant_endpoints';
import type { StaffMember } from '../../api/participants';
import { acceptReferral } from '../../api/referral_endpoints';
import type { AcceptedReferral, PossibleDuplicate, Referral } from '../../api/referrals';
import { SelectField, TextAreaField } from '../../components/Fields';
import { ErrorMessage } from '../../components/Messages';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import { formFailure, serverFieldErrors, sessionGone } from '../../components/form_errors';
import { useMe } from '../../session/session_context';

interface Props {
  referral: Referral;
  duplicates: readonly PossibleDuplicate[];
  linkedId: string | null;
  onAccepted: (result: AcceptedReferral) => void;
  onFailed: (error: unknown) => void;
}

type Errors = { coordinator?: string | undefined; note?: string | undefined };

export function AcceptReferralForm({
  referral,
  duplicates,
  linkedId,
  onAccepted,
  onFailed,
}: Props) {
  const me = useMe();
  const form = useRef<HTMLFormElement>(null);
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [staffFailure, setStaffFailure] = useState<string | null>(null);
  const [coordinatorId, setCoordinatorId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listStaff({ role: 'care_coordinator', program_id: referral.program_id }).then(
      (items) => {
        if (cancelled) return;
        setStaff(items);
        // Intake often assigns themselves; offer that, but never guess anyone else.
        if (items.some((s) => s.id === me.id)) setCoordinatorId(me.id);
      },
      (error: unknown) => {
        if (!cancelled && !sessionGone(error)) {
          setStaffFailure(formFailure(error, 'The care coordinators could not be loaded.'));
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [referral.program_id, me.id]);

  const linked = duplicates.find((d) => d.participant_id === linkedId);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Errors = {
      coordinator: coordinatorId === '' ? 'Choose the accountable care coordinator.' : undefined,
    };
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    setBusy(true);
    try {
      const result = await acceptReferral(referral, {
        coordinator_id: coordinatorId,
        ...(linkedId ? { participant_id: linkedId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onAccepted(result);
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<keyof Errors>(error, {
        coordinator_id: ['coordinator', 'Accountable care coordinator'],
        note: ['note', 'Note'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The referral was not accepted.'));
      onFailed(error);
    }
  }

  return (
    <section aria-labelledby="accept-heading" className="card">
      <h2 id="accept-heading">Accept</h2>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
        {staffFailure && <ErrorMessage>{staffFailure}</ErrorMessage>}
        <SelectField
          label="Accountable care coordinator"
          value={coordinatorId}
          options={[
            { value: '', label: staff === null ? 'Loading…' : 'Choose…' },
            ...(staff ?? []).map((s) => ({ value: s.id, label: s.display_name })),
          ]}
          onValueChange={setCoordinatorId}
          error={errors.coordinator}
          required
        />
        <p>
          {linked
            ? `The referral will be linked to ${linked.given_name} ${linked.family_name}, ` +
              'who is already known.'
            : 'A new participant record will be created from the referral.'}
        </p>
        <TextAreaField
          label="Note"
          value={note}
          onValueChange={setNote}
          error={errors.note}
          hint="Optional: anything the coordinator should know about this hand-off."
          rows={3}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Accepting…' : 'Accept referral'}
        </button>
      </form>
    </section>
  );
}
