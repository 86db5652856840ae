// SPDX-License-Identifier: Apache-2.0
// Auditors review who did what: events newest first, filtered, paged with "Load more".
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fieldMessage, messageFor } from '../../api/api_error';
import { listAuditEvents } from '../../api/endpoints';
import type { AuditEvent, AuditQuery } from '../../api/accounts';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { AuditFilters, kNoFilters, toAuditQuery, type AuditFilterValues } from './AuditFilters';
import { AuditTable } from './AuditTable';

type FieldErrors = Partial<Record<keyof AuditQuery, string>>;

export function AuditPage() {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [nextBeforeSeq, setNextBeforeSeq] = useState<number | null>(null);
  const [query, setQuery] = useState<AuditQuery>(toAuditQuery(kNoFilters));
  const [busy, setBusy] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // Answers to an older search must not overwrite a newer one.
  const latestRequest = useRef(0);

  const load = useCallback(async (search: AuditQuery, beforeSeq: number | null) => {
    const requestId = ++latestRequest.current;
    setBusy(true);
    setFailure(null);
    try {
      const page = await listAuditEvents({
        ...search,
        ...(beforeSeq !== null ? { before_seq: beforeSeq } : {}),
      });
      if (requestId !== latestRequest.current) return;
      setEvents((current) => (beforeSeq === null ? page.items : appendNew(current, page.items)));
      setNextBeforeSeq(page.next_before_seq);
      setFieldErrors({});
      setLoadedOnce(true);
    } catch (error) {
      if (requestId !== latestRequest.current) return;
      if (error instanceof ApiError && error.sessionExpired) return;
      const field = error instanceof ApiError ? error.field : undefined;
      if (error instanceof ApiError && field !== undefined && isQueryField(field)) {
        setFieldErrors({ [field]: fieldMessage(error, kFieldLabels[field]) });
      } else {
        setFailure(`The audit events could not be loaded. ${messageFor(error)}`);
      }
    } finally {
      if (requestId === latestRequest.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(toAuditQuery(kNoFilters), null);
  }, [load]);

  function onApply(filters: AuditFilterValues) {
    const search = toAuditQuery(filters);
    setQuery(search);
    void load(search, null);
  }

  return (
    <>
      <PageHeading title="Audit log" />
      <AuditFilters serverErrors={fieldErrors} busy={busy} onApply={onApply} />
      <section aria-labelledby="audit-events-heading" className="card">
        <h2 id="audit-events-heading">Events</h2>
        <LiveStatus>
          {statusText(busy, loadedOnce, events.length, nextBeforeSeq !== null)}
        </LiveStatus>
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {events.length > 0 && <AuditTable events={events} />}
        {nextBeforeSeq !== null && (
          <button
            type="button"
            className="button load-more"
            disabled={busy}
            onClick={() => void load(query, nextBeforeSeq)}
          >
            Load more
          </button>
        )}
      </section>
    </>
  );
}

function statusText(busy: boolean, loadedOnce: boolean, count: number, more: boolean): string {
  if (busy) return 'Loading events…';
  if (!loadedOnce) return '';
  if (count === 0) return 'No events match these filters.';
  const shown = `Showing ${count} ${count === 1 ? 'event' : 'events'}, newest first.`;
  return more ? `${shown} Older events can be loaded.` : shown;
}

/** Appends a further page, skipping any event already shown (paging is by sequence number). */
function appendNew(shown: readonly AuditEvent[], more: readonly AuditEvent[]): AuditEvent[] {
  const seen = new Set(shown.map((event) => event.seq));
  return [...shown, ...more.filter((event) => !seen.has(event.seq))];
}

const kFieldLabels = {
  user_id: 'User ID',
  participant_id: 'Participant ID',
  from: 'From date',
  to: 'To date',
} as const;

function isQueryField(field: string): field is keyof typeof kFieldLabels {
  return field in kFieldLabels;
}
