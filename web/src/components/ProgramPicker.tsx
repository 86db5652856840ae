// SPDX-License-Identifier: Apache-2.0
// Choosing one of the user's programs for a program-wide page (dashboard, policy, on call):
// a select when there are several, the program's name when there is one.
import type { Action, Me } from '../api/accounts';
import { can } from '../permissions';
import { SelectField } from './Fields';

export interface ProgramChoice {
  id: string;
  name: string;
}

/** The user's programs (where they may do `action`, when given), each once, by name. */
export function userPrograms(me: Me, action?: Action): ProgramChoice[] {
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if (action !== undefined && !can(me, action, r.program_id)) continue;
    if (!seen.has(r.program_id)) seen.set(r.program_id, r.program_name);
  }
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export function ProgramPicker(props: {
  programs: readonly ProgramChoice[];
  value: string;
  onChange: (programId: string) => void;
}) {
  const { programs, value, onChange } = props;
  if (programs.length <= 1) {
    return (
      <p className="program-name">
        <span className="muted">Program:</span> {programs[0]?.name ?? 'none'}
      </p>
    );
  }
  return (
    <SelectField
      label="Program"
      value={value}
      options={programs.map((p) => ({ value: p.id, label: p.name }))}
      onValueChange={onChange}
    />
  );
}
