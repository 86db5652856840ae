// SPDX-License-Identifier: Apache-2.0
import type { Program, Role } from '../../api/accounts';
import type { SelectOption } from '../../components/Fields';
import { kRoles, roleLabel } from '../../roles';

export const kRoleOptions: readonly SelectOption[] = kRoles.map((role) => ({
  value: role,
  label: roleLabel(role),
}));

export function programOptions(programs: readonly Program[]): SelectOption[] {
  return programs.map((program) => ({ value: program.id, label: program.name }));
}

export function isRole(value: string): value is Role {
  return (kRoles as readonly string[]).includes(value);
}
