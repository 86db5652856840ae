// SPDX-License-Identifier: Apache-2.0
// Participants, related persons, staff and emergency access
// (docs/participant-record.md "Participants", "Access").
import { api, send } from './http';
import type {
  EmergencyAccessGrant,
  EmergencyAccessPage,
  NewRelatedPerson,
  Participant,
  ParticipantChanges,
  ParticipantPage,
  ParticipantQuery,
  RelatedPerson,
  RelatedPersonChanges,
  StaffMember,
  StaffQuery,
} from './participants';
import { idempotencyKey, ifMatch, query } from './paths';

/** Only participants the caller may see are listed. */
export async function searchParticipants(filters: ParticipantQuery): Promise<ParticipantPage> {
  return send(api.GET('/api/v1/participants', { params: { query: query(filters) } }));
}

/** 404 both when the participant does not exist and when the caller may not see them. */
export async function getParticipant(id: string): Promise<Participant> {
  return send(api.GET('/api/v1/participants/{id}', { params: { path: { id } } }));
}

export async function updateParticipant(
  participant: Participant,
  changes: ParticipantChanges,
): Promise<Participant> {
  const params = { path: { id: participant.id }, header: ifMatch(participant.version) };
  return send(api.PATCH('/api/v1/participants/{id}', { params, body: changes }));
}

export async function addRelatedPerson(
  participantId: string,
  person: NewRelatedPerson,
  key: string,
): Promise<RelatedPerson> {
  const params = { path: { id: participantId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/participants/{id}/related-persons', { params, body: person }));
}

/** `active: false` ends the relationship. */
export async function updateRelatedPerson(
  person: RelatedPerson,
  changes: RelatedPersonChanges,
): Promise<RelatedPerson> {
  const params = { path: { id: person.id }, header: ifMatch(person.version) };
  return send(api.PATCH('/api/v1/related-persons/{id}', { params, body: changes }));
}

/** Opens the record to the caller for 4 hours, audited with the reason. */
export async function requestEmergencyAccess(
  participantId: string,
  reason: string,
): Promise<EmergencyAccessGrant> {
  const params = { path: { id: participantId } };
  return send(api.POST('/api/v1/participants/{id}/emergency-access', { params, body: { reason } }));
}

export async function listEmergencyAccess(cursor?: string): Promise<EmergencyAccessPage> {
  const params = { query: query({ cursor }) };
  return send(api.GET('/api/v1/emergency-access', { params }));
}

/** Enabled users of the organization, e.g. the care coordinators of a program. */
export async function listStaff(filters: StaffQuery): Promise<StaffMember[]> {
  return (await send(api.GET('/api/v1/staff', { params: { query: query(filters) } }))).items;
}
