// SPDX-License-Identifier: Apache-2.0
// Participants and the people around them (docs/participant-record.md "Participants").
import type { QueryOf, Schemas } from './schema';

export type Address = Schemas['Address'];
/** School and family details; the web shows them for participants under 22 (002). */
export type ChildDetails = Schemas['ChildDetails'];
export type RelatedPerson = Schemas['RelatedPerson'];
export type NewRelatedPerson = Schemas['RelatedPersonRequest'];
/** `active: false` ends the relationship. */
export type RelatedPersonChanges = Schemas['RelatedPersonRequest'];
export type EpisodeSummary = Schemas['EpisodeSummary'];
export type Participant = Schemas['Participant'];
/** The fields PATCH /participants/{id} accepts; address and child members one by one. */
export type ParticipantChanges = Schemas['ParticipantChangesRequest'];
/** The editable fields as the record holds them. */
export type ParticipantDetails = Pick<Participant, keyof ParticipantChanges>;
export type ParticipantListItem = Schemas['ParticipantListItem'];
export type ParticipantPage = Schemas['ParticipantList'];
export type ParticipantQuery = QueryOf<'/api/v1/participants'>;
export type EmergencyAccessGrant = Schemas['EmergencyAccessGrant'];
export type EmergencyAccessPage = Schemas['EmergencyAccessList'];
export type StaffMember = Schemas['StaffMember'];
export type StaffQuery = QueryOf<'/api/v1/staff'>;
