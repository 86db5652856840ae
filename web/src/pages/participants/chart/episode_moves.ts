// SPDX-License-Identifier: Apache-2.0
// The episode status state machine, as src/domain/episode_status.cc has it, so the form offers
// only moves the server allows. The server still checks.
import type { EpisodeStatus } from '../../../api/codes';

const kNext: Record<EpisodeStatus, readonly EpisodeStatus[]> = {
  referred: ['engaging', 'declined', 'refused'],
  engaging: ['active', 'refused', 'unable_to_locate', 'closed'],
  active: ['transitioning', 'closed', 'refused', 'unable_to_locate'],
  transitioning: ['closed', 'active'],
  closed: [],
  declined: [],
  refused: [],
  unable_to_locate: [],
};

const kNeedsReason: readonly EpisodeStatus[] = [
  'closed',
  'declined',
  'refused',
  'unable_to_locate',
];

export function nextStatuses(from: EpisodeStatus): readonly EpisodeStatus[] {
  return kNext[from] ?? [];
}

/** Closing and the exits need a reason. */
export function needsReason(to: string): boolean {
  return (kNeedsReason as readonly string[]).includes(to);
}

/** Whether the episode is still open (not closed or exited). */
export function isOpen(status: EpisodeStatus): boolean {
  return nextStatuses(status).length > 0;
}
