// SPDX-License-Identifier: Apache-2.0
import type { MouseEvent } from 'react';

/** First focusable element: lets keyboard users jump past the header and navigation. */
export function SkipLink({ targetId }: { targetId: string }) {
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    // Move focus without putting "#main" into the address, which the router would keep.
    event.preventDefault();
    document.getElementById(targetId)?.focus();
  }
  return (
    <a href={`#${targetId}`} className="skip-link" onClick={onClick}>
      Skip to content
    </a>
  );
}
