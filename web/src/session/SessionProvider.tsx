// SPDX-License-Identifier: Apache-2.0
// Owns the sign-in state: restores a cookie session on load, signs in and out, and returns the
// user to the sign-in page with an explanation when any API call finds the session gone.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api_error';
import { fetchMe, login, logout } from '../api/endpoints';
import { setCsrfToken, setSessionExpiredHandler } from '../api/http';
import type { Me } from '../api/accounts';
import { navigate } from '../routing/router';
import { SessionContext, type Session, type SessionState } from './session_context';

export const kSessionExpiredText = 'Your session has expired. Please sign in again.';
export const kSignedOutText = 'You have signed out.';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });

  const becomeSignedIn = useCallback((me: Me, csrfToken: string | undefined) => {
    setCsrfToken(csrfToken ?? null);
    setState({ status: 'signed-in', me });
  }, []);

  useEffect(() => {
    setSessionExpiredHandler(() => {
      setCsrfToken(null);
      setState((previous) =>
        // Only a user who was signed in has a session that can expire; several calls failing
        // together must not stack messages.
        previous.status === 'signed-in'
          ? { status: 'signed-out', notice: { kind: 'expired', text: kSessionExpiredText } }
          : previous,
      );
    });
    return () => setSessionExpiredHandler(null);
  }, []);

  // On load, a still-valid session cookie signs the user straight in; a 401 just means
  // "not signed in" and shows the sign-in page without a message.
  useEffect(() => {
    let cancelled = false;
    fetchMe(false).then(
      (me) => {
        if (!cancelled) becomeSignedIn(me, me.csrf_token);
      },
      () => {
        if (!cancelled) setState({ status: 'signed-out', notice: null });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [becomeSignedIn]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const response = await login(username, password);
      becomeSignedIn(response.user, response.csrf_token);
    },
    [becomeSignedIn],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (error) {
      // An already expired session is as good as signed out; anything else is worth a retry.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setCsrfToken(null);
    // The next person to sign in on this browser starts from the home page, not from wherever
    // the previous user left off. (After an expiry the address is kept, to resume there.)
    navigate('/', { replace: true });
    setState({ status: 'signed-out', notice: { kind: 'signed-out', text: kSignedOutText } });
  }, []);

  const refresh = useCallback(async () => {
    const me = await fetchMe();
    becomeSignedIn(me, me.csrf_token);
  }, [becomeSignedIn]);

  const session = useMemo<Session>(
    () => ({ state, signIn, signOut, refresh }),
    [state, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
