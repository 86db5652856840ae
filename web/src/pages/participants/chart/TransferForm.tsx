// SPDX-License-Identifier: Apache-2.0
// A warm hand-off of accountability to another care coordinator of the program (001 §1, §8).
// There is always exactly one accountable coordinator; this changes who it is.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Episode } from '../../../api/episodes';
import { transferEpisode } from '../../../api/episode_endpoints';
import { listStaff } from '../../../api/participant_endpoints';
import type { StaffMember } from '../../../api/participants';
import { CheckboxField } from '../../../components/CheckboxField';
import { SelectField, TextAreaField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isConflict,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';

type Field = 'to' | 'note';

export function TransferForm(props: {
  episode: Episode;
  onTransferred: (episode: Episode) => void;
  onStale: () => void;
}) {
  const { episode, onTransferred, onStale } = props;
  const form = useRef<HTMLFormElement>(null);
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [to, setTo] = useState('');
  const [faceToFace, setFaceToFace] = useState(false);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    listStaff({ role: 'care_coordinator', program_id: episode.program_id }).then(
      (items) => {
        if (!cancelled) setStaff(items);
      },
      (error: unknown) => {
        if (!cancelled && !sessionGone(error)) {
          setStaff([]);
          setFailure(formFailure(error, 'The care coordinators could not be loaded.'));
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [episode.program_id]);

  const candidates = (staff ?? []).filter((s) => s.id !== episode.coordinator_id);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<Field, string>> = {};
    if (to === '') found.to = 'Choose the care coordinator who takes over.';
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    setBusy(true);
    try {
      const updated = await transferEpisode(episode, {
        to_user_id: to,
        face_to_face: faceToFace,
        note: note.trim(),
      });
      setTo('');
      setFaceToFace(false);
      setNote('');
      onTransferred(updated);
    } catch (error) {
      if (sessionGone(error)) return;
      const fieldErrors = serverFieldErrors<Field>(error, {
        to_user_id: ['to', 'New accountable coordinator'],
        note: ['note', 'Hand-off note'],
      });
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'Accountability was not transferred.'));
      if (isConflict(error)) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="transfer-heading" className="card-inner">
      <h3 id="transfer-heading">Transfer accountability</h3>
      <form ref={form} onSubmit={onSubmit} noValidate className="form-narrow">
        <p>Now accountable: {episode.coordinator_name}.</p>
        <SelectField
          label="New accountable coordinator"
          value={to}
          options={[
            { value: '', label: staff === null ? 'Loading…' : 'Choose…' },
            ...candidates.map((s) => ({ value: s.id, label: s.display_name })),
          ]}
          onValueChange={setTo}
          error={errors.to}
          required
        />
        <CheckboxField
          label="The hand-off was face to face"
          checked={faceToFace}
          onCheckedChange={setFaceToFace}
        />
        <TextAreaField
          label="Hand-off note"
          value={note}
          onValueChange={setNote}
          error={errors.note}
          hint="What the new coordinator needs to know."
          rows={3}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Transferring…' : 'Transfer accountability'}
        </button>
      </form>
    </section>
  );
}
