// SPDX-License-Identifier: Apache-2.0
// A program's policy: its rules in plain language, the contact schedule bounds, which version
// is in force and who changed it; administrators also get the file itself, to check and save
// (docs/worklists.md "Policy").
import { useState } from 'react';
import { messageFor } from '../../api/api_error';
import type { ReplacedPolicy } from '../../api/policy';
import { getPolicy } from '../../api/worklist_endpoints';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { ProgramPicker, userPrograms } from '../../components/ProgramPicker';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { can } from '../../permissions';
import { useMe } from '../../session/session_context';
import { PolicyEditor } from './PolicyEditor';
import { PolicyRules } from './PolicyRules';

export function PolicyPage() {
  const me = useMe();
  const programs = userPrograms(me);
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const loader = useLoader(() => getPolicy(programId), programId);
  const [saved, setSaved] = useState<string | null>(null);
  const state = loader.state;
  const mayChange = programId !== '' && can(me, 'policy.change', programId);

  function onSaved(policy: ReplacedPolicy) {
    loader.set(policy);
    const rebuilt = policy.rebuilt_episodes;
    setSaved(
      `Version ${policy.version} is now in force. ${rebuilt} ${
        rebuilt === 1 ? 'episode was' : 'episodes were'
      } re-evaluated under it.`,
    );
  }

  return (
    <>
      <PageHeading title="Policy" />
      <div className="form-narrow">
        <ProgramPicker
          programs={programs}
          value={programId}
          onChange={(id) => {
            setSaved(null);
            setProgramId(id);
          }}
        />
      </div>
      {saved && <SuccessMessage>{saved}</SuccessMessage>}
      <LiveStatus>{state.status === 'loading' && 'Loading the policy…'}</LiveStatus>
      {state.status === 'failed' && (
        <ErrorMessage>The policy could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && (
        <>
          <section aria-labelledby="policy-version-heading" className="card">
            <h2 id="policy-version-heading">{state.data.program_name}</h2>
            <dl className="facts">
              <dt>Version in force</dt>
              <dd>
                {state.data.version === 0
                  ? 'The built-in default (version 0)'
                  : `Version ${state.data.version}`}
              </dd>
              <dt>Changed</dt>
              <dd>
                {state.data.changed_at
                  ? `${formatDateTime(state.data.changed_at)} by ${
                      state.data.changed_by_name ?? 'unknown'
                    }`
                  : 'Never: the program runs the default policy.'}
              </dd>
              {state.data.note && (
                <>
                  <dt>Why</dt>
                  <dd>{state.data.note}</dd>
                </>
              )}
              <dt>Time zone</dt>
              <dd>{state.data.time_zone} — days, weeks and months are counted here.</dd>
              <dt>Contact schedule, first 30 days</dt>
              <dd>
                {state.data.schedule ? (
                  <>
                    {state.data.schedule.min_per_week} to {state.data.schedule.max_per_week}{' '}
                    contacts a week; {state.data.schedule.default_per_week} a week unless the
                    participant's schedule says otherwise.
                  </>
                ) : (
                  'Not available: the server has no readable policy for this program.'
                )}
              </dd>
            </dl>
          </section>
          <PolicyRules rules={state.data.rules} />
          {mayChange && (
            <PolicyEditor
              key={`${state.data.program_id}|${state.data.version}`}
              policy={state.data}
              onSaved={onSaved}
              onStale={() => void loader.reload()}
            />
          )}
        </>
      )}
    </>
  );
}
