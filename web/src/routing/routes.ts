// SPDX-License-Identifier: Apache-2.0
// The app's sections, their pages and paths, and who may use them.
import type { Me } from '../api/accounts';
import { can } from '../permissions';
import { hasRole } from '../roles';

export type SectionId =
  | 'my-day'
  | 'dashboard'
  | 'intake'
  | 'participants'
  | 'expiring'
  | 'emergency'
  | 'on-call'
  | 'policy'
  | 'users'
  | 'audit'
  | 'account';

export interface Section {
  id: SectionId;
  path: string;
  label: string;
  allowed: (me: Me) => boolean;
}

/** In the order the main navigation shows them. */
export const kSections: readonly Section[] = [
  { id: 'my-day', path: '/', label: 'My day', allowed: (me) => can(me, 'worklist.read') },
  {
    id: 'dashboard',
    path: '/dashboard',
    label: 'Dashboard',
    allowed: (me) => can(me, 'dashboard.read'),
  },
  { id: 'intake', path: '/intake', label: 'Intake', allowed: (me) => can(me, 'referral.list') },
  {
    id: 'participants',
    path: '/participants',
    label: 'Participants',
    allowed: (me) => can(me, 'participant.search'),
  },
  {
    id: 'expiring',
    path: '/consents/expiring',
    label: 'Expiring releases',
    allowed: (me) => can(me, 'consent.list_expiring'),
  },
  {
    id: 'emergency',
    path: '/emergency-access',
    label: 'Emergency access',
    allowed: (me) => can(me, 'emergency_access.list'),
  },
  { id: 'on-call', path: '/on-call', label: 'On call', allowed: (me) => can(me, 'on_call.manage') },
  { id: 'policy', path: '/policy', label: 'Policy', allowed: (me) => me.roles.length > 0 },
  { id: 'users', path: '/users', label: 'Users', allowed: (me) => can(me, 'user.list') },
  { id: 'audit', path: '/audit', label: 'Audit', allowed: (me) => can(me, 'audit.read') },
  { id: 'account', path: '/account', label: 'Account', allowed: () => true },
];

export type PageId =
  SectionId | 'new-referral' | 'referral' | 'participant' | 'care-plan-print';

interface PageRoute {
  page: PageId;
  section: SectionId;
  /** Path segments; ":name" matches any one segment and captures it. */
  pattern: string;
}

const kRoutes: readonly PageRoute[] = [
  ...kSections.map((s) => ({ page: s.id, section: s.id, pattern: s.path })),
  // My day has its own address for those whose home page is another one (supervisors).
  { page: 'my-day', section: 'my-day', pattern: '/my-day' },
  { page: 'new-referral', section: 'intake', pattern: '/intake/new' },
  { page: 'referral', section: 'intake', pattern: '/intake/referrals/:id' },
  { page: 'participant', section: 'participants', pattern: '/participants/:id' },
  { page: 'participant', section: 'participants', pattern: '/participants/:id/:tab' },
  // The family copy of a care plan: a printable page without the app's navigation.
  {
    page: 'care-plan-print',
    section: 'participants',
    pattern: '/participants/:id/care-plans/:planId/print',
  },
];

export interface RouteMatch {
  page: PageId;
  section: Section;
  params: Record<string, string>;
}

export function sectionsFor(me: Me): Section[] {
  const home = homePath(me);
  return kSections
    .filter((section) => section.allowed(me))
    .map((section) =>
      section.id === 'my-day' && home !== '/' ? { ...section, path: '/my-day' } : section,
    );
}

/**
 * The page at `path` if this user may use it; null for unknown or forbidden paths, and for "/"
 * when the user's home page is elsewhere.
 */
export function routeAt(path: string, me: Me): RouteMatch | null {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0 && homePath(me) !== '/') return null;
  for (const route of kRoutes) {
    const params = matchPattern(route.pattern, segments);
    if (params === null) continue;
    const section = kSections.find((s) => s.id === route.section);
    if (section === undefined || !section.allowed(me)) return null;
    return { page: route.page, section, params };
  }
  return null;
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) {
      return null;
    }
  }
  return params;
}

/**
 * Where a user starts: care coordinators, peer support specialists and nurse care managers
 * from their day's work (My day); supervisors from their program's dashboard; everyone else
 * from their account page.
 */
export function homePath(me: Me): string {
  if (
    hasRole(me, 'care_coordinator') ||
    hasRole(me, 'peer_support') ||
    hasRole(me, 'nurse_care_manager')
  ) {
    return '/';
  }
  if (hasRole(me, 'supervisor')) return '/dashboard';
  return '/account';
}

/** The path of a participant's chart, optionally at one of its tabs. */
export function chartPath(participantId: string, tab?: string): string {
  const base = `/participants/${encodeURIComponent(participantId)}`;
  return tab ? `${base}/${tab}` : base;
}

export function referralPath(referralId: string): string {
  return `/intake/referrals/${encodeURIComponent(referralId)}`;
}
