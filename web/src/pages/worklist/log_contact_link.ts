// SPDX-License-Identifier: Apache-2.0
// "Log contact" from a worklist item: the chart's contact form opened on the item's episode and
// prefilled with the contact that would satisfy the obligation. The request travels in the
// address's query (so the link can be opened in a new tab) and is read once by the chart.
import { isCode, kContactModes, kContactPurposes, kWithWhom } from '../../api/codes';
import type { SuggestedContact } from '../../api/obligations';
import { chartPath } from '../../routing/routes';

export interface LogContactRequest {
  episodeId: string;
  suggest: SuggestedContact;
  /** Where to offer to go back to once the contact is saved. */
  returnTo: string;
}

export function logContactPath(
  participantId: string,
  episodeId: string,
  suggest: SuggestedContact,
  returnTo = '/',
): string {
  const query = new URLSearchParams({
    log: '1',
    episode: episodeId,
    mode: suggest.mode,
    purposes: suggest.purposes.join(','),
    with: suggest.with_whom,
    return: returnTo,
  });
  return `${chartPath(participantId, 'contacts')}?${query.toString()}`;
}

/** The request in `search` ("?log=1&…"), or null when there is none or it is malformed. */
export function readLogContactRequest(search: string): LogContactRequest | null {
  const query = new URLSearchParams(search);
  if (query.get('log') !== '1') return null;
  const episodeId = query.get('episode') ?? '';
  const mode = query.get('mode') ?? '';
  const withWhom = query.get('with') ?? '';
  const purposes = (query.get('purposes') ?? '').split(',').filter(Boolean);
  const returnTo = query.get('return') ?? '/';
  if (!episodeId || !isCode(kContactModes, mode) || !isCode(kWithWhom, withWhom)) return null;
  return {
    episodeId,
    suggest: {
      mode,
      with_whom: withWhom,
      purposes: purposes.filter((p) => isCode(kContactPurposes, p)) as SuggestedContact['purposes'],
    },
    // Only an in-app path: never an address elsewhere.
    returnTo: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
  };
}
