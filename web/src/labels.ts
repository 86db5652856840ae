// SPDX-License-Identifier: Apache-2.0
// Human names for the participant record's codes (api/codes.ts). Unknown codes (from a newer
// server) are shown as sent.
import type { SelectOption } from './components/Fields';

const kLabels: Record<string, string> = {
  // referral source settings
  crisis_stabilization_unit: 'Crisis stabilization unit',
  state_mental_health_treatment_facility: 'State mental health treatment facility',
  inpatient_psychiatric: 'Inpatient psychiatric',
  emergency_department: 'Emergency department',
  detox_or_addiction_receiving_facility: 'Detox or addiction receiving facility',
  homeless_shelter: 'Homeless shelter',
  primary_care: 'Primary care',
  family: 'Family',
  self: 'Self',
  // urgency
  routine: 'Routine',
  urgent: 'Urgent',
  emergent: 'Emergent',
  // referral and episode statuses
  open: 'Open',
  accepted: 'Accepted',
  declined: 'Declined',
  refused: 'Refused',
  referred: 'Referred',
  engaging: 'Engaging',
  active: 'Active',
  transitioning: 'Transitioning',
  closed: 'Closed',
  unable_to_locate: 'Unable to locate',
  // sex
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
  // contact methods and modes
  phone: 'Phone',
  text: 'Text message',
  email: 'Email',
  mail: 'Mail',
  in_person: 'In person',
  video: 'Video',
  // living situations
  stable_housing: 'Stable housing',
  with_family: 'With family',
  supported_housing: 'Supported housing',
  homeless_sheltered: 'Homeless, sheltered',
  homeless_unsheltered: 'Homeless, unsheltered',
  institution: 'Institution',
  jail: 'Jail',
  other: 'Other',
  // relationships
  parent: 'Parent',
  guardian: 'Guardian',
  spouse_or_partner: 'Spouse or partner',
  child: 'Child',
  sibling: 'Sibling',
  grandparent: 'Grandparent',
  other_family: 'Other family',
  foster_parent: 'Foster parent',
  friend: 'Friend',
  neighbor: 'Neighbor',
  faith_community: 'Faith community',
  // related person roles
  legal_guardian: 'Legal guardian',
  legal_representative: 'Legal representative',
  health_care_proxy: 'Health care proxy',
  natural_support: 'Natural support',
  emergency_contact: 'Emergency contact',
  household_member: 'Household member',
  // care team roles
  care_coordinator: 'Care coordinator',
  peer_support_specialist: 'Peer support specialist',
  nurse_care_manager: 'Nurse care manager',
  behavioral_health_provider: 'Behavioral health provider',
  psychiatrist: 'Psychiatrist',
  primary_care_provider: 'Primary care provider',
  parent_consultant: 'Parent consultant',
  peer_navigator: 'Peer navigator',
  school_contact: 'School contact',
  external_agency_contact: 'External agency contact',
  // contact settings
  home: 'Home',
  office: 'Office',
  community: 'Community',
  csu: 'Crisis stabilization unit',
  hospital: 'Hospital',
  shelter: 'Shelter',
  school: 'School',
  // with whom
  participant: 'Participant',
  provider: 'Provider',
  agency: 'Agency',
  // purposes
  engagement: 'Engagement',
  assessment: 'Assessment',
  care_planning: 'Care planning',
  navigation: 'Navigation',
  crisis: 'Crisis',
  transition_follow_up: 'Transition follow-up',
  warm_handoff: 'Warm hand-off',
  locate: 'Locate (active attempts)',
  // outcomes
  engaged: 'Engaged',
  left_message: 'Left a message',
  no_answer: 'No answer',
  not_found: 'Not found',
  refused_services: 'Refused services',
  rescheduled: 'Rescheduled',
  information_shared: 'Information shared',
  // consent categories
  general_health: 'General health',
  mental_health: 'Mental health',
  substance_use_part2: 'Substance use (Part 2)',
  hiv: 'HIV',
  education_records: 'Education records',
  // consent statuses and party kinds
  expired: 'Expired',
  not_yet_effective: 'Not yet effective',
  revoked: 'Revoked',
  person: 'Person',
  organization: 'Organization',
  // obligation statuses and worklist buckets
  overdue: 'Overdue',
  due: 'Due',
  upcoming: 'Upcoming',
  missed: 'Missed',
  met: 'Met',
  excused: 'Excused',
  ended: 'Ended',
  today: 'Today',
  this_week: 'This week',
  // transition levels
  crisis_stabilization: 'Crisis stabilization',
  state_hospital: 'State hospital',
  detoxification: 'Detoxification',
  medical_inpatient: 'Medical inpatient',
  // psychiatric appointment statuses
  scheduled: 'Scheduled',
  kept: 'Kept',
  none_available: 'None available',
  // contact schedule reasons
  safety: 'Safety',
  independence: 'Level of independence',
  wishes: "The participant's wishes",
  // duplicate matches
  birth_date_and_name: 'same birth date and a similar name',
  member_id: 'same member ID',
};

/** "Emergency department" for "emergency_department". */
export function codeLabel(code: string): string {
  return kLabels[code] ?? code;
}

/** "Mental health, Substance use (Part 2)". */
export function codeList(codes: readonly string[]): string {
  return codes.map(codeLabel).join(', ');
}

/** Options for a select; `blank` labels the empty code ("Not recorded"). */
export function codeOptions(codes: readonly string[], blank = 'Not recorded'): SelectOption[] {
  return codes.map((code) => ({ value: code, label: code === '' ? blank : codeLabel(code) }));
}
