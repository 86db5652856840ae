// SPDX-License-Identifier: Apache-2.0
// Moving the episode along: only the statuses the state machine allows from here are offered;
// closing and the exits need a reason.
import { useRef, useState, type FormEvent } from 'react';
import { isCode, kEpisodeStatuses } from '../../../api/codes';
import type { Episode } from '../../../api/episodes';
import { changeEpisodeStatus } from '../../../api/episode_endpoints';
import { SelectField, TextAreaField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { codeLabel } from '../../../labels';
import { needsReason, nextStatuses } from './episode_moves';

type Field = 'status' | 'reason';

export function ChangeStatusForm(props: {
  episode: Episode;
  onChanged: (episode: Episode) => void;
  onStale: () => void;
}) {
  const { episode, onChanged, onStale } = props;
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = nextStatuses(episode.status);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    if (!isCode(kEpisodeStatuses, status)) found.status = 'Choose the new status.';
    if (needsReason(status) && reason.trim() === '') {
      found.reason = `Enter the reason for marking the episode ${codeLabel(status).toLowerCase()}.`;
    }
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    if (!isCode(kEpisodeStatuses, status)) return;
    setBusy(true);
    try {
      const updated = await changeEpisodeStatus(episode, status, reason.trim());
      setStatus('');
      setReason('');
      onChanged(updated);
    } catch (error) {
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<Field>(error, {
        status: ['status', 'New status'],
        reason: ['reason', 'Reason'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The status was not changed.'));
      if (isConflict(error)) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="change-status-heading" className="card-inner">
      <h3 id="change-status-heading">Change status</h3>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
        <SelectField
          label="New status"
          value={status}
          options={[
            { value: '', label: 'Choose…' },
            ...choices.map((s) => ({ value: s, label: codeLabel(s) })),
          ]}
          onValueChange={setStatus}
          error={errors.status}
          hint={`Now ${codeLabel(episode.status).toLowerCase()}.`}
          required
        />
        <TextAreaField
          label="Reason"
          value={reason}
          onValueChange={setReason}
          error={errors.reason}
          hint={
            needsReason(status)
              ? 'Required: say why, as it will stand in the record.'
              : 'Optional for this move.'
          }
          rows={3}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change status'}
        </button>
      </form>
    </section>
  );
}
