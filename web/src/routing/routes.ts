// SPDX-License-Identifier: Apache-2.0
// The app's sections, their paths, and who may use them.
import type { Me } from '../api/types';
import { hasRole } from '../roles';

export type SectionId = 'account' | 'users' | 'audit';

export interface Section {
  id: SectionId;
  path: string;
  label: string;
  allowed: (me: Me) => boolean;
}

export const kSections: readonly Section[] = [
  { id: 'account', path: '/', label: 'Account', allowed: () => true },
  { id: 'users', path: '/users', label: 'Users', allowed: (me) => hasRole(me, 'admin') },
  { id: 'audit', path: '/audit', label: 'Audit', allowed: (me) => hasRole(me, 'auditor') },
];

export function sectionsFor(me: Me): Section[] {
  return kSections.filter((section) => section.allowed(me));
}

/** The section at `path` if this user may use it; null for unknown or forbidden paths. */
export function sectionAt(path: string, me: Me): Section | null {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return sectionsFor(me).find((section) => section.path === normalized) ?? null;
}
