// SPDX-License-Identifier: Apache-2.0
// Takes a new referral: the person, where it comes from, how urgent, why, and the documents
// that came with it. While the person is typed, people already known who may be the same are
// offered for linking.
import { useRef, useState, type FormEvent } from 'react';
import { createReferral } from '../../api/referral_endpoints';
import { ErrorMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/Fields';
import { Link } from '../../components/Link';
import { showErrorsAndFocus } from '../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../components/form_errors';
import { useIdempotencyKey } from '../../hooks/use_idempotency_key';
import { programsWhere } from '../../permissions';
import { navigate } from '../../routing/router';
import { referralPath } from '../../routing/routes';
import { useMe } from '../../session/session_context';
import { DocumentsEditor } from './DocumentsEditor';
import { DuplicatePanel } from './DuplicatePanel';
import { ReferralPersonFields } from './ReferralPersonFields';
import { ReferralSourceFields } from './ReferralSourceFields';
import {
  emptyDraft,
  kReferralFields,
  toNewReferral,
  validateReferral,
  type ReferralDraft,
  type ReferralErrors,
} from './referral_draft';
import { useDuplicateSearch } from './use_duplicate_search';

export function NewReferralPage() {
  const me = useMe();
  const programs = programsWhere(me, 'referral.create');
  const needsProgram = programs.length > 1;
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ReferralDraft>(() =>
    emptyDraft(programs.length === 1 ? (programs[0]?.id ?? '') : ''),
  );
  const [errors, setErrors] = useState<ReferralErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const duplicates = useDuplicateSearch(draft);

  function set<K extends keyof ReferralDraft>(field: K, value: ReferralDraft[K]) {
    setDraft((current) => ({ ...current, [field]: value }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = validateReferral(draft, needsProgram);
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;

    setBusy(true);
    try {
      const referral = await createReferral(toNewReferral(draft), key);
      navigate(referralPath(referral.id));
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors(error, kReferralFields);
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The referral was not saved.'));
    }
  }

  return (
    <>
      <PageHeading title="New referral" />
      <p>
        <Link to="/intake">Back to the intake queue</Link>
      </p>
      <div className="referral-layout">
        <form
          ref={form}
          onSubmit={onSubmit}
          noValidate
          className="card"
          aria-labelledby="referral-form-heading"
        >
          <h2 id="referral-form-heading" className="visually-hidden">
            Referral details
          </h2>
          {needsProgram && (
            <div className="form-narrow">
              <SelectField
                label="Program"
                value={draft.programId}
                options={[
                  { value: '', label: 'Choose…' },
                  ...programs.map((p) => ({ value: p.id, label: p.name })),
                ]}
                onValueChange={(v) => set('programId', v)}
                error={errors.programId}
                required
              />
            </div>
          )}
          <ReferralPersonFields draft={draft} errors={errors} onChange={set} />
          <ReferralSourceFields draft={draft} errors={errors} onChange={set} />
          <DocumentsEditor
            documents={draft.documents}
            errors={errors}
            onChange={(documents) => set('documents', documents)}
          />
          {draft.participantId && (
            <div className="message message-info">
              <p>
                This referral will be linked to a person already known (see Possible duplicates).
              </p>
              <button
                type="button"
                className="button button-small"
                onClick={() => set('participantId', null)}
              >
                Do not link
              </button>
            </div>
          )}
          {failure && <ErrorMessage>{failure}</ErrorMessage>}
          <div className="form-actions form-actions-row">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Saving referral…' : 'Save referral'}
            </button>
          </div>
        </form>
        <aside className="card referral-aside">
          <DuplicatePanel
            search={duplicates}
            linkedId={draft.participantId}
            onLink={(id) => set('participantId', id)}
          />
        </aside>
      </div>
    </>
  );
}
