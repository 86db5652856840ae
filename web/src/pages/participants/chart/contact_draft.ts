// SPDX-License-Identifier: Apache-2.0
// The "Log contact" form's state, its checks (docs/participant-record.md "Contacts"), and the
// request body it becomes. The state lives in the chart, so a draft survives a visit to the
// Consents tab to record the release a refused contact needed.
import {
  isCode,
  kConsentCategories,
  kContactModes,
  kContactOutcomes,
  kContactPurposes,
  kContactSettings,
  kWithWhom,
  type ConsentCategory,
  type ContactPurpose,
} from '../../../api/codes';
import type { MissingRelease, NewContact } from '../../../api/contacts';
import { newIdempotencyKey } from '../../../api/paths';
import type { FieldMap } from '../../../components/form_errors';
import { instantFromLocal, localDateTimeInput } from '../../../format';

export interface ContactDraft {
  occurredAt: string;
  duration: string;
  mode: string;
  setting: string;
  /** 'yes' a contact was made, 'no' an attempt only. */
  successful: string;
  withWhom: string;
  /** "rp:<id>", "ct:<id>", or "other" for a typed name. */
  partyChoice: string;
  partyName: string;
  disclosed: string[];
  purposes: string[];
  outcome: string;
  narrative: string;
  sign: boolean;
}

export type ContactField =
  | 'occurredAt'
  | 'duration'
  | 'mode'
  | 'setting'
  | 'successful'
  | 'withWhom'
  | 'partyChoice'
  | 'partyName'
  | 'disclosed'
  | 'purposes'
  | 'outcome'
  | 'narrative';

export type ContactErrors = Partial<Record<ContactField, string>>;

export interface ContactFormState {
  open: boolean;
  draft: ContactDraft;
  errors: ContactErrors;
  /** One key per contact being logged; renewed once it is saved. */
  key: string;
  /** The release the last attempt lacked; nothing was saved. */
  refusal: MissingRelease | null;
}

export function emptyContactDraft(): ContactDraft {
  return {
    occurredAt: localDateTimeInput(),
    duration: '',
    mode: '',
    setting: '',
    successful: '',
    withWhom: 'participant',
    partyChoice: '',
    partyName: '',
    disclosed: [],
    purposes: [],
    outcome: '',
    narrative: '',
    sign: false,
  };
}

export function closedContactForm(): ContactFormState {
  return {
    open: false,
    draft: emptyContactDraft(),
    errors: {},
    key: newIdempotencyKey(),
    refusal: null,
  };
}

/** The form opened with the contact a worklist item suggests (mode, purposes, with whom). */
export function prefilledContactForm(suggest: {
  mode: string;
  purposes: readonly string[];
  with_whom: string;
}): ContactFormState {
  const form = closedContactForm();
  return {
    ...form,
    open: true,
    draft: {
      ...form.draft,
      mode: suggest.mode,
      purposes: [...suggest.purposes],
      withWhom: suggest.with_whom,
    },
  };
}

/** Natural supports, providers and agencies are outside parties: a release must cover them. */
export function isOutsideParty(withWhom: string): boolean {
  return withWhom === 'natural_support' || withWhom === 'provider' || withWhom === 'agency';
}

/** Phone, text and mail have no setting. */
export function hasSetting(mode: string): boolean {
  return mode === 'in_person' || mode === 'video';
}

export const kMaxNarrative = 20000;

export function validateContact(d: ContactDraft): ContactErrors {
  const errors: ContactErrors = {};
  const occurred = instantFromLocal(d.occurredAt);
  if (occurred === null) errors.occurredAt = 'Enter the date and time of the contact.';
  else if (Date.parse(occurred) > Date.now() + 60_000) {
    errors.occurredAt = 'The contact cannot be in the future.';
  }
  const minutes = Number(d.duration);
  if (d.duration.trim() !== '' && (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)) {
    errors.duration = 'Enter whole minutes from 0 to 1440.';
  }
  if (!isCode(kContactModes, d.mode)) errors.mode = 'Choose how the contact happened.';
  if (d.successful === '') errors.successful = 'Say whether contact was made.';
  if (!isCode(kWithWhom, d.withWhom)) errors.withWhom = 'Choose who the contact was with.';
  if (isOutsideParty(d.withWhom)) {
    if (d.partyChoice === '') errors.partyChoice = 'Choose who the contact was with.';
    else if (d.partyChoice === 'other' && d.partyName.trim() === '') {
      errors.partyName = 'Enter the name of the person or organization.';
    }
    if (d.disclosed.length === 0) {
      errors.disclosed = 'Choose the information shared. Choose General health if nothing else.';
    }
  }
  if (d.purposes.length === 0) errors.purposes = 'Choose at least one purpose.';
  if (!isCode(kContactOutcomes, d.outcome)) errors.outcome = 'Choose the outcome.';
  if ([...d.narrative].length > kMaxNarrative) {
    errors.narrative = `Use at most ${kMaxNarrative} characters.`;
  }
  return errors;
}

/**
 * The instant of a datetime-local value. The input holds whole minutes, so "this minute" is
 * sent as the current instant: a contact logged right after intake must not seem to come
 * before the referral it follows.
 */
function occurredInstant(value: string): string {
  if (value === localDateTimeInput()) return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return instantFromLocal(value) ?? '';
}

/** The body for POST /episodes/{id}/contacts; `partyLabel` names a chosen party. */
export function toNewContact(d: ContactDraft, partyLabel: (choice: string) => string): NewContact {
  const outside = isOutsideParty(d.withWhom);
  let party: NewContact['party'];
  if (outside) {
    if (d.partyChoice.startsWith('rp:')) {
      party = { name: partyLabel(d.partyChoice), related_person_id: d.partyChoice.slice(3) };
    } else if (d.partyChoice.startsWith('ct:')) {
      party = { name: partyLabel(d.partyChoice), care_team_member_id: d.partyChoice.slice(3) };
    } else {
      party = { name: d.partyName.trim() };
    }
  }
  return {
    occurred_at: occurredInstant(d.occurredAt),
    duration_minutes: d.duration.trim() === '' ? 0 : Number(d.duration),
    mode: isCode(kContactModes, d.mode) ? d.mode : 'in_person',
    setting: hasSetting(d.mode) && isCode(kContactSettings, d.setting) ? d.setting : '',
    successful: d.successful === 'yes',
    with_whom: isCode(kWithWhom, d.withWhom) ? d.withWhom : 'participant',
    ...(party ? { party } : {}),
    disclosed: outside
      ? d.disclosed.filter((c): c is ConsentCategory => isCode(kConsentCategories, c))
      : [],
    purposes: d.purposes.filter((p): p is ContactPurpose => isCode(kContactPurposes, p)),
    outcome: isCode(kContactOutcomes, d.outcome) ? d.outcome : 'other',
    narrative: d.narrative.trim(),
    sign: d.sign,
  };
}

export const kContactFields: FieldMap<ContactField> = {
  occurred_at: ['occurredAt', 'Date and time'],
  duration_minutes: ['duration', 'Duration (minutes)'],
  mode: ['mode', 'Mode'],
  setting: ['setting', 'Setting'],
  successful: ['successful', 'Contact made'],
  with_whom: ['withWhom', 'With whom'],
  party: ['partyChoice', 'Party'],
  'party.name': ['partyName', 'Name of the person or organization'],
  'party.related_person_id': ['partyChoice', 'Party'],
  'party.care_team_member_id': ['partyChoice', 'Party'],
  disclosed: ['disclosed', 'Information shared'],
  purposes: ['purposes', 'Purposes'],
  outcome: ['outcome', 'Outcome'],
  narrative: ['narrative', 'Note'],
};
