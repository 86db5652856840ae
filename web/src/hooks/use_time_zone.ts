// SPDX-License-Identifier: Apache-2.0
import { useEffect, useState } from 'react';
import { getPolicy } from '../api/worklist_endpoints';

// A program's zone never changes while the app runs; ask once per program.
const kZones = new Map<string, Promise<string>>();

function zoneOf(programId: string): Promise<string> {
  let zone = kZones.get(programId);
  if (zone === undefined) {
    zone = getPolicy(programId).then(
      (policy) => policy.time_zone,
      () => {
        kZones.delete(programId);
        return '';
      },
    );
    kZones.set(programId, zone);
  }
  return zone;
}

/**
 * The time zone shared by all of `programIds` (from each program's policy, which everyone in
 * the program may read); undefined while loading, when they differ, or when it cannot be read —
 * then times are shown in the browser's zone.
 */
export function useProgramTimeZone(programIds: readonly string[]): string | undefined {
  const [zone, setZone] = useState<string | undefined>(undefined);
  const key = [...new Set(programIds)].sort().join(',');
  useEffect(() => {
    let cancelled = false;
    const ids = key ? key.split(',') : [];
    if (ids.length === 0) {
      setZone(undefined);
      return;
    }
    void Promise.all(ids.map(zoneOf)).then((zones) => {
      if (cancelled) return;
      const distinct = new Set(zones);
      const [only] = [...distinct];
      setZone(distinct.size === 1 && only ? only : undefined);
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return zone;
}
