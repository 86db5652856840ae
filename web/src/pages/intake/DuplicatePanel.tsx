// SPDX-License-Identifier: Apache-2.0
import type { PossibleDuplicate } from '../../api/referrals';
import { LiveStatus } from '../../components/Messages';
import { DuplicateList } from './DuplicateList';
import type { DuplicateSearch } from './use_duplicate_search';

/** "Possible duplicates" while a referral is typed, with the choice to link to one. */
export function DuplicatePanel(props: {
  search: DuplicateSearch;
  linkedId: string | null;
  onLink: (participantId: string | null) => void;
}) {
  const { search, linkedId, onLink } = props;
  const items: PossibleDuplicate[] = search.status === 'done' ? search.items : [];
  return (
    <section aria-labelledby="duplicates-heading" className="duplicates">
      <h2 id="duplicates-heading">Possible duplicates</h2>
      <LiveStatus>{statusText(search)}</LiveStatus>
      {items.length > 0 && (
        <>
          <p>
            If the person referred is one of these, link the referral to them instead of creating a
            new record.
          </p>
          <DuplicateList duplicates={items} linkedId={linkedId} onLink={onLink} />
        </>
      )}
    </section>
  );
}

function statusText(search: DuplicateSearch): string {
  switch (search.status) {
    case 'idle':
      return 'Enter a name and date of birth, or a member ID, to check for people already known.';
    case 'searching':
      return 'Checking for people already known…';
    case 'failed':
      return (
        'The check for people already known could not be made. ' +
        'You can still save the referral.'
      );
    case 'done':
      if (search.items.length === 0) return 'No possible duplicates found.';
      return search.items.length === 1
        ? '1 possible duplicate found.'
        : `${search.items.length} possible duplicates found.`;
  }
}
