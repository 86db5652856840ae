// SPDX-License-Identifier: Apache-2.0
import { useCallback, useEffect, useRef, useState } from 'react';

export type Loadable<T> =
  { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; data: T };

export interface Loader<T> {
  state: Loadable<T>;
  /** Loads again; the data shown stays until the new answer arrives. */
  reload: () => Promise<void>;
  /** Replaces the data, e.g. with the record a change returned. */
  set: (data: T) => void;
}

/**
 * Loads data when the component appears and whenever `key` changes. An answer to an older
 * request never overwrites a newer one.
 */
export function useLoader<T>(load: () => Promise<T>, key: string): Loader<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const requestId = ++latest.current;
    try {
      const data = await loadRef.current();
      if (requestId === latest.current) setState({ status: 'ready', data });
    } catch (error) {
      if (requestId === latest.current) setState({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    setState({ status: 'loading' });
    void run();
    return () => {
      latest.current += 1;
    };
  }, [key, run]);

  const set = useCallback((data: T) => {
    latest.current += 1;
    setState({ status: 'ready', data });
  }, []);

  return { state, reload: run, set };
}
