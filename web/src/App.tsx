// SPDX-License-Identifier: Apache-2.0
import { SignedInLayout } from './components/SignedInLayout';
import { LiveStatus } from './components/Messages';
import { SignInPage } from './pages/SignInPage';
import { useSession } from './session/session_context';

export function App() {
  const { state } = useSession();
  switch (state.status) {
    case 'restoring':
      return <LiveStatus>Loading carecoord…</LiveStatus>;
    case 'signed-out':
      return <SignInPage notice={state.notice} />;
    case 'signed-in':
      return <SignedInLayout me={state.me} />;
  }
}
