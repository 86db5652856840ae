// SPDX-License-Identifier: Apache-2.0
// Guardians, legal representatives and the natural supports around the participant.
import { useState } from 'react';
import { updateRelatedPerson } from '../../../api/participant_endpoints';
import type { RelatedPerson } from '../../../api/participants';
import { ErrorMessage, SuccessMessage } from '../../../components/Messages';
import { formFailure, sessionGone } from '../../../components/form_errors';
import { codeLabel, codeList } from '../../../labels';
import { AddRelatedPersonForm } from './AddRelatedPersonForm';

interface Props {
  participantId: string;
  persons: readonly RelatedPerson[];
  mayWrite: boolean;
  onChanged: () => Promise<void>;
}

export function RelatedPersons({ participantId, persons, mayWrite, onChanged }: Props) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);

  async function onEnd(person: RelatedPerson) {
    setBusyId(person.id);
    setNotice(null);
    try {
      await updateRelatedPerson(person, { active: false });
      await onChanged();
      setNotice({ error: false, text: `Ended the relationship with ${person.name}.` });
    } catch (error) {
      if (sessionGone(error)) return;
      setNotice({ error: true, text: formFailure(error, 'The relationship was not ended.') });
      void onChanged();
    } finally {
      setBusyId(null);
    }
  }

  return (
    <section aria-labelledby="related-heading" className="fact-group">
      <h3 id="related-heading">Guardian and related persons</h3>
      {persons.length === 0 ? (
        <p className="muted">No related persons recorded.</p>
      ) : (
        <ul className="related-list">
          {persons.map((person) => (
            <li key={person.id} className={person.active ? undefined : 'row-muted'}>
              <p className="related-name">
                {person.name} <span className="muted">· {codeLabel(person.relationship)}</span>
                {!person.active && <span className="badge">Ended</span>}
              </p>
              {person.roles.length > 0 && <p>{codeList(person.roles)}</p>}
              <p className="muted">{[person.phone, person.email].filter(Boolean).join(' · ')}</p>
              {person.notes && <p className="prose">{person.notes}</p>}
              {mayWrite && person.active && (
                <button
                  type="button"
                  className="button button-small"
                  disabled={busyId === person.id}
                  onClick={() => void onEnd(person)}
                >
                  End relationship<span className="visually-hidden"> with {person.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {notice?.error && <ErrorMessage>{notice.text}</ErrorMessage>}
      {notice && !notice.error && <SuccessMessage>{notice.text}</SuccessMessage>}
      {mayWrite &&
        (adding ? (
          <AddRelatedPersonForm
            participantId={participantId}
            onAdded={(person) => {
              setAdding(false);
              setNotice({ error: false, text: `Added ${person.name}.` });
              void onChanged();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            Add a related person
          </button>
        ))}
    </section>
  );
}
