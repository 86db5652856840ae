// SPDX-License-Identifier: Apache-2.0
// The sign-in screen, shown whenever nobody is signed in, whatever the address.
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, messageFor } from '../api/api_error';
import { ErrorMessage } from '../components/Messages';
import { TextField } from '../components/Fields';
import { PageHeading } from '../components/PageHeading';
import { showErrorsAndFocus } from '../components/focus_first_invalid';
import { useSession, type SignInNotice } from '../session/session_context';

interface FieldErrors {
  username?: string;
  password?: string;
}

const kWrongCredentials = 'Incorrect username or password.';
const kLockedAdvice = 'Contact your administrator to have your account unlocked.';

export function SignInPage({ notice }: { notice: SignInNotice | null }) {
  const { signIn } = useSession();
  const form = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ text: string; advice?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Why the user is here matters only until they try again.
  const [attempted, setAttempted] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (username.trim() === '') errors.username = 'Enter your username.';
    if (password === '') errors.password = 'Enter your password.';
    if (showErrorsAndFocus(form.current, () => setFieldErrors(errors))) return;

    setBusy(true);
    setAttempted(true);
    setFailure(null);
    try {
      await signIn(username.trim(), password);
      // On success this page unmounts; the signed-in layout takes over.
    } catch (error) {
      setPassword('');
      setFailure(describeFailure(error));
      setBusy(false);
    }
  }

  return (
    <main id="main" tabIndex={-1} className="sign-in">
      <div className="sign-in-card">
        <p className="brand brand-large" aria-hidden="true">
          carecoord
        </p>
        <PageHeading title="Sign in">Sign in to carecoord</PageHeading>
        {!attempted && notice?.kind === 'expired' && (
          <div role="alert" className="message message-info">
            {notice.text}
          </div>
        )}
        {!attempted && notice?.kind === 'signed-out' && (
          <div role="status" className="message message-success">
            {notice.text}
          </div>
        )}
        <form ref={form} onSubmit={onSubmit} noValidate aria-describedby="sign-in-failure">
          <TextField
            label="Username"
            value={username}
            onValueChange={setUsername}
            error={fieldErrors.username}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label="Password"
            type="password"
            value={password}
            onValueChange={setPassword}
            error={fieldErrors.password}
            autoComplete="current-password"
            required
          />
          <div id="sign-in-failure">
            {failure && (
              <ErrorMessage>
                <p>{failure.text}</p>
                {failure.advice && <p>{failure.advice}</p>}
              </ErrorMessage>
            )}
          </div>
          <button type="submit" className="button button-primary button-wide" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}

function describeFailure(error: unknown): { text: string; advice?: string } {
  if (error instanceof ApiError) {
    // 401: wrong credentials, or an account that cannot sign in (e.g. disabled); the server
    // words the reason.
    if (error.status === 401) return { text: error.problem.detail ?? kWrongCredentials };
    // 423: locked after repeated failed sign-ins; the server's detail says so.
    if (error.status === 423) return { text: error.message, advice: kLockedAdvice };
  }
  return { text: messageFor(error) };
}
