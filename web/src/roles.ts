// SPDX-License-Identifier: Apache-2.0
// Human names for roles (the list of roles is the server's, api/codes.ts). What a role may do
// is in permissions.ts, from the server.
import type { Me, Role, RoleAssignment } from './api/accounts';

export { kRoles } from './api/codes';

const kRoleLabels: Record<Role, string> = {
  admin: 'Administrator',
  supervisor: 'Supervisor',
  care_coordinator: 'Care coordinator',
  peer_support: 'Peer support specialist',
  nurse_care_manager: 'Nurse care manager',
  auditor: 'Auditor',
};

/** "Care coordinator"; unknown roles (from a newer server) are shown as sent. */
export function roleLabel(role: string): string {
  return (kRoleLabels as Record<string, string>)[role] ?? role;
}

/** "Care coordinator · Adult Behavioral Health Care Coordination". */
export function assignmentLabel(assignment: RoleAssignment): string {
  return `${roleLabel(assignment.role)} · ${assignment.program_name}`;
}

/** The short role summary for the page header: the one role, or how many programs. */
export function headerRoleSummary(roles: readonly RoleAssignment[]): string {
  const [first] = roles;
  if (first === undefined) return 'No program role';
  if (roles.length === 1) return assignmentLabel(first);
  return `${roles.length} programs`;
}

export function hasRole(me: Me, role: Role): boolean {
  return me.roles.some((assignment) => assignment.role === role);
}
