// SPDX-License-Identifier: Apache-2.0
// The end of a record form: its failure (announced), the submit button (disabled and relabelled
// while the form is sent) and, where the form can be closed, Cancel.
import { ErrorMessage } from './Messages';

export function FormActions(props: {
  failure: string | null;
  busy: boolean;
  /** The submit button's label, and its label while the form is sent ("Saving…"). */
  submit: string;
  busySubmit: string;
  onCancel?: () => void;
}) {
  const { failure, busy, submit, busySubmit, onCancel } = props;
  return (
    <>
      {failure && <ErrorMessage>{failure}</ErrorMessage>}
      <div className="form-actions-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? busySubmit : submit}
        </button>
        {onCancel && (
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
