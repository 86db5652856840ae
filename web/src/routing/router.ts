// SPDX-License-Identifier: Apache-2.0
// Minimal client-side routing over the History API. The server answers index.html for every
// unknown non-/api path, so deep links and reloads work without a router library.
import { useSyncExternalStore } from 'react';

const kNavigateEvent = 'carecoord:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(kNavigateEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(kNavigateEvent, onChange);
  };
}

function currentPath(): string {
  return window.location.pathname;
}

/** The current path, re-rendering when it changes. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

function currentSearch(): string {
  return window.location.search;
}

/** The current query ("?lang=es"), re-rendering when it changes. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch);
}

/** Goes to `path` inside the app. `replace` keeps the Back button from returning here. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath() + currentSearch() || path === currentPath()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(kNavigateEvent));
}
