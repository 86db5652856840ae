// SPDX-License-Identifier: Apache-2.0
// Who this is at a glance: name (and the name they go by), age, pronouns, language and whether
// an interpreter is needed, who is accountable, where the episode stands, and the risk tier.
import type { EpisodeSummary, Participant } from '../../../api/participants';
import { PageHeading } from '../../../components/PageHeading';
import { TierBadge } from '../../../components/TierBadge';
import { codeLabel } from '../../../labels';
import { languageLabel } from './language';

export function ChartHeader(props: {
  participant: Participant;
  episode: EpisodeSummary | null;
  /** Changes when the risk tier should be fetched again. */
  tierRefresh: number;
}) {
  const { participant: p, episode, tierRefresh } = props;
  const name = `${p.given_name} ${p.family_name}`;
  return (
    <header className="chart-header card">
      <PageHeading title={name}>
        {name}
        {p.preferred_name && <span className="heading-note"> (goes by {p.preferred_name})</span>}
      </PageHeading>
      <ul className="chart-facts" aria-label="Summary">
        <li>
          <span className="fact-label">Age</span> {p.age}
        </li>
        {p.pronouns && (
          <li>
            <span className="fact-label">Pronouns</span> {p.pronouns}
          </li>
        )}
        <li>
          <span className="fact-label">Language</span> {languageLabel(p.preferred_language) || '—'}
          {p.interpreter_needed && <span className="badge badge-warning">Interpreter</span>}
        </li>
        <li>
          <span className="fact-label">Accountable coordinator</span>{' '}
          {episode?.coordinator_name || '—'}
        </li>
        <li>
          <span className="fact-label">Episode</span>{' '}
          {episode ? (
            <>
              <span className={`badge badge-status-${episode.status}`}>
                {codeLabel(episode.status)}
              </span>{' '}
              <span className="muted">{episode.program_name}</span>
            </>
          ) : (
            'None'
          )}
        </li>
      </ul>
      <TierBadge participantId={p.id} refreshKey={tierRefresh} />
    </header>
  );
}
