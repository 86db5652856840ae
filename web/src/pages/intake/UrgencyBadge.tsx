// SPDX-License-Identifier: Apache-2.0
import { codeLabel } from '../../labels';

/** Emergent and urgent stand out; the word is always shown, never colour alone. */
export function UrgencyBadge({ urgency }: { urgency: string }) {
  return <span className={`badge badge-urgency-${urgency}`}>{codeLabel(urgency)}</span>;
}
