// SPDX-License-Identifier: Apache-2.0
// Which roles may attempt what in the participant record, mirroring src/domain/permissions.cc.
// The server decides; this only hides actions that would be refused.
import type { Me, Role } from './api/types';

export type Capability =
  | 'intake'
  | 'readRecord'
  | 'writeRecord'
  | 'coordinate'
  | 'oversight'
  | 'worklist'
  | 'programOversight'
  | 'rota'
  | 'changePolicy';

const kCapabilityRoles: Record<Capability, readonly Role[]> = {
  // Taking referrals and assigning the accountable coordinator.
  intake: ['supervisor', 'care_coordinator', 'nurse_care_manager'],
  // Reading a participant's record (auditors read only).
  readRecord: ['supervisor', 'care_coordinator', 'peer_support', 'nurse_care_manager', 'auditor'],
  // Contacts, notes, demographics, natural supports, emergency access, the staff list.
  writeRecord: ['supervisor', 'care_coordinator', 'peer_support', 'nurse_care_manager'],
  // Episode status, accountability, the care team, releases.
  coordinate: ['supervisor', 'care_coordinator', 'nurse_care_manager'],
  // Reviewing emergency access.
  oversight: ['supervisor', 'auditor'],
  // A worklist of one's own obligations (My day).
  worklist: ['supervisor', 'care_coordinator', 'peer_support', 'nurse_care_manager'],
  // Program compliance figures: the dashboard.
  programOversight: ['admin', 'supervisor', 'auditor'],
  // Planning the on-call rota.
  rota: ['admin', 'supervisor'],
  // Replacing a program's policy file.
  changePolicy: ['admin'],
};

/** Whether the user may do this in some program, or in `programId` when given. */
export function can(me: Me, capability: Capability, programId?: string): boolean {
  const roles = kCapabilityRoles[capability];
  return me.roles.some(
    (assignment) =>
      roles.includes(assignment.role) &&
      (programId === undefined || assignment.program_id === programId),
  );
}

/** The programs where the user may do this. */
export function programsWhere(me: Me, capability: Capability): { id: string; name: string }[] {
  const roles = kCapabilityRoles[capability];
  return me.roles
    .filter((assignment) => roles.includes(assignment.role))
    .map((assignment) => ({ id: assignment.program_id, name: assignment.program_name }));
}
