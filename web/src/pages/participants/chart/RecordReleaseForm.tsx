// SPDX-License-Identifier: Apache-2.0
// Recording a signed release of information: who may receive what, for what purpose, between
// which dates, signed by the participant or their guardian.
import { useRef, useState, type FormEvent } from 'react';
import { kConsentCategories, kPartyKinds } from '../../../api/codes';
import type { Consent } from '../../../api/consents';
import { recordConsent } from '../../../api/consent_endpoints';
import type { CareTeamMember } from '../../../api/episodes';
import type { Participant } from '../../../api/participants';
import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { SelectField, TextField } from '../../../components/Fields';
import { ErrorMessage } from '../../../components/Messages';
import { showErrorsAndFocus } from '../../../components/focus_first_invalid';
import {
  formFailure,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
} from '../../../components/form_errors';
import { useIdempotencyKey } from '../../../hooks/use_idempotency_key';
import { codeLabel } from '../../../labels';
import {
  emptyConsentDraft,
  kConsentFields,
  toNewConsent,
  validateConsent,
  type ConsentDraft,
  type ConsentErrors,
} from './consent_draft';

interface Props {
  participant: Participant;
  careTeam: readonly CareTeamMember[];
  onRecorded: (consent: Consent) => void;
  onCancel: () => void;
}

export function RecordReleaseForm({ participant, careTeam, onRecorded, onCancel }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ConsentDraft>(() => emptyConsentDraft());
  const [errors, setErrors] = useState<ConsentErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();
  const participantName = `${participant.given_name} ${participant.family_name}`;

  function set<K extends keyof ConsentDraft>(field: K, value: ConsentDraft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
  }

  const links = [
    ...participant.related_persons
      .filter((p) => p.active)
      .map((p) => ({
        value: `rp:${p.id}`,
        label: `${p.name} (${codeLabel(p.relationship)})`,
        name: p.name,
        kind: 'person',
      })),
    ...careTeam
      .filter((m) => m.active && m.external_name)
      .map((m) => ({
        value: `ct:${m.id}`,
        label: `${m.external_name}${m.external_org ? `, ${m.external_org}` : ''} (care team)`,
        name: m.external_name,
        kind: 'person',
      })),
  ];

  function onLink(value: string) {
    const link = links.find((l) => l.value === value);
    setDraft((d) => ({
      ...d,
      partyLink: value,
      ...(link ? { partyName: link.name, partyKind: link.kind } : {}),
    }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = validateConsent(draft);
    if (showErrorsAndFocus(form.current, () => setErrors(found))) return;
    setBusy(true);
    try {
      const consent = await recordConsent(
        participant.id,
        toNewConsent(draft, participantName),
        key,
      );
      renewKey();
      onRecorded(consent);
    } catch (error) {
      setBusy(false);
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors(error, kConsentFields);
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, 'The release was not recorded.'));
    }
  }

  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="record-release-heading"
      className="edit-form"
    >
      <h3 id="record-release-heading">Record release</h3>
      <div className="form-grid">
        {links.length > 0 && (
          <SelectField
            label="Linked to"
            value={draft.partyLink}
            options={[{ value: '', label: 'Not linked (name only)' }, ...links]}
            onValueChange={onLink}
            error={errors.partyLink}
            hint="A related person or care team member, so contacts with them are matched."
          />
        )}
        <SelectField
          label="Party"
          value={draft.partyKind}
          options={kPartyKinds.map((k) => ({ value: k, label: codeLabel(k) }))}
          onValueChange={(v) => set('partyKind', v)}
          error={errors.partyKind}
        />
        <TextField
          label="Shared with"
          value={draft.partyName}
          onValueChange={(v) => set('partyName', v)}
          error={errors.partyName}
          hint="The person or organization named on the release."
          autoComplete="off"
          required
        />
        <TextField
          label="Purpose"
          value={draft.purpose}
          onValueChange={(v) => set('purpose', v)}
          error={errors.purpose}
          autoComplete="off"
          required
        />
      </div>
      <ChoiceGroup
        kind="checkbox"
        legend="Information covered"
        options={kConsentCategories.map((c) => ({ value: c, label: codeLabel(c) }))}
        values={draft.categories}
        onValuesChange={(v) => set('categories', v)}
        error={errors.categories}
        inline
      />
      <div className="form-grid">
        <TextField
          label="Effective from"
          type="date"
          value={draft.effectiveDate}
          onValueChange={(v) => set('effectiveDate', v)}
          error={errors.effectiveDate}
          required
        />
        <TextField
          label="Expires on"
          type="date"
          value={draft.expiryDate}
          onValueChange={(v) => set('expiryDate', v)}
          error={errors.expiryDate}
          hint="At most five years after it takes effect."
          required
        />
      </div>
      <ChoiceGroup
        kind="radio"
        legend="Signed by"
        options={[
          { value: 'participant', label: 'The participant' },
          { value: 'guardian', label: 'A guardian' },
        ]}
        value={draft.signedBy}
        onValueChange={(v) => set('signedBy', v)}
        error={errors.signedBy}
        inline
      />
      <div className="form-grid">
        <TextField
          label="Name of the signer"
          value={draft.signerName}
          onValueChange={(v) => set('signerName', v)}
          error={errors.signerName}
          hint={
            draft.signedBy === 'guardian'
              ? 'Required for a guardian.'
              : `Leave empty for ${participantName}.`
          }
          autoComplete="off"
        />
        <TextField
          label="Signed on"
          type="date"
          value={draft.signedDate}
          onValueChange={(v) => set('signedDate', v)}
          error={errors.signedDate}
          required
        />
      </div>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record release'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
