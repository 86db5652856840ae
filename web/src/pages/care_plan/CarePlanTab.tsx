// SPDX-License-Identifier: Apache-2.0
// The chart's Care plan tab (docs/assessments.md "Care plans"; 001 §4 §10, 002, 003): the plan of
// the episode shown, or "Write care plan" when it has none; editing (a new version each save),
// reviews, goal progress, the version history and the family copy.
import { useRef, useState } from 'react';
import { messageFor } from '../../api/api_error';
import { listAssessments, listInstruments } from '../../api/assessments';
import { listCarePlans, type CarePlan } from '../../api/care_plans';
import type { EpisodeSummary, Participant } from '../../api/participants';
import { ButtonLink } from '../../components/ButtonLink';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../components/Messages';
import { formatDate, formatDateTime } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { isOpen } from '../participants/chart/episode_moves';
import { CarePlanEditor } from './CarePlanEditor';
import { carePlanPrintPath } from './family_copy_path';
import { GoalProgressSection } from './GoalProgressSection';
import { PlanView } from './PlanView';
import { ReviewForm } from './ReviewForm';
import { VersionHistory } from './VersionHistory';

interface Props {
  participant: Participant;
  episode: EpisodeSummary | null;
  mayWrite: boolean;
  mayReview: boolean;
}

type Mode = 'view' | 'edit' | 'review';

export function CarePlanTab({ participant, episode, mayWrite, mayReview }: Props) {
  const plans = useLoader(() => listCarePlans(participant.id), participant.id);
  const assessments = useLoader(() => listAssessments(participant.id), `a:${participant.id}`);
  const instruments = useLoader(() => listInstruments(), 'instruments');
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const writeButton = useRef<HTMLButtonElement>(null);
  const state = plans.state;
  const open = episode !== null && isOpen(episode.status);
  const writable = mayWrite && open;

  if (state.status === 'loading') return <LiveStatus>Loading the care plan…</LiveStatus>;
  if (state.status === 'failed') {
    return (
      <ErrorMessage>The care plan could not be loaded. {messageFor(state.error)}</ErrorMessage>
    );
  }
  const all = state.data;
  // The episode's own plan; for a closed episode without one, the newest plan (read-only). An
  // open episode without a plan gets a new one: plans are one per episode.
  const earlier = [...all].sort((a, b) => b.created_at.localeCompare(a.created_at))[0] ?? null;
  const plan = all.find((p) => p.episode_id === episode?.id) ?? (open ? null : earlier);
  const assessmentList = assessments.state.status === 'ready' ? assessments.state.data : [];
  const instrumentList = instruments.state.status === 'ready' ? instruments.state.data : [];

  function replace(next: CarePlan) {
    plans.set([next, ...all.filter((p) => p.id !== next.id)]);
  }

  if (mode === 'edit') {
    return (
      <CarePlanEditor
        participantId={participant.id}
        episodeId={episode?.id ?? null}
        plan={plan}
        assessments={assessmentList}
        instruments={instrumentList}
        onSaved={(saved) => {
          replace(saved);
          setMode('view');
          setNotice(
            saved.version === 1
              ? 'The care plan was saved.'
              : `The care plan was saved as version ${saved.version}.`,
          );
        }}
        onReplaced={replace}
        onCancel={() => setMode('view')}
      />
    );
  }

  if (plan === null) {
    return (
      <div className="care-plan">
        <h2 className="visually-hidden">Care plan</h2>
        <p>
          {participant.given_name} has no care plan
          {earlier ? ' for this episode' : ''} yet.
        </p>
        {writable ? (
          <button
            ref={writeButton}
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setMode('edit');
            }}
          >
            Write care plan
          </button>
        ) : (
          !open && <p className="muted">A plan is written for an open episode.</p>
        )}
      </div>
    );
  }

  const d = plan.document;
  const reviews = [...plan.reviews].sort((a, b) => b.reviewed_on.localeCompare(a.reviewed_on));
  const lastReview = reviews[0];
  return (
    <div className="care-plan">
      <h2 className="visually-hidden">Care plan</h2>
      {notice && <SuccessMessage>{notice}</SuccessMessage>}
      <p className="care-plan-meta">
        <strong>Version {plan.version}</strong> · saved {formatDateTime(plan.updated_at)} by{' '}
        {plan.updated_by_name} · next review {formatDate(d.review_date) || '—'}
        {lastReview && <> · last reviewed {formatDate(lastReview.reviewed_on)}</>}
      </p>
      <div className="page-actions">
        {writable && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setNotice(null);
              setMode('edit');
            }}
          >
            Edit care plan
          </button>
        )}
        {mayReview && open && mode !== 'review' && (
          <button type="button" className="button" onClick={() => setMode('review')}>
            Record a review
          </button>
        )}
        <ButtonLink to={carePlanPrintPath(participant.id, plan.id)}>Family copy</ButtonLink>
      </div>
      {mode === 'review' && (
        <ReviewForm
          plan={plan}
          onRecorded={(next) => {
            replace(next);
            setMode('view');
            setNotice('The review was recorded.');
          }}
          onStale={() => void plans.reload()}
          onCancel={() => setMode('view')}
        />
      )}
      <PlanView document={d} />
      {d.goals.length > 0 && (
        <section aria-labelledby="goal-progress-heading" className="goal-progress-list">
          <h3 id="goal-progress-heading">Goal progress</h3>
          {d.goals.map((g, i) => (
            <GoalProgressSection
              key={g.id}
              participantId={participant.id}
              planId={plan.id}
              goal={g}
              index={i}
              mayRecord={mayWrite}
            />
          ))}
        </section>
      )}
      {plan.reviews.length > 0 && (
        <section aria-labelledby="plan-reviews-heading">
          <h3 id="plan-reviews-heading">Reviews</h3>
          <ul>
            {reviews.map((r) => (
                <li key={r.id}>
                  {formatDate(r.reviewed_on)} (version {r.version}) with {r.participants}; next{' '}
                  {formatDate(r.next_review_date)}. {r.note}{' '}
                  <span className="muted">— {r.recorded_by_name}</span>
                </li>
              ))}
          </ul>
        </section>
      )}
      <VersionHistory participantId={participant.id} planId={plan.id} version={plan.version} />
    </div>
  );
}
