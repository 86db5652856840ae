// SPDX-License-Identifier: Apache-2.0
// The score as it stands while the form is filled in, announced politely as it changes. An
// urgent flag (PHQ-9 item 9: thoughts of self-harm) stands out in words and shape, not colour
// alone, because it starts a same-day follow-up (docs/assessments.md "Obligations").
import type { Instrument } from '../../api/assessments';
import type { LiveScore } from './scoring';

export function LiveScorePanel(props: { instrument: Instrument; score: LiveScore }) {
  const { instrument, score } = props;
  const label =
    instrument.kind === 'level_of_care' ? 'Composite' : instrument.total_label || 'Total';
  return (
    <aside className="live-score card" aria-label="Score so far">
      <h4>Score so far</h4>
      <div role="status" aria-live="polite">
        {score.total !== null && (
          <p className="live-score-total">
            <span className="fact-label">{label}</span>{' '}
            <strong data-testid="live-total">{score.total}</strong>
            <span className="muted">
              {' '}
              of {instrument.total_max} · {score.answered} of {score.scoredItems} answered
            </span>
          </p>
        )}
        {score.total !== null && instrument.bands.length > 0 && (
          <p className="live-score-band">
            <span className="fact-label">Band</span>{' '}
            <strong>{score.band ? score.band.label : '—'}</strong>
            {score.answered < score.scoredItems && <span className="muted"> (so far)</span>}
          </p>
        )}
        {score.total === null && <p className="muted">This instrument is not scored.</p>}
        {score.flags.length > 0 && (
          <ul className="flag-list" aria-label="Flags raised">
            {score.flags.map((f) => (
              <li key={f.flag} className={f.urgent ? 'flag flag-urgent' : 'flag'}>
                <strong>{f.urgent ? 'Urgent flag: ' : 'Flag: '}</strong>
                {f.label}
              </li>
            ))}
          </ul>
        )}
        {score.needs.length > 0 && (
          <>
            <p className="fact-label">Needs identified</p>
            <ul className="need-list">
              {score.needs.map((n) => (
                <li key={n.need}>{n.label}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </aside>
  );
}
