// SPDX-License-Identifier: Apache-2.0
import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../api/paths';

/**
 * One idempotency key per form: every retry of a submission sends the same key, so a request
 * that reached the server but whose answer was lost creates nothing twice. `renew` starts a new
 * key once a submission succeeded and the form is cleared for the next record.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return [key, renew];
}
