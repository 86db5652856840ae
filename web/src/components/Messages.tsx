// SPDX-License-Identifier: Apache-2.0
// Messages announced by screen readers. Errors use role="alert" (announced at once);
// confirmations use role="status" (announced politely).
import type { ReactNode } from 'react';

export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="message message-error">
      {children}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="message message-success">
      {children}
    </div>
  );
}

/**
 * A polite live region that is always in the DOM, so screen readers notice when its text
 * changes (a region added together with its text may not be announced).
 */
export function LiveStatus({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="live-status">
      {children}
    </div>
  );
}
