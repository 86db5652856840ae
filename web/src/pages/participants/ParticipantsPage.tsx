// SPDX-License-Identifier: Apache-2.0
// Finding a participant: by name, date of birth or member ID, among those the user may see.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fieldMessage, messageFor } from '../../api/api_error';
import { searchParticipants } from '../../api/participant_endpoints';
import type { ParticipantListItem, ParticipantQuery } from '../../api/participants';
import { ErrorMessage, LiveStatus } from '../../components/Messages';
import { PageHeading } from '../../components/PageHeading';
import { sessionGone } from '../../components/form_errors';
import { ParticipantSearchForm } from './ParticipantSearchForm';
import { ParticipantsTable } from './ParticipantsTable';

type QueryField = 'q' | 'birth_date' | 'member_id';
const kLabels: Record<QueryField, string> = {
  q: 'Name',
  birth_date: 'Date of birth',
  member_id: 'Member ID',
};

export function ParticipantsPage() {
  const [items, setItems] = useState<ParticipantListItem[]>([]);
  const [query, setQuery] = useState<ParticipantQuery>({});
  const [cursor, setCursor] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<QueryField, string>>>({});
  const latest = useRef(0);

  const load = useCallback(async (search: ParticipantQuery, after: string | null) => {
    const requestId = ++latest.current;
    setBusy(true);
    setFailure(null);
    try {
      const page = await searchParticipants({ ...search, ...(after ? { cursor: after } : {}) });
      if (requestId !== latest.current) return;
      setItems((shown) => (after ? appendNew(shown, page.items) : page.items));
      setCursor(page.next_cursor);
      setFieldErrors({});
      setLoadedOnce(true);
    } catch (error) {
      if (requestId !== latest.current || sessionGone(error)) return;
      const field = error instanceof ApiError ? error.field : undefined;
      if (error instanceof ApiError && field !== undefined && field in kLabels) {
        const key = field as QueryField;
        setFieldErrors({ [key]: fieldMessage(error, kLabels[key]) });
      } else {
        setFailure(`The participants could not be loaded. ${messageFor(error)}`);
      }
    } finally {
      if (requestId === latest.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load({}, null);
  }, [load]);

  function onSearch(search: ParticipantQuery) {
    setQuery(search);
    void load(search, null);
  }

  return (
    <>
      <PageHeading title="Participants" />
      <ParticipantSearchForm busy={busy} serverErrors={fieldErrors} onSearch={onSearch} />
      <section aria-labelledby="participants-heading" className="card">
        <h2 id="participants-heading">Results</h2>
        <LiveStatus>{statusText(busy, loadedOnce, items.length, cursor !== null)}</LiveStatus>
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {items.length > 0 && <ParticipantsTable items={items} />}
        {cursor !== null && (
          <button
            type="button"
            className="button load-more"
            disabled={busy}
            onClick={() => void load(query, cursor)}
          >
            Load more
          </button>
        )}
      </section>
    </>
  );
}

function statusText(busy: boolean, loadedOnce: boolean, count: number, more: boolean): string {
  if (busy) return 'Loading participants…';
  if (!loadedOnce) return '';
  if (count === 0) return 'No participants found.';
  const shown = `Showing ${count} ${count === 1 ? 'participant' : 'participants'}.`;
  return more ? `${shown} More can be loaded.` : shown;
}

function appendNew(
  shown: readonly ParticipantListItem[],
  more: readonly ParticipantListItem[],
): ParticipantListItem[] {
  const seen = new Set(shown.map((p) => p.id));
  return [...shown, ...more.filter((p) => !seen.has(p.id))];
}
