// SPDX-License-Identifier: Apache-2.0
import { codeLabel } from '../../labels';

const kClasses: Record<string, string> = {
  active: 'badge badge-allowed',
  expired: 'badge badge-warning',
  not_yet_effective: 'badge badge-info',
  revoked: 'badge badge-denied',
};

/** Active, expired, not yet effective or revoked, as of today in the program's time zone. */
export function ConsentStatusBadge({ status }: { status: string }) {
  return <span className={kClasses[status] ?? 'badge'}>{codeLabel(status)}</span>;
}
