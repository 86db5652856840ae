// SPDX-License-Identifier: Apache-2.0
// Someone else saved the plan while this editor was open (412): both edits are shown — what
// they saved and what this editor typed, from the version both started from — and the user
// chooses to put their edits on top of the other version or to discard them. Neither is lost
// without the user seeing it.
import { useEffect, useRef } from 'react';
import type { CarePlan, CarePlanDocument } from '../../api/care_plans';
import { formatDateTime } from '../../format';
import { describeChanges } from './plan_changes';
import { mergePlans } from './plan_merge';

export function ConflictView(props: {
  base: CarePlanDocument;
  theirs: CarePlan;
  mine: CarePlanDocument;
  busy: boolean;
  onKeepMine: (merged: CarePlanDocument) => void;
  onDiscardMine: () => void;
}) {
  const { base, theirs, mine, busy, onKeepMine, onDiscardMine } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  const theirChanges = describeChanges(base, theirs.document);
  const myChanges = describeChanges(base, mine);
  const merged = mergePlans(base, theirs.document, mine);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="conflict card" aria-labelledby="plan-conflict-heading">
      <h3 id="plan-conflict-heading" ref={heading} tabIndex={-1}>
        Someone else saved this plan (version {theirs.version}, by {theirs.updated_by_name} at{' '}
        {formatDateTime(theirs.updated_at)})
      </h3>
      <p>Your edits are not saved yet. Compare the two, then choose.</p>
      <div className="card-pair">
        <div className="card-inner">
          <h4>What they saved</h4>
          {theirChanges.length === 0 ? (
            <p className="muted">No change to the plan's content.</p>
          ) : (
            <ul aria-label="What they saved">
              {theirChanges.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </div>
        <div className="card-inner">
          <h4>Your edits</h4>
          {myChanges.length === 0 ? (
            <p className="muted">You have not changed anything.</p>
          ) : (
            <ul aria-label="Your edits">
              {myChanges.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {merged.conflicts.length > 0 && (
        <div className="message message-warning">
          <p>You both changed these; keeping your edits keeps your version of them:</p>
          <ul>
            {merged.conflicts.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="form-actions-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => onKeepMine(merged.document)}
        >
          {busy ? 'Saving…' : 'Keep my edits on top of theirs'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onDiscardMine}>
          Discard my edits
        </button>
      </div>
    </section>
  );
}
