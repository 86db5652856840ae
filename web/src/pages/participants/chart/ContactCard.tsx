// SPDX-License-Identifier: Apache-2.0
// One contact in the timeline: when, how, with whom, why, what came of it, the note, who wrote
// and signed it, and its addenda. Unsigned contacts can be signed; signed ones get addenda.
import { useState } from 'react';
import type { Addendum, Contact } from '../../../api/contacts';
import { signContact } from '../../../api/episode_endpoints';
import { ErrorMessage } from '../../../components/Messages';
import { formFailure, isConflict, sessionGone } from '../../../components/form_errors';
import { formatDateTime } from '../../../format';
import { codeLabel, codeList } from '../../../labels';
import { roleLabel } from '../../../roles';
import { AddendumForm } from './AddendumForm';

interface Props {
  contact: Contact;
  mayWrite: boolean;
  onChanged: (contact: Contact) => void;
  onStale: () => void;
}

export function ContactCard({ contact: c, mayWrite, onChanged, onStale }: Props) {
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const headingId = `contact-${c.id}-heading`;
  const when = formatDateTime(c.occurred_at);
  const withWhom = c.party?.name
    ? `${codeLabel(c.with_whom)}: ${c.party.name}`
    : codeLabel(c.with_whom);

  async function onSign() {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await signContact(c));
    } catch (error) {
      if (sessionGone(error)) return;
      setFailure(formFailure(error, 'The contact was not signed.'));
      if (isConflict(error)) onStale();
    } finally {
      setBusy(false);
    }
  }

  function onAdded(answer: unknown) {
    setAdding(false);
    const value = answer as Partial<Contact> & Partial<Addendum>;
    if (Array.isArray(value.addenda)) onChanged(value as Contact);
    else if (typeof value.text === 'string' && typeof value.id === 'string') {
      onChanged({ ...c, addenda: [...c.addenda, value as Addendum] });
    } else onStale();
  }

  return (
    <li>
      <article aria-labelledby={headingId} className="contact-card">
        <header className="contact-header">
          <h3 id={headingId}>
            <time dateTime={c.occurred_at}>{when}</time> · {codeLabel(c.mode)} ·{' '}
            {c.successful ? 'Successful' : 'Attempted'}
          </h3>
          {c.signed_at ? (
            <span className="badge badge-allowed">Signed</span>
          ) : (
            <span className="badge badge-warning">Not signed</span>
          )}
        </header>
        <dl className="facts facts-compact">
          <dt>With</dt>
          <dd>{withWhom}</dd>
          {c.setting && (
            <>
              <dt>Setting</dt>
              <dd>{codeLabel(c.setting)}</dd>
            </>
          )}
          <dt>Purposes</dt>
          <dd>{codeList(c.purposes)}</dd>
          <dt>Outcome</dt>
          <dd>{codeLabel(c.outcome)}</dd>
          {c.duration_minutes > 0 && (
            <>
              <dt>Duration</dt>
              <dd>{c.duration_minutes} min</dd>
            </>
          )}
          {c.disclosed.length > 0 && (
            <>
              <dt>Information shared</dt>
              <dd>{codeList(c.disclosed)}</dd>
            </>
          )}
          <dt>By</dt>
          <dd>
            {c.by_name}
            {c.by_role && <span className="muted"> · {roleLabel(c.by_role)}</span>}
          </dd>
        </dl>
        {c.narrative && <p className="prose narrative">{c.narrative}</p>}
        {c.signed_at && (
          <p className="muted">
            Signed by {c.signed_by_name ?? 'the author'} on{' '}
            <time dateTime={c.signed_at}>{formatDateTime(c.signed_at)}</time>
          </p>
        )}
        {c.addenda.length > 0 && (
          <section aria-label="Addenda" className="addenda">
            <h4>Addenda</h4>
            <ul className="plain-list">
              {c.addenda.map((a) => (
                <li key={a.id}>
                  <p className="prose">{a.text}</p>
                  <p className="muted">
                    {a.by_name}, <time dateTime={a.created_at}>{formatDateTime(a.created_at)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {mayWrite && !c.signed_at && (
          <button type="button" className="button button-small" disabled={busy} onClick={onSign}>
            Sign<span className="visually-hidden"> the contact of {when}</span>
          </button>
        )}
        {mayWrite && c.signed_at && !adding && (
          <button type="button" className="button button-small" onClick={() => setAdding(true)}>
            Add addendum<span className="visually-hidden"> to the contact of {when}</span>
          </button>
        )}
        {adding && (
          <AddendumForm contactId={c.id} onAdded={onAdded} onCancel={() => setAdding(false)} />
        )}
      </article>
    </li>
  );
}
