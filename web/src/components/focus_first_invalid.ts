// SPDX-License-Identifier: Apache-2.0
import { flushSync } from 'react-dom';

/**
 * Applies a validation state update synchronously, then moves focus to the first control marked
 * invalid, so keyboard and screen-reader users land on the problem rather than hunting for it.
 * Returns whether any control is invalid.
 */
export function showErrorsAndFocus(form: HTMLFormElement | null, update: () => void): boolean {
  flushSync(update);
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
  return invalid != null;
}
