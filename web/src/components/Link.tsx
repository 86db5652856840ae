// SPDX-License-Identifier: Apache-2.0
import type { MouseEvent, ReactNode } from 'react';
import { navigate, usePath } from '../routing/router';

/**
 * An in-app link: a real <a href> (so it can be opened in a new tab) that routes client-side.
 * It is marked as the current page when its address is shown, and as current (not the page)
 * when `current` says so: a section's link while one of its sub-pages is open.
 */
export function Link(props: { to: string; current?: boolean; children: ReactNode }) {
  const { to, current, children } = props;
  const path = usePath();

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Let the browser handle new-tab and new-window clicks itself.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }

  const ariaCurrent = path === to ? 'page' : current ? 'true' : undefined;
  return (
    <a href={to} onClick={onClick} aria-current={ariaCurrent}>
      {children}
    </a>
  );
}
