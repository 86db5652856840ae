// SPDX-License-Identifier: Apache-2.0
// Words for the care plan's codes (docs/assessments.md "Care plan document"), for the editor and
// the chart; the family copy has its own plain words in English and Spanish.
import type { SelectOption } from '../../components/Fields';

const kPlanLabels: Record<string, string> = {
  active: 'Active',
  achieved: 'Achieved',
  on_hold: 'On hold',
  discontinued: 'Discontinued',
  participant: 'Participant',
  family: 'Family',
  participant_and_family: 'Participant and family',
  care_coordinator: 'Care coordinator',
  peer_support: 'Peer support specialist',
  nurse_care_manager: 'Nurse care manager',
  natural_support: 'Natural support',
  provider: 'Provider',
  other: 'Other',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  stopped: 'Stopped',
  signature: 'Signature',
  verbal: 'Verbal',
  declined: 'Declined',
  guardian: 'Guardian',
};

export function planLabel(code: string): string {
  return kPlanLabels[code] ?? code;
}

export function planOptions(codes: readonly string[], blank?: string): SelectOption[] {
  const options = codes.map((code) => ({ value: code, label: planLabel(code) }));
  return blank === undefined ? options : [{ value: '', label: blank }, ...options];
}
