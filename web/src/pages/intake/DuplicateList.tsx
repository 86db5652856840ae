// SPDX-License-Identifier: Apache-2.0
// People already known who may be the person referred. Intake can link the referral to one of
// them, so no second record is created for the same person.
import type { PossibleDuplicate } from '../../api/referrals';
import { formatDate } from '../../format';
import { codeLabel } from '../../labels';

interface DuplicateListProps {
  duplicates: readonly PossibleDuplicate[];
  linkedId: string | null;
  onLink: (participantId: string | null) => void;
  disabled?: boolean;
}

export function DuplicateList({ duplicates, linkedId, onLink, disabled }: DuplicateListProps) {
  return (
    <ul className="duplicate-list">
      {duplicates.map((duplicate) => {
        const name = `${duplicate.given_name} ${duplicate.family_name}`;
        const linked = linkedId === duplicate.participant_id;
        return (
          <li key={duplicate.participant_id} className={linked ? 'duplicate linked' : 'duplicate'}>
            <p className="duplicate-name">
              {name}
              {linked && <span className="badge badge-allowed">Linked</span>}
            </p>
            <p className="duplicate-facts">
              Born {formatDate(duplicate.birth_date)}
              {duplicate.member_id && <> · Member ID {duplicate.member_id}</>}
              <br />
              Matched on {duplicate.matched_on.map(codeLabel).join(' and ')}
            </p>
            {linked ? (
              <button
                type="button"
                className="button button-small"
                disabled={disabled}
                onClick={() => onLink(null)}
              >
                Do not link<span className="visually-hidden"> to {name}</span>
              </button>
            ) : (
              <button
                type="button"
                className="button button-small"
                disabled={disabled}
                onClick={() => onLink(duplicate.participant_id)}
                aria-label={`Link to this person: ${name}`}
              >
                Link to this person
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
