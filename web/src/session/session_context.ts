// SPDX-License-Identifier: Apache-2.0
import { createContext, useContext } from 'react';
import type { Me } from '../api/accounts';

/** A message shown on the sign-in page explaining why the user is there. */
export interface SignInNotice {
  kind: 'expired' | 'signed-out';
  text: string;
}

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice: SignInNotice | null }
  | { status: 'signed-in'; me: Me };

export interface Session {
  state: SessionState;
  /** Signs in; rejects with ApiError (401 wrong credentials, 423 locked, ...). */
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** Re-reads /api/v1/me (fresh expiry times and CSRF token). */
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The signed-in user; only for components rendered inside the signed-in layout. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return state.me;
}
