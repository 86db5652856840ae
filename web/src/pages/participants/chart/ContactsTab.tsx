// SPDX-License-Identifier: Apache-2.0
// The episode's contacts and attempts, newest first, and logging a new one.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { messageFor } from '../../../api/api_error';
import type { Contact } from '../../../api/contacts';
import type { CareTeamMember, Episode } from '../../../api/episodes';
import { listCareTeam, listContacts } from '../../../api/episode_endpoints';
import type { Participant } from '../../../api/participants';
import { Link } from '../../../components/Link';
import { ErrorMessage, LiveStatus, SuccessMessage } from '../../../components/Messages';
import { sessionGone } from '../../../components/form_errors';
import type { ContactFormState } from './contact_draft';
import { ContactCard } from './ContactCard';
import { LogContactForm } from './LogContactForm';

interface Props {
  participant: Participant;
  episode: Episode;
  mayWrite: boolean;
  form: ContactFormState;
  setForm: Dispatch<SetStateAction<ContactFormState>>;
  /** Where the form was opened from (My day), offered once the contact is saved. */
  returnTo?: string | null;
}

export function ContactsTab(props: Props) {
  const { participant, episode, mayWrite, form, setForm, returnTo } = props;
  const [contacts, setContacts] = useState<Contact[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [careTeam, setCareTeam] = useState<CareTeamMember[]>([]);
  const [busy, setBusy] = useState(true);
  const [loadedOnce, setLoadedOnce] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const latest = useRef(0);
  // After a save the form closes; focus returns to the button that opened it.
  const focusLogButton = useRef(false);

  const load = useCallback(
    async (after: string | null) => {
      const requestId = ++latest.current;
      setBusy(true);
      setFailure(null);
      try {
        const page = await listContacts(episode.id, after ?? undefined);
        if (requestId !== latest.current) return;
        setContacts((shown) => (after ? appendNew(shown, page.items) : page.items));
        setCursor(page.next_cursor);
        setLoadedOnce(true);
      } catch (error) {
        if (requestId !== latest.current || sessionGone(error)) return;
        setFailure(`The contacts could not be loaded. ${messageFor(error)}`);
      } finally {
        if (requestId === latest.current) setBusy(false);
      }
    },
    [episode.id],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  // Providers and agencies on the care team can be chosen as the party of a contact.
  useEffect(() => {
    let cancelled = false;
    listCareTeam(episode.id).then(
      (items) => {
        if (!cancelled) setCareTeam(items);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [episode.id]);

  function onLogged(contact: Contact) {
    setContacts((shown) => [contact, ...shown.filter((c) => c.id !== contact.id)]);
    setSaved(contact.signed_at ? 'The contact was saved and signed.' : 'The contact was saved.');
    focusLogButton.current = true;
  }

  function onChanged(contact: Contact) {
    setContacts((shown) => shown.map((c) => (c.id === contact.id ? contact : c)));
  }

  return (
    <div className="contacts">
      <h2 className="visually-hidden">Contacts</h2>
      {saved && (
        <SuccessMessage>
          {saved}
          {returnTo && (
            <>
              {' '}
              <Link to={returnTo}>Back to My day</Link>
            </>
          )}
        </SuccessMessage>
      )}
      {mayWrite &&
        (form.open ? (
          <LogContactForm
            episodeId={episode.id}
            participantId={participant.id}
            relatedPersons={participant.related_persons}
            careTeam={careTeam}
            state={form}
            setState={setForm}
            onLogged={onLogged}
          />
        ) : (
          <button
            ref={(node) => {
              if (node && focusLogButton.current) {
                focusLogButton.current = false;
                node.focus();
              }
            }}
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(null);
              setForm((f) => ({ ...f, open: true }));
            }}
          >
            Log contact
          </button>
        ))}
      <LiveStatus>{statusText(busy, loadedOnce, contacts.length)}</LiveStatus>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      {contacts.length > 0 && (
        <ol className="timeline" aria-label="Contacts, newest first">
          {contacts.map((contact) => (
            <ContactCard
              key={contact.id}
              contact={contact}
              mayWrite={mayWrite}
              onChanged={onChanged}
              onStale={() => void load(null)}
            />
          ))}
        </ol>
      )}
      {cursor !== null && (
        <button
          type="button"
          className="button load-more"
          disabled={busy}
          onClick={() => void load(cursor)}
        >
          Load older contacts
        </button>
      )}
    </div>
  );
}

function statusText(busy: boolean, loadedOnce: boolean, count: number): string {
  if (busy) return 'Loading contacts…';
  if (!loadedOnce) return '';
  if (count === 0) return 'No contacts logged in this episode yet.';
  return `${count} ${count === 1 ? 'contact' : 'contacts'} shown, newest first.`;
}

function appendNew(shown: readonly Contact[], more: readonly Contact[]): Contact[] {
  const seen = new Set(shown.map((c) => c.id));
  return [...shown, ...more.filter((c) => !seen.has(c.id))];
}
