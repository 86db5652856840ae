// SPDX-License-Identifier: Apache-2.0
// The chart of a participant the user may see: the header (with the risk tier), and the tabs
// Overview, Contacts, Obligations, Transitions, Care team, Assessments, Care plan, Consents and
// Episode. The selected tab is part of the address, so it survives a reload and other pages can
// link to it.
import { useEffect, useState } from 'react';
import { messageFor } from '../../../api/api_error';
import type { Action } from '../../../api/accounts';
import type { Episode } from '../../../api/episodes';
import { getEpisode } from '../../../api/episode_endpoints';
import type { EpisodeSummary, Participant } from '../../../api/participants';
import { SelectField } from '../../../components/Fields';
import { ErrorMessage, LiveStatus } from '../../../components/Messages';
import { Tabs, type TabDefinition } from '../../../components/Tabs';
import { formatDateTime } from '../../../format';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel } from '../../../labels';
import { can } from '../../../permissions';
import { navigate } from '../../../routing/router';
import { chartPath } from '../../../routing/routes';
import { useMe } from '../../../session/session_context';
import { AssessmentsTab } from '../../assessments/AssessmentsTab';
import { CarePlanTab } from '../../care_plan/CarePlanTab';
import { CareTeamTab } from './CareTeamTab';
import { ChartHeader } from './ChartHeader';
import { ConsentsTab } from './ConsentsTab';
import {
  readLogContactRequest,
  type LogContactRequest,
} from '../../worklist/log_contact_link';
import { closedContactForm, prefilledContactForm, type ContactFormState } from './contact_draft';
import { ContactsTab } from './ContactsTab';
import { isOpen } from './episode_moves';
import { EpisodeTab } from './EpisodeTab';
import { ObligationsTab } from './ObligationsTab';
import { OverviewTab } from './OverviewTab';
import { TransitionsTab } from './TransitionsTab';

export type ChartTab =
  | 'overview'
  | 'contacts'
  | 'obligations'
  | 'transitions'
  | 'care-team'
  | 'assessments'
  | 'care-plan'
  | 'consents'
  | 'episode';

const kTabs: readonly TabDefinition<ChartTab>[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'obligations', label: 'Obligations' },
  { id: 'transitions', label: 'Transitions' },
  { id: 'care-team', label: 'Care team' },
  { id: 'assessments', label: 'Assessments' },
  { id: 'care-plan', label: 'Care plan' },
  { id: 'consents', label: 'Consents' },
  { id: 'episode', label: 'Episode' },
];

function isTab(value: string): value is ChartTab {
  return kTabs.some((t) => t.id === value);
}

/** The open episode (newest first), or else the newest one. */
function currentEpisode(episodes: readonly EpisodeSummary[]): EpisodeSummary | null {
  const newest = [...episodes].sort((a, b) => b.started_at.localeCompare(a.started_at));
  return newest.find((e) => isOpen(e.status)) ?? newest[0] ?? null;
}

/** "Adult Behavioral Health · Engaging · since 20 Nov 2026, 14:05". */
function episodeLabel(e: EpisodeSummary): string {
  return `${e.program_name} · ${codeLabel(e.status)} · since ${formatDateTime(e.started_at)}`;
}

interface Props {
  participant: Participant;
  tab: string;
  onUpdated: (participant: Participant) => void;
  onReload: () => Promise<void>;
}

export function ChartBody({ participant, tab, onUpdated, onReload }: Props) {
  const me = useMe();
  // "Log contact" from My day arrives with the episode and the suggested contact in the query.
  const [logRequest] = useState<LogContactRequest | null>(() =>
    readLogContactRequest(window.location.search),
  );
  const [chosenEpisodeId, setChosenEpisodeId] = useState<string | null>(
    () => logRequest?.episodeId ?? null,
  );
  const [contactForm, setContactForm] = useState<ContactFormState>(() =>
    logRequest ? prefilledContactForm(logRequest.suggest) : closedContactForm(),
  );
  // Read once: a reload or a tab change must not reopen the form.
  useEffect(() => {
    if (window.location.search) {
      window.history.replaceState(window.history.state, '', window.location.pathname);
    }
  }, []);
  const summary =
    participant.episodes.find((e) => e.id === chosenEpisodeId) ??
    currentEpisode(participant.episodes);
  const episodeId = summary?.id ?? '';
  const episodeLoader = useLoader<Episode | null>(
    () => (episodeId ? getEpisode(episodeId) : Promise.resolve(null)),
    episodeId,
  );
  const episodeState = episodeLoader.state;
  const episode = episodeState.status === 'ready' ? episodeState.data : null;
  const selected: ChartTab = isTab(tab) ? tab : 'overview';
  const programId = summary?.program_id;
  // What the user's roles in the episode's program allow (GET /me `allowed`).
  const mayInEpisode = (action: Action) => programId !== undefined && can(me, action, programId);
  // Bumped when an assessment is saved: the risk tier on the header may have moved.
  const [tierRefresh, setTierRefresh] = useState(0);

  function onSelect(next: ChartTab) {
    navigate(chartPath(participant.id, next === 'overview' ? undefined : next), { replace: true });
  }

  function episodePanel(render: (episode: Episode) => React.JSX.Element) {
    if (summary === null) {
      return <p>{participant.given_name} has no episode of care coordination.</p>;
    }
    if (episodeState.status === 'loading') return <LiveStatus>Loading the episode…</LiveStatus>;
    if (episodeState.status === 'failed') {
      return (
        <ErrorMessage>
          The episode could not be loaded. {messageFor(episodeState.error)}
        </ErrorMessage>
      );
    }
    return episode ? render(episode) : <p>No episode.</p>;
  }

  return (
    <>
      <ChartHeader
        participant={participant}
        episode={episode ?? summary}
        tierRefresh={tierRefresh}
      />
      {participant.episodes.length > 1 && (
        <div className="form-narrow">
          <SelectField
            label="Episode"
            value={episodeId}
            options={[...participant.episodes]
              .sort((a, b) => b.started_at.localeCompare(a.started_at))
              .map((e) => ({
                value: e.id,
                label: episodeLabel(e),
              }))}
            onValueChange={(id) => {
              setChosenEpisodeId(id);
              setContactForm(closedContactForm());
            }}
          />
        </div>
      )}
      <Tabs
        label="Participant chart"
        idPrefix="chart"
        tabs={kTabs}
        selected={selected}
        onSelect={onSelect}
      >
        {selected === 'overview' && (
          <OverviewTab
            participant={participant}
            mayWrite={can(me, 'participant.update')}
            onUpdated={onUpdated}
            onReload={onReload}
          />
        )}
        {selected === 'contacts' &&
          episodePanel((e) => (
            <ContactsTab
              key={e.id}
              participant={participant}
              episode={e}
              mayWrite={mayInEpisode('contact.create')}
              form={contactForm}
              setForm={setContactForm}
              returnTo={logRequest?.returnTo ?? null}
            />
          ))}
        {selected === 'obligations' &&
          episodePanel((e) => <ObligationsTab key={e.id} episode={e} />)}
        {selected === 'transitions' &&
          episodePanel((e) => (
            <TransitionsTab key={e.id} episode={e} mayWrite={mayInEpisode('transition.record')} />
          ))}
        {selected === 'care-team' &&
          episodePanel((e) => (
            <CareTeamTab
              key={e.id}
              episode={e}
              mayCoordinate={mayInEpisode('care_team.write')}
            />
          ))}
        {selected === 'assessments' && (
          <AssessmentsTab
            participant={participant}
            episodeId={summary && isOpen(summary.status) ? summary.id : null}
            mayWrite={can(me, 'assessment.record')}
            onAssessed={() => setTierRefresh((n) => n + 1)}
          />
        )}
        {selected === 'care-plan' && (
          <CarePlanTab
            participant={participant}
            episode={summary}
            mayWrite={mayInEpisode('care_plan.write')}
            mayReview={mayInEpisode('care_plan.review')}
          />
        )}
        {selected === 'consents' && (
          <ConsentsTab
            participant={participant}
            episodeId={summary?.id ?? null}
            mayCoordinate={can(me, 'consent.create')}
          />
        )}
        {selected === 'episode' &&
          episodePanel((e) => (
            <EpisodeTab
              episode={e}
              mayCoordinate={mayInEpisode('episode.change_status')}
              onChanged={(updated) => episodeLoader.set(updated)}
              onStale={() => void episodeLoader.reload()}
            />
          ))}
      </Tabs>
    </>
  );
}
