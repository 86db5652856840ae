// SPDX-License-Identifier: Apache-2.0
// One obligation on My day: who, which rule and why, when it is due, and the contact to log.
import { useId } from 'react';
import type { WorklistItem } from '../../api/obligations';
import { Link } from '../../components/Link';
import { navigate } from '../../routing/router';
import { chartPath } from '../../routing/routes';
import { formatInZone, relativeTime } from '../../zoned_time';
import { codeLabel } from '../../labels';
import { logContactPath } from './log_contact_link';

/**
 * Where an item's work is done, when it is not (only) a contact to log: releases, transitions,
 * the care plan (docs/assessments.md "Obligations": initial plan, review, goal target date) or
 * the assessments (a safety flag's follow-up is a crisis contact, but the flag is read there).
 */
function openLinkFor(ruleId: string, logsContact: boolean): { tab: string; label: string } | null {
  switch (ruleId) {
    case 'release_renewal':
      return { tab: 'consents', label: 'Open releases' };
    case 'initial_care_plan':
    case 'care_plan_review':
    case 'goal_target_date':
      return { tab: 'care-plan', label: 'Open care plan' };
    case 'safety_flag_follow_up':
      return { tab: 'assessments', label: 'Open assessments' };
    default:
      return logsContact ? null : { tab: 'transitions', label: 'Open transitions' };
  }
}

export function WorklistItemCard({
  item,
  timeZone,
}: {
  item: WorklistItem;
  timeZone: string | undefined;
}) {
  const headingId = useId();
  const overdue = item.status === 'overdue';
  const suggest = item.log_contact;
  return (
    <li className={overdue ? 'worklist-item worklist-item-overdue' : 'worklist-item'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="worklist-name">
          <Link to={chartPath(item.participant_id)}>{item.participant_name}</Link>
        </h3>
        <p className="worklist-rule">
          <span className="worklist-rule-title">{item.rule_title}</span>
          {item.cite && <span className="cite"> · {item.cite}</span>}
          {item.required > 1 && (
            <span className="muted">
              {' '}
              · {item.counted} of {item.required} done
            </span>
          )}
        </p>
        <p className="worklist-explanation">{item.explanation}</p>
        <p className="worklist-due">
          <span className={`badge badge-obligation-${item.status}`}>
            {codeLabel(item.status)}
          </span>{' '}
          <time dateTime={item.due_at}>
            {overdue ? 'was due' : 'due'} {relativeTime(item.due_at)} —{' '}
            {formatInZone(item.due_at, timeZone)}
          </time>
        </p>
        <div className="worklist-actions">
          {suggest ? (
            <button
              type="button"
              className="button button-primary button-small"
              aria-describedby={headingId}
              onClick={() =>
                navigate(
                  logContactPath(
                    item.participant_id,
                    item.episode_id,
                    suggest,
                    window.location.pathname,
                  ),
                )
              }
            >
              Log contact
            </button>
          ) : null}
          {(() => {
            const open = openLinkFor(item.rule_id, suggest !== null);
            return open && <Link to={chartPath(item.participant_id, open.tab)}>{open.label}</Link>;
          })()}
          <Link to={chartPath(item.participant_id, 'obligations')}>All obligations</Link>
        </div>
      </article>
    </li>
  );
}
