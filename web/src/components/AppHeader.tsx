// SPDX-License-Identifier: Apache-2.0
// The signed-in header: product name, who is signed in and in what role, and Sign out.
import { useState } from 'react';
import { messageFor } from '../api/api_error';
import type { Me } from '../api/accounts';
import { headerRoleSummary } from '../roles';
import { useSession } from '../session/session_context';
import { ErrorMessage } from './Messages';
import { OnCallBanner } from './OnCallBanner';

export function AppHeader({ me }: { me: Me }) {
  const { signOut } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSignOut() {
    setBusy(true);
    setError(null);
    try {
      await signOut();
    } catch (failure) {
      setError(`Sign out failed. ${messageFor(failure)}`);
      setBusy(false);
    }
  }

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <p className="brand">carecoord</p>
        <div className="account-summary">
          <p className="account-name">{me.display_name}</p>
          <p className="account-role">{headerRoleSummary(me.roles)}</p>
        </div>
        <button type="button" className="button button-quiet" onClick={onSignOut} disabled={busy}>
          Sign out
        </button>
      </div>
      <OnCallBanner />
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </header>
  );
}
