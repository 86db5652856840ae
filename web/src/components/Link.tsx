// SPDX-License-Identifier: Apache-2.0
import type { MouseEvent, ReactNode } from 'react';
import { navigate, usePath } from '../routing/router';

/** An in-app link: a real <a href> (so it can be opened in a new tab) that routes client-side. */
export function Link({ to, children }: { to: string; children: ReactNode }) {
  const path = usePath();

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Let the browser handle new-tab and new-window clicks itself.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  }

  return (
    <a href={to} onClick={onClick} aria-current={path === to ? 'page' : undefined}>
      {children}
    </a>
  );
}
