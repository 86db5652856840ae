// SPDX-License-Identifier: Apache-2.0
// What the signed-in user may attempt, as GET /api/v1/me says in `allowed`: per program, the
// permission rules ("contact.create", ...) their roles there pass (src/domain/permissions.cc).
// The server decides; this only hides actions that would be refused.
import type { Action, Me } from './api/accounts';

/** Whether the user may do `action` in some program, or in `programId` when given. */
export function can(me: Me, action: Action, programId?: string): boolean {
  return me.allowed.some(
    (program) =>
      (programId === undefined || program.program_id === programId) &&
      program.actions.includes(action),
  );
}

/** The programs where the user may do `action`. */
export function programsWhere(me: Me, action: Action): { id: string; name: string }[] {
  return me.allowed
    .filter((program) => program.actions.includes(action))
    .map((program) => ({
      id: program.program_id,
      name: me.roles.find((r) => r.program_id === program.program_id)?.program_name ?? '',
    }));
}
