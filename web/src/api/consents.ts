// SPDX-License-Identifier: Apache-2.0
// Releases of information (docs/participant-record.md "Releases of information").
import type { ConsentCategory, ConsentSigner, ConsentStatus, PartyKind } from './codes';

export interface ConsentParty {
  kind: PartyKind;
  name: string;
  related_person_id: string | null;
  care_team_member_id: string | null;
}

export interface Consent {
  id: string;
  participant_id: string;
  party: ConsentParty;
  purpose: string;
  categories: ConsentCategory[];
  effective_date: string;
  expiry_date: string;
  signed_by: ConsentSigner;
  signer_name: string;
  signed_date: string;
  revoked_date: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revocation_note: string;
  /** As of today in the program's time zone. */
  status: ConsentStatus;
  recorded_by: string;
  created_at: string;
  version: number;
}

export interface ExpiringConsent extends Consent {
  participant_name: string;
}

export interface NewConsent {
  party: {
    kind: PartyKind;
    name: string;
    related_person_id?: string;
    care_team_member_id?: string;
  };
  purpose: string;
  categories: ConsentCategory[];
  effective_date: string;
  expiry_date: string;
  signed_by: ConsentSigner;
  signer_name: string;
  signed_date: string;
}

export interface Revocation {
  revoked_date?: string;
  note: string;
}
