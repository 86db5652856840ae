// SPDX-License-Identifier: Apache-2.0
// The participant edit form's state: the editable fields, their checks, and the PATCH body
// holding only what changed.
import type {
  Participant,
  ParticipantChanges,
  ParticipantDetails,
} from '../../../api/participants';
import type { FieldMap } from '../../../components/form_errors';
import { birthDateError, nameError } from '../../../person_rules';

export type ParticipantDraft = ParticipantDetails;

export type DraftField =
  | Exclude<keyof ParticipantDetails, 'address' | 'child'>
  | `address.${keyof ParticipantDetails['address']}`
  | `child.${keyof ParticipantDetails['child']}`;

export type DraftErrors = Partial<Record<DraftField, string | undefined>>;

export function draftOf(p: Participant): ParticipantDraft {
  return {
    given_name: p.given_name,
    family_name: p.family_name,
    preferred_name: p.preferred_name,
    birth_date: p.birth_date,
    sex: p.sex,
    gender_identity: p.gender_identity,
    pronouns: p.pronouns,
    phone: p.phone,
    email: p.email,
    preferred_contact_method: p.preferred_contact_method,
    preferred_contact_times: p.preferred_contact_times,
    address: { ...p.address },
    living_situation: p.living_situation,
    preferred_language: p.preferred_language,
    interpreter_needed: p.interpreter_needed,
    cultural_considerations: p.cultural_considerations,
    advance_directive: p.advance_directive,
    health_care_proxy: p.health_care_proxy,
    payer: p.payer,
    member_id: p.member_id,
    primary_care_provider: p.primary_care_provider,
    child: { ...p.child },
  };
}

export function validateDraft(d: ParticipantDraft): DraftErrors {
  const errors: DraftErrors = {};
  errors.given_name = nameError(d.given_name, 'Enter the given name.');
  errors.family_name = nameError(d.family_name, 'Enter the family name.');
  errors.birth_date = birthDateError(d.birth_date);
  if (d.email.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(d.email.trim())) {
    errors.email = 'Enter an email address such as name@example.org, or leave it empty.';
  }
  return errors;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that differ from the record as loaded; nested groups are sent whole. */
export function changesFrom(original: Participant, draft: ParticipantDraft): ParticipantChanges {
  const before = draftOf(original);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof ParticipantDraft)[]) {
    const value = draft[key];
    const trimmed =
      typeof value === 'string'
        ? value.trim()
        : key === 'address' || key === 'child'
          ? Object.fromEntries(
              Object.entries(value as unknown as Record<string, string>).map(([k, v]) => [
                k,
                v.trim(),
              ]),
            )
          : value;
    if (!same(trimmed, before[key])) changes[key] = trimmed;
  }
  return changes as ParticipantChanges;
}

const kLabels: Record<DraftField, string> = {
  given_name: 'Given name',
  family_name: 'Family name',
  preferred_name: 'Preferred name',
  birth_date: 'Date of birth',
  sex: 'Sex',
  gender_identity: 'Gender identity',
  pronouns: 'Pronouns',
  phone: 'Phone',
  email: 'Email',
  preferred_contact_method: 'Preferred contact method',
  preferred_contact_times: 'Best times to reach them',
  'address.line': 'Street address',
  'address.city': 'City',
  'address.state': 'State',
  'address.postal_code': 'Postal code',
  living_situation: 'Living situation',
  preferred_language: 'Preferred language',
  interpreter_needed: 'Interpreter needed',
  cultural_considerations: 'Cultural considerations',
  advance_directive: 'Advance directive',
  health_care_proxy: 'Health care proxy',
  payer: 'Payer',
  member_id: 'Member ID',
  primary_care_provider: 'Primary care provider',
  'child.school_name': 'School',
  'child.school_grade': 'Grade',
  'child.education_plan': 'Education plan',
  'child.family_notes': 'Family notes',
};

export function draftLabel(field: DraftField): string {
  return kLabels[field];
}

export const kDraftFields: FieldMap<DraftField> = Object.fromEntries(
  (Object.keys(kLabels) as DraftField[]).map((field) => [field, [field, kLabels[field]] as const]),
);
