// SPDX-License-Identifier: Apache-2.0
import { useState } from 'react';
import type { Participant } from '../../../api/participants';
import { SuccessMessage } from '../../../components/Messages';
import { ParticipantEditForm } from './ParticipantEditForm';
import { ParticipantFacts } from './ParticipantFacts';
import { RelatedPersons } from './RelatedPersons';

interface Props {
  participant: Participant;
  mayWrite: boolean;
  onUpdated: (participant: Participant) => void;
  onReload: () => Promise<void>;
}

/** Who the participant is and the people around them; editable by the clinical roles. */
export function OverviewTab({ participant, mayWrite, onUpdated, onReload }: Props) {
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  return (
    <div className="overview">
      {saved && <SuccessMessage>The participant's details were saved.</SuccessMessage>}
      {mayWrite && !editing && (
        <button
          type="button"
          className="button"
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
        >
          Edit details
        </button>
      )}
      {editing ? (
        <ParticipantEditForm
          participant={participant}
          onSaved={(updated) => {
            onUpdated(updated);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
          onReload={onReload}
        />
      ) : (
        <ParticipantFacts participant={participant} />
      )}
      <RelatedPersons
        participantId={participant.id}
        persons={participant.related_persons}
        mayWrite={mayWrite}
        onChanged={onReload}
      />
    </div>
  );
}
