// SPDX-License-Identifier: Apache-2.0
// Releases of information (docs/participant-record.md "Releases of information").
import type { Schemas } from './schema';

export type ConsentParty = Schemas['ConsentParty'];
/** `status` is as of today in the program's time zone. */
export type Consent = Schemas['Consent'];
export type ExpiringConsent = Schemas['ExpiringConsent'];
export type NewConsent = Schemas['NewConsentRequest'];
export type Revocation = Schemas['RevokeConsentRequest'];
