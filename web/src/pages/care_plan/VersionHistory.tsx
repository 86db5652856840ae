// SPDX-License-Identifier: Apache-2.0
// Every version of the plan, newest first: its number, when and by whom, the change note and
// what changed; any one opens read-only. Earlier versions are never edited (docs/assessments.md
// "Care plans": earlier ones are kept and listed with their differences).
import { useState } from 'react';
import { messageFor } from '../../api/api_error';
import {
  getCarePlanVersion,
  listCarePlanVersions,
  type CarePlanVersion,
} from '../../api/care_plans';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { formatDateTime } from '../../format';
import { useLoader } from '../../hooks/use_loader';
import { PlanView } from './PlanView';

export function VersionHistory(props: { participantId: string; planId: string; version: number }) {
  const { participantId, planId, version } = props;
  const loader = useLoader(
    () => listCarePlanVersions(participantId, planId),
    `${planId}:${version}`,
  );
  const [opened, setOpened] = useState<CarePlanVersion | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const state = loader.state;

  async function open(n: number) {
    setFailure(null);
    try {
      setOpened(await getCarePlanVersion(participantId, planId, n));
    } catch (error) {
      setFailure(`Version ${n} could not be opened. ${messageFor(error)}`);
    }
  }

  return (
    <section aria-labelledby="plan-versions-heading" className="plan-versions">
      <h3 id="plan-versions-heading">Version history</h3>
      {state.status === 'loading' && <LiveStatus>Loading the versions…</LiveStatus>}
      {state.status === 'failed' && (
        <ErrorMessage>The versions could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {state.status === 'ready' && (
        <ol className="version-list" reversed>
          {state.data.map((v) => (
            <li key={v.version}>
              <article aria-label={`Version ${v.version}`}>
                <p>
                  <strong>Version {v.version}</strong> · {formatDateTime(v.created_at)} ·{' '}
                  {v.created_by_name}
                  {v.version === version && <span className="badge badge-info">Current</span>}
                </p>
                {v.change_note && <p className="muted">“{v.change_note}”</p>}
                {v.changes.length > 0 && (
                  <ul aria-label={`Changes in version ${v.version}`}>
                    {v.changes.map((c, i) => (
                      <li key={i}>{c}</li>
                    ))}
                  </ul>
                )}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => void open(v.version)}
                >
                  Open version {v.version}
                </button>
              </article>
            </li>
          ))}
        </ol>
      )}
      {opened && (
        <section
          className="card plan-version-open"
          aria-labelledby="plan-version-open-heading"
        >
          <h4 id="plan-version-open-heading">
            Version {opened.version} (read-only), saved {formatDateTime(opened.created_at)} by{' '}
            {opened.created_by_name}
          </h4>
          <button type="button" className="button button-small" onClick={() => setOpened(null)}>
            Close version {opened.version}
          </button>
          <PlanView document={opened.document} />
        </section>
      )}
    </section>
  );
}
