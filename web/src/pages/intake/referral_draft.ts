// SPDX-License-Identifier: Apache-2.0
// The new-referral form's state, its checks (the server's rules, docs/participant-record.md),
// and the request body it becomes.
import { isCode, kSexes, kSourceSettings, kUrgencies } from '../../api/codes';
import type { NewReferral } from '../../api/referrals';
import type { FieldMap } from '../../components/form_errors';
import { instantFromLocal } from '../../format';
import { birthDateError, nameError } from '../../person_rules';

export interface DocumentDraft {
  /** Stable React key for the row. */
  key: number;
  title: string;
  reference: string;
}

export interface ReferralDraft {
  programId: string;
  urgency: string;
  /** datetime-local value; '' means "now". */
  receivedAt: string;
  reason: string;
  setting: string;
  organization: string;
  referrer: string;
  referrerContact: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: string;
  phone: string;
  payer: string;
  memberId: string;
  language: string;
  documents: DocumentDraft[];
  /** An existing participant this referral is about, chosen from the possible duplicates. */
  participantId: string | null;
}

export type ReferralField =
  Exclude<keyof ReferralDraft, 'documents' | 'participantId'> | 'documents';
export type ReferralErrors = Partial<
  Record<ReferralField | `document-${number}`, string | undefined>
>;

export function emptyDraft(programId: string): ReferralDraft {
  return {
    programId,
    urgency: '',
    receivedAt: '',
    reason: '',
    setting: '',
    organization: '',
    referrer: '',
    referrerContact: '',
    givenName: '',
    familyName: '',
    birthDate: '',
    sex: 'unknown',
    phone: '',
    payer: '',
    memberId: '',
    language: 'en',
    documents: [],
    participantId: null,
  };
}

export const kMaxReason = 4000;

export function validateReferral(draft: ReferralDraft, needsProgram: boolean): ReferralErrors {
  const errors: ReferralErrors = {};
  if (needsProgram && draft.programId === '') errors.programId = 'Choose the program.';
  errors.givenName = nameError(draft.givenName, 'Enter the given name.');
  errors.familyName = nameError(draft.familyName, 'Enter the family name.');
  errors.birthDate =
    draft.birthDate === '' ? 'Enter the date of birth.' : birthDateError(draft.birthDate);
  if (!isCode(kSourceSettings, draft.setting)) {
    errors.setting = 'Choose where the referral comes from.';
  }
  if (!isCode(kUrgencies, draft.urgency)) errors.urgency = 'Choose how urgent the referral is.';
  const reason = draft.reason.trim();
  if (reason === '') errors.reason = 'Enter the reason for the referral.';
  else if ([...reason].length > kMaxReason) errors.reason = `Use at most ${kMaxReason} characters.`;
  if (draft.receivedAt !== '') {
    const instant = instantFromLocal(draft.receivedAt);
    if (instant === null) errors.receivedAt = 'Enter a date and time, or leave it empty for now.';
    else if (Date.parse(instant) > Date.now() + 60_000) {
      errors.receivedAt = 'The time received cannot be in the future.';
    }
  }
  draft.documents.forEach((doc, index) => {
    if (doc.title.trim() === '') errors[`document-${index}`] = 'Enter a title for this document.';
  });
  return errors;
}

export function toNewReferral(draft: ReferralDraft): NewReferral {
  const sex = isCode(kSexes, draft.sex) ? draft.sex : 'unknown';
  const receivedAt = draft.receivedAt ? instantFromLocal(draft.receivedAt) : null;
  return {
    ...(draft.programId ? { program_id: draft.programId } : {}),
    urgency: isCode(kUrgencies, draft.urgency) ? draft.urgency : 'routine',
    ...(receivedAt ? { received_at: receivedAt } : {}),
    reason: draft.reason.trim(),
    source: {
      setting: isCode(kSourceSettings, draft.setting) ? draft.setting : 'other',
      organization: draft.organization.trim(),
      person: draft.referrer.trim(),
      contact: draft.referrerContact.trim(),
    },
    documents: draft.documents.map((doc) => ({
      title: doc.title.trim(),
      reference: doc.reference.trim(),
    })),
    person: {
      given_name: draft.givenName.trim(),
      family_name: draft.familyName.trim(),
      birth_date: draft.birthDate,
      sex,
      phone: draft.phone.trim(),
      payer: draft.payer.trim(),
      member_id: draft.memberId.trim(),
      preferred_language: draft.language.trim() || 'en',
    },
    ...(draft.participantId ? { participant_id: draft.participantId } : {}),
  };
}

/** The server's field names, for putting its refusals next to the right input. */
export const kReferralFields: FieldMap<ReferralField> = {
  program_id: ['programId', 'Program'],
  urgency: ['urgency', 'Urgency'],
  received_at: ['receivedAt', 'Received'],
  reason: ['reason', 'Reason for referral'],
  'source.setting': ['setting', 'Source setting'],
  'source.organization': ['organization', 'Referring organization'],
  'source.person': ['referrer', 'Referring person'],
  'source.contact': ['referrerContact', 'Referrer contact'],
  'person.given_name': ['givenName', 'Given name'],
  'person.family_name': ['familyName', 'Family name'],
  'person.birth_date': ['birthDate', 'Date of birth'],
  'person.sex': ['sex', 'Sex'],
  'person.phone': ['phone', 'Phone'],
  'person.payer': ['payer', 'Payer'],
  'person.member_id': ['memberId', 'Member ID'],
  'person.preferred_language': ['language', 'Preferred language'],
  documents: ['documents', 'Documents'],
};
