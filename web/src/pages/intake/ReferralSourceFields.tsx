// SPDX-License-Identifier: Apache-2.0
import { kSourceSettings, kUrgencies } from '../../api/codes';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { SelectField, TextAreaField, TextField } from '../../components/Fields';
import { codeLabel, codeOptions } from '../../labels';
import { kMaxReason, type ReferralDraft, type ReferralErrors } from './referral_draft';

type SourceKey =
  'urgency' | 'receivedAt' | 'reason' | 'setting' | 'organization' | 'referrer' | 'referrerContact';

interface Props {
  draft: ReferralDraft;
  errors: ReferralErrors;
  onChange: (field: SourceKey, value: string) => void;
}

/** Where the referral comes from, how urgent it is and why. */
export function ReferralSourceFields({ draft, errors, onChange }: Props) {
  return (
    <fieldset className="form-section">
      <legend>Referral</legend>
      <ChoiceGroup
        kind="radio"
        legend="Urgency"
        options={kUrgencies.map((u) => ({ value: u, label: codeLabel(u) }))}
        value={draft.urgency}
        onValueChange={(v) => onChange('urgency', v)}
        error={errors.urgency}
        inline
      />
      <div className="form-grid">
        <SelectField
          label="Source setting"
          value={draft.setting}
          options={[{ value: '', label: 'Choose…' }, ...codeOptions(kSourceSettings)]}
          onValueChange={(v) => onChange('setting', v)}
          error={errors.setting}
          required
        />
        <TextField
          label="Referring organization"
          value={draft.organization}
          onValueChange={(v) => onChange('organization', v)}
          error={errors.organization}
          autoComplete="off"
        />
        <TextField
          label="Referring person"
          value={draft.referrer}
          onValueChange={(v) => onChange('referrer', v)}
          error={errors.referrer}
          autoComplete="off"
        />
        <TextField
          label="Referrer contact"
          value={draft.referrerContact}
          onValueChange={(v) => onChange('referrerContact', v)}
          error={errors.referrerContact}
          hint="Phone or email of the referring person."
          autoComplete="off"
        />
        <TextField
          label="Received"
          type="datetime-local"
          value={draft.receivedAt}
          onValueChange={(v) => onChange('receivedAt', v)}
          error={errors.receivedAt}
          hint="Leave empty if it arrived just now."
        />
      </div>
      <TextAreaField
        label="Reason for referral"
        value={draft.reason}
        onValueChange={(v) => onChange('reason', v)}
        error={errors.reason}
        hint={`What the referrer asks for, and why. At most ${kMaxReason} characters.`}
        rows={5}
        required
      />
    </fieldset>
  );
}
