// SPDX-License-Identifier: Apache-2.0
// Who is on call now, per program, on every page (001 §2: 24/7 on-call coverage); a visible
// warning when nobody is. Refreshed every few minutes and whenever the page changes.
import { useEffect, useState } from 'react';
import type { OnCallNow } from '../api/on_call';
import { getOnCallNow } from '../api/worklist_endpoints';
import { usePath } from '../routing/router';
import { formatInZone } from '../zoned_time';

const kRefreshMs = 5 * 60_000;

export function OnCallBanner() {
  const path = usePath();
  const [programs, setPrograms] = useState<OnCallNow[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    function load() {
      getOnCallNow().then(
        (now) => {
          if (cancelled) return;
          setPrograms(now);
          setFailed(false);
        },
        () => {
          if (!cancelled) setFailed(true);
        },
      );
    }
    load();
    const timer = window.setInterval(load, kRefreshMs);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [path]);

  if (programs === null) {
    return failed ? (
      <p className="on-call on-call-unknown">On call: could not be loaded.</p>
    ) : null;
  }
  if (programs.length === 0) return null;
  const named = programs.length > 1;
  return (
    <section aria-label="On call now" className="on-call">
      <ul className="on-call-list">
        {programs.map((p) => (
          <li
            key={p.program_id}
            className={p.on_call.length === 0 ? 'on-call-item on-call-gap' : 'on-call-item'}
          >
            {p.on_call.length === 0 ? (
              <strong className="on-call-warning">Nobody on call for {p.program_name}</strong>
            ) : (
              <>
                <span className="on-call-label">
                  On call{named ? ` for ${p.program_name}` : ''}:
                </span>{' '}
                {p.on_call.map((shift, index) => (
                  <span key={shift.id}>
                    {index > 0 && '; '}
                    <strong>{shift.display_name}</strong>
                    {shift.phone && (
                      <>
                        {/* "(239) 555-0199" already has parentheses: no second pair. */}
                        {shift.phone.includes('(') ? ', ' : ' ('}
                        <a href={`tel:${shift.phone.replace(/[^\d+]/g, '')}`}>{shift.phone}</a>
                        {shift.phone.includes('(') ? '' : ')'}
                      </>
                    )}
                  </span>
                ))}{' '}
                until{' '}
                <time dateTime={p.covered_until ?? p.on_call[0]?.ends_at ?? ''}>
                  {formatInZone(p.covered_until ?? p.on_call[0]?.ends_at ?? '')}
                </time>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
