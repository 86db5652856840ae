// SPDX-License-Identifier: Apache-2.0
import { kSexes } from '../../api/codes';
import { SelectField, TextField } from '../../components/Fields';
import { codeOptions } from '../../labels';
import type { ReferralDraft, ReferralErrors } from './referral_draft';

type PersonKey =
  'givenName' | 'familyName' | 'birthDate' | 'sex' | 'phone' | 'payer' | 'memberId' | 'language';

interface Props {
  draft: ReferralDraft;
  errors: ReferralErrors;
  onChange: (field: PersonKey, value: string) => void;
}

/** Who is referred, as the referrer describes them. */
export function ReferralPersonFields({ draft, errors, onChange }: Props) {
  return (
    <fieldset className="form-section">
      <legend>Person referred</legend>
      <div className="form-grid">
        <TextField
          label="Given name"
          value={draft.givenName}
          onValueChange={(v) => onChange('givenName', v)}
          error={errors.givenName}
          autoComplete="off"
          required
        />
        <TextField
          label="Family name"
          value={draft.familyName}
          onValueChange={(v) => onChange('familyName', v)}
          error={errors.familyName}
          autoComplete="off"
          required
        />
        <TextField
          label="Date of birth"
          type="date"
          value={draft.birthDate}
          onValueChange={(v) => onChange('birthDate', v)}
          error={errors.birthDate}
          required
        />
        <SelectField
          label="Sex"
          value={draft.sex}
          options={codeOptions(kSexes)}
          onValueChange={(v) => onChange('sex', v)}
          error={errors.sex}
        />
        <TextField
          label="Phone"
          type="tel"
          value={draft.phone}
          onValueChange={(v) => onChange('phone', v)}
          error={errors.phone}
          autoComplete="off"
        />
        <TextField
          label="Payer"
          value={draft.payer}
          onValueChange={(v) => onChange('payer', v)}
          error={errors.payer}
          hint="Health plan or other payer."
          autoComplete="off"
        />
        <TextField
          label="Member ID"
          value={draft.memberId}
          onValueChange={(v) => onChange('memberId', v)}
          error={errors.memberId}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Preferred language"
          value={draft.language}
          onValueChange={(v) => onChange('language', v)}
          error={errors.language}
          hint="Language code, such as en or es."
          autoComplete="off"
          spellCheck={false}
        />
      </div>
    </fieldset>
  );
}
