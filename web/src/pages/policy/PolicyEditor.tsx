// SPDX-License-Identifier: Apache-2.0
// The policy file for administrators: edit the TOML, check it (nothing stored), and save it as
// the next version with a note. A malformed file is refused with each fault's line and key,
// listed under the editor; choosing one puts the cursor on that line.
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api_error';
import type { Policy, PolicyError, PolicyRule, ReplacedPolicy } from '../../api/policy';
import { replacePolicy, validatePolicy } from '../../api/worklist_endpoints';
import { TextField } from '../../components/Fields';
import { ErrorMessage, SuccessMessage } from '../../components/Messages';
import { formFailure, isConflict, sessionGone } from '../../components/form_errors';
import { PolicyRules } from './PolicyRules';

interface Props {
  policy: Policy;
  onSaved: (policy: ReplacedPolicy) => void;
  onStale: () => void;
}

/** The faults a 400 lists, or null for any other failure. */
function policyErrorsOf(error: unknown): PolicyError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const listed = (error.problem as { errors?: PolicyError[] }).errors;
  if (Array.isArray(listed) && listed.length > 0) return listed;
  return [{ field: error.field ?? 'source', message: error.message }];
}

/** "Line 14, key amount: must be 1–8760" (the server's message may already name both). */
function describe(e: PolicyError): string {
  const message = e.message ?? '';
  if (/^line \d+/i.test(message)) return message.charAt(0).toUpperCase() + message.slice(1);
  const where = [e.line ? `Line ${e.line}` : '', e.key ? `key '${e.key}'` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${message}` : message;
}

function faults(n: number): string {
  return n === 1 ? 'a fault' : `${n} faults`;
}

export function PolicyEditor({ policy, onSaved, onStale }: Props) {
  const sourceId = useId();
  const errorsId = useId();
  const source = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(policy.source);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<PolicyError[]>([]);
  const [checked, setChecked] = useState<PolicyRule[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'save' | null>(null);
  const sourceErrors = errors.filter((e) => !e.field || e.field === 'source');
  const otherErrors = errors.filter((e) => e.field && e.field !== 'source' && e.field !== 'note');

  function goToLine(line: number | undefined) {
    const area = source.current;
    if (!area) return;
    area.focus();
    if (!line) return;
    const lines = area.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    area.setSelectionRange(start, end);
  }

  function reset() {
    setFailure(null);
    setErrors([]);
    setChecked(null);
    setNoteError(undefined);
  }

  function fail(error: unknown, what: string) {
    if (sessionGone(error)) return;
    const listed = policyErrorsOf(error);
    if (listed) {
      setErrors(listed);
      const noteFault = listed.find((e) => e.field === 'note');
      if (noteFault) setNoteError(noteFault.message);
      return;
    }
    setFailure(formFailure(error, what));
    if (isConflict(error)) onStale();
  }

  async function onCheck() {
    reset();
    setBusy('check');
    try {
      const result = await validatePolicy(text);
      setChecked(result.rules);
    } catch (error) {
      fail(error, 'The file could not be checked.');
    } finally {
      setBusy(null);
    }
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset();
    if (note.trim() === '') {
      setNoteError('Say why the policy changes; the note is kept with the version.');
      return;
    }
    setBusy('save');
    try {
      onSaved(await replacePolicy(policy.program_id, policy.version, text, note.trim()));
    } catch (error) {
      fail(error, 'The policy was not saved.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="policy-file-heading" className="card">
      <h2 id="policy-file-heading">Policy file</h2>
      <p className="muted">
        Saving replaces the rules for the whole program: every open episode's obligations are
        re-evaluated at once. Check first; nothing is stored until you save.
      </p>
      <form onSubmit={onSave} noValidate className="policy-form">
        <div className={sourceErrors.length > 0 ? 'field field-invalid' : 'field'}>
          <label htmlFor={sourceId}>Policy (TOML)</label>
          <textarea
            ref={source}
            id={sourceId}
            className="code-editor"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setChecked(null);
            }}
            rows={24}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={sourceErrors.length > 0 ? true : undefined}
            aria-describedby={sourceErrors.length > 0 ? errorsId : undefined}
          />
          {sourceErrors.length > 0 && (
            <div id={errorsId} className="field-error" role="alert">
              <p>
                The file has {faults(sourceErrors.length)}; nothing was changed.
              </p>
              <ul className="policy-errors">
                {sourceErrors.map((e, i) => (
                  <li key={i}>
                    {e.line ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => goToLine(e.line)}
                      >
                        {describe(e)}
                      </button>
                    ) : (
                      describe(e)
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        {otherErrors.length > 0 && (
          <ErrorMessage>{otherErrors.map(describe).join(' ')}</ErrorMessage>
        )}
        <TextField
          label="Why this change"
          value={note}
          onValueChange={setNote}
          error={noteError}
          hint="Kept with the version, for whoever reads the policy's history."
          maxLength={1000}
        />
        {failure && <ErrorMessage>{failure}</ErrorMessage>}
        {checked && (
          <SuccessMessage>
            The file is valid: {checked.length} {checked.length === 1 ? 'rule' : 'rules'},{' '}
            {checked.filter((r) => r.enabled).length} on. Nothing is stored until you save.
          </SuccessMessage>
        )}
        <div className="form-actions-row">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void onCheck()}
          >
            {busy === 'check' ? 'Checking…' : 'Check'}
          </button>
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button button-quiet"
            disabled={busy !== null || text === policy.source}
            onClick={() => {
              reset();
              setText(policy.source);
            }}
          >
            Discard changes
          </button>
        </div>
      </form>
      {checked && <PolicyRules rules={checked} heading="Rules in the checked file" />}
    </section>
  );
}
