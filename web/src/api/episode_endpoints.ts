// SPDX-License-Identifier: Apache-2.0
// Episodes, hand-offs, care teams and contacts
// (docs/participant-record.md "Episodes, hand-offs, care team", "Contacts and case notes").
import type { EpisodeStatus } from './codes';
import type { Addendum, Contact, ContactPage, NewContact } from './contacts';
import type {
  CareTeamChanges,
  CareTeamMember,
  Episode,
  NewCareTeamMember,
  Transfer,
} from './episodes';
import { api, send } from './http';
import { idempotencyKey, ifMatch, query } from './paths';

/** Newest first. */
export async function listEpisodes(participantId: string): Promise<Episode[]> {
  const params = { path: { id: participantId } };
  return (await send(api.GET('/api/v1/participants/{id}/episodes', { params }))).items;
}

export async function getEpisode(id: string): Promise<Episode> {
  return send(api.GET('/api/v1/episodes/{id}', { params: { path: { id } } }));
}

export async function changeEpisodeStatus(
  episode: Episode,
  status: EpisodeStatus,
  reason: string,
): Promise<Episode> {
  const params = { path: { id: episode.id }, header: ifMatch(episode.version) };
  return send(api.POST('/api/v1/episodes/{id}/status', { params, body: { status, reason } }));
}

/** A warm hand-off of accountability to another care coordinator. */
export async function transferEpisode(episode: Episode, transfer: Transfer): Promise<Episode> {
  const params = { path: { id: episode.id }, header: ifMatch(episode.version) };
  return send(api.POST('/api/v1/episodes/{id}/transfer', { params, body: transfer }));
}

export async function listCareTeam(episodeId: string): Promise<CareTeamMember[]> {
  const params = { path: { id: episodeId } };
  return (await send(api.GET('/api/v1/episodes/{id}/care-team', { params }))).items;
}

export async function addCareTeamMember(
  episodeId: string,
  member: NewCareTeamMember,
  key: string,
): Promise<CareTeamMember> {
  const params = { path: { id: episodeId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/episodes/{id}/care-team', { params, body: member }));
}

export async function updateCareTeamMember(
  member: CareTeamMember,
  changes: CareTeamChanges,
): Promise<CareTeamMember> {
  const params = { path: { id: member.id }, header: ifMatch(member.version) };
  return send(api.PATCH('/api/v1/care-team-members/{id}', { params, body: changes }));
}

/** Newest first. */
export async function listContacts(episodeId: string, cursor?: string): Promise<ContactPage> {
  const params = { path: { id: episodeId }, query: query({ cursor }) };
  return send(api.GET('/api/v1/episodes/{id}/contacts', { params }));
}

/** Refused with 409 `release-required` when no release covers what was disclosed. */
export async function logContact(
  episodeId: string,
  contact: NewContact,
  key: string,
): Promise<Contact> {
  const params = { path: { id: episodeId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/episodes/{id}/contacts', { params, body: contact }));
}

export async function signContact(contact: Contact): Promise<Contact> {
  const params = { path: { id: contact.id }, header: ifMatch(contact.version) };
  return send(api.POST('/api/v1/contacts/{id}/sign', { params }));
}

/** A correction to a signed contact. */
export async function addAddendum(contactId: string, text: string, key: string): Promise<Addendum> {
  const params = { path: { id: contactId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/contacts/{id}/addenda', { params, body: { text } }));
}
