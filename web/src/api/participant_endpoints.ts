// SPDX-License-Identifier: Apache-2.0
// Participants, related persons, staff and emergency access
// (docs/participant-record.md "Participants", "Access").
import { request } from './http';
import type {
  EmergencyAccessGrant,
  NewRelatedPerson,
  Participant,
  ParticipantChanges,
  ParticipantListItem,
  ParticipantQuery,
  RelatedPerson,
  StaffMember,
} from './participants';
import { apiPath, idempotencyKey, ifMatch, queryString } from './paths';
import type { ItemList, Page } from './types';

/** Only participants the caller may see are listed. */
export async function searchParticipants(
  query: ParticipantQuery,
): Promise<Page<ParticipantListItem>> {
  const path = `${apiPath('participants')}${queryString(query)}`;
  return (await request<Page<ParticipantListItem>>('GET', path)).data;
}

/** 404 both when the participant does not exist and when the caller may not see them. */
export async function getParticipant(id: string): Promise<Participant> {
  return (await request<Participant>('GET', apiPath('participants', id))).data;
}

export async function updateParticipant(
  participant: Participant,
  changes: ParticipantChanges,
): Promise<Participant> {
  const response = await request<Participant>('PATCH', apiPath('participants', participant.id), {
    body: changes,
    headers: ifMatch(participant.version),
  });
  return response.data;
}

export async function addRelatedPerson(
  participantId: string,
  person: NewRelatedPerson,
  key: string,
): Promise<RelatedPerson> {
  const path = apiPath('participants', participantId, 'related-persons');
  return (
    await request<RelatedPerson>('POST', path, { body: person, headers: idempotencyKey(key) })
  ).data;
}

/** `active: false` ends the relationship. */
export async function updateRelatedPerson(
  person: RelatedPerson,
  changes: Partial<Omit<RelatedPerson, 'id' | 'version'>>,
): Promise<RelatedPerson> {
  const response = await request<RelatedPerson>('PATCH', apiPath('related-persons', person.id), {
    body: changes,
    headers: ifMatch(person.version),
  });
  return response.data;
}

/** Opens the record to the caller for 4 hours, audited with the reason. */
export async function requestEmergencyAccess(
  participantId: string,
  reason: string,
): Promise<Partial<EmergencyAccessGrant>> {
  const path = apiPath('participants', participantId, 'emergency-access');
  return (
    (await request<Partial<EmergencyAccessGrant> | undefined>('POST', path, { body: { reason } }))
      .data ?? {}
  );
}

export async function listEmergencyAccess(cursor?: string): Promise<Page<EmergencyAccessGrant>> {
  const path = `${apiPath('emergency-access')}${queryString({ cursor })}`;
  return (await request<Page<EmergencyAccessGrant>>('GET', path)).data;
}

/** Enabled users of the organization, e.g. the care coordinators of a program. */
export async function listStaff(query: {
  role?: string;
  program_id?: string;
}): Promise<StaffMember[]> {
  const path = `${apiPath('staff')}${queryString(query)}`;
  return (await request<ItemList<StaffMember>>('GET', path)).data.items;
}
