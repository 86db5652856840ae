// SPDX-License-Identifier: Apache-2.0
// My day: the signed-in user's open obligations — overdue, due today, due this week — each
// saying what is due, why (the rule and the guidance it cites), and offering the contact that
// would meet it (docs/worklists.md "Worklist").
import { messageFor } from '../../api/api_error';
import type { WorklistBucket } from '../../api/codes';
import type { Worklist, WorklistItem } from '../../api/obligations';
import { getWorklist } from '../../api/worklist_endpoints';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { useLoader } from '../../hooks/use_loader';
import { useProgramTimeZone } from '../../hooks/use_time_zone';
import { programsWhere } from '../../permissions';
import { useMe } from '../../session/session_context';
import { formatInZone, zoneAbbreviation } from '../../zoned_time';
import { WorklistItemCard } from './WorklistItemCard';

const kBuckets: readonly { id: WorklistBucket; title: string; none: string }[] = [
  { id: 'overdue', title: 'Overdue', none: 'Nothing overdue.' },
  { id: 'today', title: 'Due today', none: 'Nothing else due today.' },
  { id: 'this_week', title: 'Due this week', none: 'Nothing else due this week.' },
];

function countOf(worklist: Worklist, bucket: WorklistBucket): number {
  return worklist.counts[bucket] ?? worklist.items.filter((i) => i.bucket === bucket).length;
}

function summary(worklist: Worklist): string {
  const total = worklist.items.length;
  if (total === 0) return 'Nothing due.';
  const parts = kBuckets.map((b) => `${countOf(worklist, b.id)} ${b.title.toLowerCase()}`);
  return `${parts.join(', ')}.`;
}

export function MyDayPage() {
  const me = useMe();
  const loader = useLoader(getWorklist, 'worklist');
  const timeZone = useProgramTimeZone(programsWhere(me, 'worklist.read').map((p) => p.id));
  const state = loader.state;

  return (
    <>
      <PageHeading title="My day" />
      <div className="page-actions">
        <p className="muted">
          What is due for your participants, overdue first. Times in{' '}
          {timeZone ? `${timeZone} (${zoneAbbreviation(timeZone)})` : 'your time zone'}.
          {state.status === 'ready' && (
            <> Updated {formatInZone(state.data.as_of, timeZone)}.</>
          )}
        </p>
        <button type="button" className="button" onClick={() => void loader.reload()}>
          Refresh
        </button>
      </div>
      <LiveStatus>
        {state.status === 'loading' && 'Loading your worklist…'}
        {state.status === 'ready' && summary(state.data)}
      </LiveStatus>
      {state.status === 'failed' && (
        <ErrorMessage>Your worklist could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && state.data.items.length === 0 && (
        <section className="card empty-state" aria-labelledby="nothing-due-heading">
          <h2 id="nothing-due-heading">Nothing due — you are up to date</h2>
          <p>
            No contact, hand-off or follow-up is overdue or due this week for the participants you
            are responsible for. New referrals, discharges and missed attempts will show up here
            as soon as they are recorded.
          </p>
        </section>
      )}
      {state.status === 'ready' && state.data.items.length > 0 && (
        <>
          <ul className="bucket-counts" aria-label="Counts">
            {kBuckets.map((b) => (
              <li key={b.id} className={`bucket-count bucket-count-${b.id}`}>
                <a href={`#bucket-${b.id}`}>
                  <span className="bucket-count-number">{countOf(state.data, b.id)}</span>{' '}
                  {b.title}
                </a>
              </li>
            ))}
          </ul>
          {kBuckets.map((b) => (
            <Bucket
              key={b.id}
              id={b.id}
              title={b.title}
              none={b.none}
              count={countOf(state.data, b.id)}
              items={state.data.items.filter((i) => i.bucket === b.id)}
              timeZone={timeZone}
            />
          ))}
        </>
      )}
    </>
  );
}

function Bucket(props: {
  id: WorklistBucket;
  title: string;
  none: string;
  count: number;
  items: WorklistItem[];
  timeZone: string | undefined;
}) {
  const { id, title, none, count, items, timeZone } = props;
  return (
    <section id={`bucket-${id}`} aria-labelledby={`bucket-${id}-heading`} className="card bucket">
      <h2 id={`bucket-${id}-heading`}>
        {title} <span className={`badge badge-bucket-${id}`}>{count}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ol className="worklist" aria-label={title}>
          {items.map((item) => (
            <WorklistItemCard
              key={`${item.episode_id}|${item.key}`}
              item={item}
              timeZone={timeZone}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
