// SPDX-License-Identifier: Apache-2.0
// Episodes, hand-offs, care teams and contacts
// (docs/participant-record.md "Episodes, hand-offs, care team", "Contacts and case notes").
import type { EpisodeStatus } from './codes';
import type { Contact, NewContact } from './contacts';
import type {
  CareTeamChanges,
  CareTeamMember,
  Episode,
  NewCareTeamMember,
  Transfer,
} from './episodes';
import { request } from './http';
import { apiPath, idempotencyKey, ifMatch, queryString } from './paths';
import type { ItemList, Page } from './types';

/** Newest first. */
export async function listEpisodes(participantId: string): Promise<Episode[]> {
  const path = apiPath('participants', participantId, 'episodes');
  return (await request<ItemList<Episode>>('GET', path)).data.items;
}

export async function getEpisode(id: string): Promise<Episode> {
  return (await request<Episode>('GET', apiPath('episodes', id))).data;
}

export async function changeEpisodeStatus(
  episode: Episode,
  status: EpisodeStatus,
  reason: string,
): Promise<Episode> {
  const response = await request<Episode>('POST', apiPath('episodes', episode.id, 'status'), {
    body: { status, reason },
    headers: ifMatch(episode.version),
  });
  return response.data;
}

/** A warm hand-off of accountability to another care coordinator. */
export async function transferEpisode(episode: Episode, transfer: Transfer): Promise<Episode> {
  const response = await request<Episode>('POST', apiPath('episodes', episode.id, 'transfer'), {
    body: transfer,
    headers: ifMatch(episode.version),
  });
  return response.data;
}

export async function listCareTeam(episodeId: string): Promise<CareTeamMember[]> {
  const path = apiPath('episodes', episodeId, 'care-team');
  return (await request<ItemList<CareTeamMember>>('GET', path)).data.items;
}

export async function addCareTeamMember(
  episodeId: string,
  member: NewCareTeamMember,
  key: string,
): Promise<CareTeamMember> {
  const path = apiPath('episodes', episodeId, 'care-team');
  return (
    await request<CareTeamMember>('POST', path, { body: member, headers: idempotencyKey(key) })
  ).data;
}

export async function updateCareTeamMember(
  member: CareTeamMember,
  changes: CareTeamChanges,
): Promise<CareTeamMember> {
  const response = await request<CareTeamMember>('PATCH', apiPath('care-team-members', member.id), {
    body: changes,
    headers: ifMatch(member.version),
  });
  return response.data;
}

/** Newest first. */
export async function listContacts(episodeId: string, cursor?: string): Promise<Page<Contact>> {
  const path = `${apiPath('episodes', episodeId, 'contacts')}${queryString({ cursor })}`;
  return (await request<Page<Contact>>('GET', path)).data;
}

/** Refused with 409 `release-required` when no release covers what was disclosed. */
export async function logContact(
  episodeId: string,
  contact: NewContact,
  key: string,
): Promise<Contact> {
  const path = apiPath('episodes', episodeId, 'contacts');
  return (await request<Contact>('POST', path, { body: contact, headers: idempotencyKey(key) }))
    .data;
}

export async function signContact(contact: Contact): Promise<Contact> {
  const response = await request<Contact>('POST', apiPath('contacts', contact.id, 'sign'), {
    headers: ifMatch(contact.version),
  });
  return response.data;
}

/** A correction to a signed contact; answers the addendum or the whole contact. */
export async function addAddendum(contactId: string, text: string, key: string): Promise<unknown> {
  const path = apiPath('contacts', contactId, 'addenda');
  return (await request<unknown>('POST', path, { body: { text }, headers: idempotencyKey(key) }))
    .data;
}
