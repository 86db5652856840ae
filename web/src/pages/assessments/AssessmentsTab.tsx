// SPDX-License-Identifier: Apache-2.0
// The chart's Assessments tab: the participant's assessments, a new one from the instruments
// the server offers (pediatric ones first for a participant under 18; 002 key activity 3), and
// the PHQ-9 and GAD-7 totals over time. Saving one may move the risk tier, so the chart is told.
import { useRef, useState } from 'react';
import { messageFor } from '../../api/api_error';
import {
  listAssessments,
  listInstruments,
  type Assessment,
  type Instrument,
} from '../../api/assessments';
import type { Participant } from '../../api/participants';
import { SelectField } from '../../components/Fields';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../components/Messages';
import { useLoader } from '../../hooks/use_loader';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentList } from './AssessmentList';
import { flagOf } from './assessment_labels';
import { orderInstruments } from './scoring';
import { ScoreHistory } from './ScoreHistory';

interface Props {
  participant: Participant;
  /** The episode a new assessment belongs to; null: the server picks the open one. */
  episodeId: string | null;
  mayWrite: boolean;
  onAssessed: (assessment: Assessment) => void;
}

export function AssessmentsTab({ participant, episodeId, mayWrite, onAssessed }: Props) {
  const assessments = useLoader(() => listAssessments(participant.id), participant.id);
  const instruments = useLoader(() => listInstruments(), 'instruments');
  const [picking, setPicking] = useState(false);
  const [chosenId, setChosenId] = useState('');
  const [instrument, setInstrument] = useState<Instrument | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const defs = instruments.state.status === 'ready' ? instruments.state.data : [];
  const ordered = orderInstruments(defs, participant.age);

  function saved(a: Assessment) {
    if (assessments.state.status === 'ready') {
      assessments.set([a, ...assessments.state.data.filter((x) => x.id !== a.id)]);
    }
    setInstrument(null);
    setPicking(false);
    setChosenId('');
    const band = a.band_label ? `, ${a.band_label}` : '';
    const score = a.total === null ? '' : `: total ${a.total}${band}`;
    const urgent = a.flags
      .map((f) => flagOf(defs, a, f))
      .filter((f) => f.urgent)
      .map((f) => ` Urgent: ${f.label} — follow up today.`)
      .join('');
    setNotice(`The ${a.instrument_title} was saved${score}.${urgent}`);
    onAssessed(a);
  }

  return (
    <div className="assessments">
      <h2 className="visually-hidden">Assessments</h2>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      {instruments.state.status === 'failed' && (
        <ErrorMessage>
          The instruments could not be loaded. {messageFor(instruments.state.error)}
        </ErrorMessage>
      )}
      {mayWrite && instrument === null && !picking && (
        <button
          ref={newButton}
          type="button"
          className="button button-primary"
          disabled={defs.length === 0}
          onClick={() => {
            setNotice(null);
            setPicking(true);
          }}
        >
          New assessment
        </button>
      )}
      {mayWrite && instrument === null && picking && (
        <form
          className="inline-form"
          aria-label="Choose an instrument"
          onSubmit={(event) => {
            event.preventDefault();
            const found = defs.find((i) => i.id === chosenId);
            if (found) setInstrument(found);
          }}
        >
          <SelectField
            label="Instrument"
            value={chosenId}
            options={[
              { value: '', label: 'Choose…' },
              ...ordered.map((i) => ({
                value: i.id,
                label: `${i.title}${i.pediatric ? ' (children and youth)' : ''}`,
              })),
            ]}
            onValueChange={setChosenId}
            hint={
              participant.age < 18
                ? 'Instruments for children and youth are listed first.'
                : undefined
            }
          />
          <div className="form-actions-row">
            <button type="submit" className="button button-primary" disabled={chosenId === ''}>
              Start assessment
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setPicking(false);
                newButton.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {instrument !== null && (
        <AssessmentForm
          key={instrument.id}
          participantId={participant.id}
          episodeId={episodeId}
          instrument={instrument}
          onSaved={saved}
          onCancel={() => {
            setInstrument(null);
            setPicking(false);
          }}
        />
      )}
      <h3>Assessments</h3>
      {assessments.state.status === 'loading' && <LiveStatus>Loading assessments…</LiveStatus>}
      {assessments.state.status === 'failed' && (
        <ErrorMessage>
          The assessments could not be loaded. {messageFor(assessments.state.error)}
        </ErrorMessage>
      )}
      {assessments.state.status === 'ready' && (
        <>
          <AssessmentList assessments={assessments.state.data} instruments={defs} />
          <ScoreHistory assessments={assessments.state.data} instruments={defs} />
        </>
      )}
    </div>
  );
}
