// SPDX-License-Identifier: Apache-2.0
// The submit flow the record forms share: check the fields and focus the first invalid one,
// send with the form's idempotency key (busy meanwhile), and show a refusal next to the field
// the server blamed or as one message for the form.
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { useIdempotencyKey } from '../hooks/use_idempotency_key';
import { showErrorsAndFocus } from './focus_first_invalid';
import {
  formFailure,
  isConflict,
  isKeyReused,
  serverFieldErrors,
  sessionGone,
  type FieldMap,
} from './form_errors';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

export interface FormSubmitOptions<K extends string> {
  /** Server field name → the form's key for it and its label. */
  fields: FieldMap<K>;
  /** What was not done, for a refusal that names no field ("The shift was not added."). */
  notDone: string;
  /** Called after a 412 (someone else changed the record meanwhile), once the message shows. */
  onConflict?: () => void;
}

export interface FormSubmit<K extends string> {
  /** The props every such form takes: its ref, no browser validation, and `onSubmit`. */
  formProps(onSubmit: () => void | Promise<void>): {
    ref: RefObject<HTMLFormElement | null>;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    noValidate: true;
  };
  errors: FieldErrors<K>;
  failure: string | null;
  setFailure: (failure: string | null) => void;
  busy: boolean;
  /**
   * Clears the last failure and shows `found` at the fields, focusing the first invalid one.
   * Returns whether the form may be sent (nothing found).
   */
  validate(found: FieldErrors<K>): boolean;
  /**
   * Sends `request` with the form's idempotency key; on success starts a new key and calls
   * `onDone`. A refusal shows at its field, or as the form's failure; after a lost session
   * nothing shows (the user is already on the sign-in page).
   */
  send<T>(request: (key: string) => Promise<T>, onDone: (result: T) => void): Promise<void>;
}

export function useFormSubmit<K extends string>(options: FormSubmitOptions<K>): FormSubmit<K> {
  const { fields, notDone, onConflict } = options;
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<K>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, renewKey] = useIdempotencyKey();

  function validate(found: FieldErrors<K>): boolean {
    setFailure(null);
    return !showErrorsAndFocus(form.current, () => setErrors(found));
  }

  async function send<T>(request: (key: string) => Promise<T>, onDone: (result: T) => void) {
    setBusy(true);
    try {
      const result = await request(key);
      renewKey();
      onDone(result);
    } catch (error) {
      if (sessionGone(error)) return;
      if (isKeyReused(error)) renewKey();
      const fieldErrors = serverFieldErrors(error, fields);
      if (fieldErrors) showErrorsAndFocus(form.current, () => setErrors(fieldErrors));
      else setFailure(formFailure(error, notDone));
      if (isConflict(error)) onConflict?.();
    } finally {
      setBusy(false);
    }
  }

  function formProps(onSubmit: () => void | Promise<void>) {
    return {
      ref: form,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        void onSubmit();
      },
      noValidate: true as const,
    };
  }

  return { formProps, errors, failure, setFailure, busy, validate, send };
}
