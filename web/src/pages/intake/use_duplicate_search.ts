// SPDX-License-Identifier: Apache-2.0
import { useEffect, useState } from 'react';
import { findDuplicates } from '../../api/referral_endpoints';
import type { DuplicateQuery, PossibleDuplicate } from '../../api/referrals';
import { isCalendarDate } from '../../format';
import { useDebounced } from '../../hooks/use_debounced';

export type DuplicateSearch =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'failed' }
  | { status: 'done'; items: PossibleDuplicate[] };

const kDelayMs = 300;

/**
 * Looks for people already known while a referral is typed: by name and date of birth, or by
 * member ID, once the user pauses for 300 ms. Nothing is asked until there is enough to match.
 */
export function useDuplicateSearch(person: {
  givenName: string;
  familyName: string;
  birthDate: string;
  memberId: string;
}): DuplicateSearch {
  const query: DuplicateQuery = {};
  const given = person.givenName.trim();
  const family = person.familyName.trim();
  const memberId = person.memberId.trim();
  if ((given || family) && isCalendarDate(person.birthDate)) {
    query.given_name = given;
    query.family_name = family;
    query.birth_date = person.birthDate;
  }
  if (memberId) query.member_id = memberId;
  const key = Object.keys(query).length > 0 ? JSON.stringify(query) : '';
  const settledKey = useDebounced(key, kDelayMs);
  const [search, setSearch] = useState<DuplicateSearch>({ status: 'idle' });

  useEffect(() => {
    if (settledKey === '') {
      setSearch({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setSearch({ status: 'searching' });
    findDuplicates(JSON.parse(settledKey) as DuplicateQuery).then(
      (items) => {
        if (!cancelled) setSearch({ status: 'done', items });
      },
      () => {
        if (!cancelled) setSearch({ status: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [settledKey]);

  return search;
}
