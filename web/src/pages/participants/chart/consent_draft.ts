// SPDX-License-Identifier: Apache-2.0
// The "Record release" form's state and checks (docs/participant-record.md "Releases").
import {
  isCode,
  kConsentCategories,
  kConsentSigners,
  kPartyKinds,
  type ConsentCategory,
} from '../../../api/codes';
import type { NewConsent } from '../../../api/consents';
import type { FieldMap } from '../../../components/form_errors';
import { isCalendarDate, today } from '../../../format';

export interface ConsentDraft {
  partyKind: string;
  /** "rp:<id>", "ct:<id>", or "" when the party is named only. */
  partyLink: string;
  partyName: string;
  purpose: string;
  categories: string[];
  effectiveDate: string;
  expiryDate: string;
  signedBy: string;
  signerName: string;
  signedDate: string;
}

export type ConsentField = keyof ConsentDraft;
export type ConsentErrors = Partial<Record<ConsentField, string>>;

/** Releases run a year unless the form says otherwise; at most five years (the server's rule). */
export function emptyConsentDraft(now = new Date()): ConsentDraft {
  const start = today(now);
  const end = addYears(start, 1);
  return {
    partyKind: 'person',
    partyLink: '',
    partyName: '',
    purpose: '',
    categories: [],
    effectiveDate: start,
    expiryDate: end,
    signedBy: 'participant',
    signerName: '',
    signedDate: start,
  };
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February plus a year is 1 March; keep it on the last day of February instead.
  if (shifted.getUTCMonth() !== m - 1) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

export function validateConsent(d: ConsentDraft): ConsentErrors {
  const errors: ConsentErrors = {};
  if (d.partyName.trim() === '') errors.partyName = 'Enter who the information may be shared with.';
  if (d.purpose.trim() === '') errors.purpose = 'Enter the purpose of the release.';
  if (d.categories.length === 0) errors.categories = 'Choose at least one kind of information.';
  if (!isCalendarDate(d.effectiveDate)) errors.effectiveDate = 'Enter a real date.';
  if (!isCalendarDate(d.expiryDate)) errors.expiryDate = 'Enter a real date.';
  else if (isCalendarDate(d.effectiveDate)) {
    if (d.expiryDate < d.effectiveDate) {
      errors.expiryDate = 'The release cannot expire before it takes effect.';
    } else if (d.expiryDate > addYears(d.effectiveDate, 5)) {
      errors.expiryDate = 'A release can last at most five years.';
    }
  }
  if (!isCode(kConsentSigners, d.signedBy)) errors.signedBy = 'Choose who signed.';
  if (d.signedBy === 'guardian' && d.signerName.trim() === '') {
    errors.signerName = "Enter the guardian's name.";
  }
  if (!isCalendarDate(d.signedDate)) errors.signedDate = 'Enter the date it was signed.';
  else if (d.signedDate > today()) errors.signedDate = 'The signed date cannot be in the future.';
  return errors;
}

export function toNewConsent(d: ConsentDraft, participantName: string): NewConsent {
  return {
    party: {
      kind: isCode(kPartyKinds, d.partyKind) ? d.partyKind : 'person',
      name: d.partyName.trim(),
      ...(d.partyLink.startsWith('rp:') ? { related_person_id: d.partyLink.slice(3) } : {}),
      ...(d.partyLink.startsWith('ct:') ? { care_team_member_id: d.partyLink.slice(3) } : {}),
    },
    purpose: d.purpose.trim(),
    categories: d.categories.filter((c): c is ConsentCategory => isCode(kConsentCategories, c)),
    effective_date: d.effectiveDate,
    expiry_date: d.expiryDate,
    signed_by: d.signedBy === 'guardian' ? 'guardian' : 'participant',
    signer_name: d.signerName.trim() || (d.signedBy === 'participant' ? participantName : ''),
    signed_date: d.signedDate,
  };
}

export const kConsentFields: FieldMap<ConsentField> = {
  party: ['partyName', 'Shared with'],
  'party.name': ['partyName', 'Shared with'],
  'party.kind': ['partyKind', 'Party'],
  'party.related_person_id': ['partyLink', 'Linked to'],
  'party.care_team_member_id': ['partyLink', 'Linked to'],
  purpose: ['purpose', 'Purpose'],
  categories: ['categories', 'Information covered'],
  effective_date: ['effectiveDate', 'Effective from'],
  expiry_date: ['expiryDate', 'Expires on'],
  signed_by: ['signedBy', 'Signed by'],
  signer_name: ['signerName', 'Name of the signer'],
  signed_date: ['signedDate', 'Signed on'],
};
