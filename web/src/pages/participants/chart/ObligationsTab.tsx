// SPDX-License-Identifier: Apache-2.0
// Every obligation window of the episode, evaluated live: what was due, by when, and how it
// stands — with a status filter, and an "as of" date so an auditor can ask "was this
// participant in compliance on 1 October, by what was documented then?".
import { useId, useState } from 'react';
import { messageFor } from '../../../api/api_error';
import { kObligationStatuses, type ObligationStatus } from '../../../api/codes';
import type { Episode } from '../../../api/episodes';
import type { Obligation } from '../../../api/obligations';
import { getEpisodeObligations } from '../../../api/worklist_endpoints';
import { SelectField, TextField } from '../../../components/Fields';
import { ErrorMessage, LiveStatus } from '../../../components/Messages';
import { useLoader } from '../../../hooks/use_loader';
import { codeLabel } from '../../../labels';
import {
  formatDayInZone,
  formatInZone,
  instantInZone,
  todayInZone,
  zoneAbbreviation,
} from '../../../zoned_time';

type Filter = ObligationStatus | 'all' | 'open';

/** The as-of instant for a date: the end of that day in the program's zone; today is "now". */
function asOfInstant(date: string, timeZone: string | undefined): string | undefined | null {
  if (date === '' || date === todayInZone(timeZone)) return undefined;
  return instantInZone(date, timeZone, true);
}

function matches(item: Obligation, filter: Filter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return item.status === 'overdue' || item.status === 'due';
  return item.status === filter;
}

export function ObligationsTab({ episode }: { episode: Episode }) {
  const timeZone = episode.time_zone;
  const today = todayInZone(timeZone);
  const [asOfDate, setAsOfDate] = useState(today);
  const [filter, setFilter] = useState<Filter>('all');
  const captionId = useId();
  const asOf = asOfInstant(asOfDate, timeZone);
  const dateError =
    asOf === null
      ? 'Enter a date as YYYY-MM-DD.'
      : asOfDate > today
        ? 'The date cannot be in the future.'
        : undefined;
  const loader = useLoader(
    () => getEpisodeObligations(episode.id, dateError ? undefined : (asOf ?? undefined)),
    `${episode.id}|${dateError ? '' : (asOf ?? '')}|${episode.version}`,
  );
  const state = loader.state;
  const items = state.status === 'ready' ? state.data.items : [];
  const shown = items.filter((item) => matches(item, filter));
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);

  const asOfHint =
    `End of that day, ${timeZone ?? 'program time'}; ` +
    'only what was documented by then counts.';
  const filterOptions = [
    { value: 'all', label: `All statuses (${items.length})` },
    {
      value: 'open',
      label: `Open: overdue or due (${(counts.get('overdue') ?? 0) + (counts.get('due') ?? 0)})`,
    },
    ...kObligationStatuses.map((s) => ({
      value: s,
      label: `${codeLabel(s)} (${counts.get(s) ?? 0})`,
    })),
  ];

  return (
    <div className="obligations">
      <h2 className="visually-hidden">Obligations</h2>
      <div className="form-grid filter-bar">
        <SelectField
          label="Status"
          value={filter}
          options={filterOptions}
          onValueChange={(v) => setFilter(v as Filter)}
        />
        <TextField
          label="As of"
          type="date"
          value={asOfDate}
          max={today}
          onValueChange={setAsOfDate}
          error={dateError}
          hint={asOfHint}
        />
      </div>
      {asOfDate !== today && !dateError && (
        <p className="message message-info">
          Showing the obligations as they stood at the end of{' '}
          {formatDayInZone(asOf ?? '', timeZone)}.{' '}
          <button type="button" className="button button-small" onClick={() => setAsOfDate(today)}>
            Back to today
          </button>
        </p>
      )}
      <LiveStatus>
        {state.status === 'loading' && 'Loading obligations…'}
        {state.status === 'ready' && summaryText(shown.length, items.length, filter)}
      </LiveStatus>
      {state.status === 'failed' && (
        <ErrorMessage>The obligations could not be loaded. {messageFor(state.error)}</ErrorMessage>
      )}
      {state.status === 'ready' && shown.length > 0 && (
        <div className="table-scroll">
          <table className="table table-dense" aria-describedby={captionId}>
            <caption id={captionId} className="visually-hidden">
              Obligations of this episode by due time; times in {timeZone ?? 'your time zone'}
              {timeZone ? ` (${zoneAbbreviation(timeZone)})` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Status</th>
                <th scope="col">Window</th>
                <th scope="col">Done</th>
                <th scope="col">Explanation</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.key}>
                  <th scope="row">
                    {item.rule_title}
                    {item.cite && <span className="cell-note">{item.cite}</span>}
                  </th>
                  <td>
                    <span className={`badge badge-obligation-${item.status}`}>
                      {codeLabel(item.status)}
                    </span>
                    {item.resolved_at && (
                      <span className="cell-note">
                        {formatInZone(item.resolved_at, timeZone)}
                      </span>
                    )}
                  </td>
                  <td>
                    <time dateTime={item.window_start}>
                      {formatInZone(item.window_start, timeZone)}
                    </time>
                    <span className="cell-note">
                      due before{' '}
                      <time dateTime={item.due_at}>{formatInZone(item.due_at, timeZone)}</time>
                    </span>
                  </td>
                  <td>
                    {item.counted} of {item.required}
                  </td>
                  <td>{item.explanation}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function summaryText(shown: number, total: number, filter: Filter): string {
  if (total === 0) return 'No obligations for this episode yet.';
  if (shown === 0) return 'No obligations with this status.';
  const what = shown === 1 ? '1 obligation' : `${shown} obligations`;
  return filter === 'all' ? `${what}, by due time.` : `${what} of ${total}, by due time.`;
}
