/** Small builders for the votes tests: members, rosters and ballots that read like the scenario. */
import { DomainError } from '../../../server/domain/errors';
import type { Mark, WrittenOpinion } from '../../../server/domain/votes';
import type { BranchMember } from '../../../server/domain/votes/roster';
import type { PoliticalStatus } from '../../../typings/domain';

export function member(personId: string, status: PoliticalStatus, extra: Partial<BranchMember> = {}): BranchMember {
  return { personId, status, home: true, leagueMember: false, rightsSuspended: false, ...extra };
}

/** `n` formal members of the branch: f01, f02, ... */
export function formalMembers(n: number, prefix = 'f'): BranchMember[] {
  return Array.from({ length: n }, (_, i) => member(`${prefix}${String(i + 1).padStart(2, '0')}`, 'full_member'));
}

/** `n` League members of the branch: l01, l02, ... */
export function leagueMembers(n: number, prefix = 'l', status: PoliticalStatus = 'league_member'): BranchMember[] {
  return Array.from({ length: n }, (_, i) =>
    member(`${prefix}${String(i + 1).padStart(2, '0')}`, status, { leagueMember: true }),
  );
}

export function ids(members: readonly BranchMember[]): string[] {
  return members.map((m) => m.personId);
}

/** `n` copies of a ballot with the same marks. */
export function ballots(n: number, marks: Mark[]): Mark[][] {
  return Array.from({ length: n }, () => marks.map((m) => ({ ...m })));
}

/** A ballot marking every listed candidate 赞成. */
export function yesFor(...candidateIds: string[]): Mark[] {
  return candidateIds.map((candidateId) => ({ candidateId, choice: 'yes' }));
}

export function noFor(...candidateIds: string[]): Mark[] {
  return candidateIds.map((candidateId) => ({ candidateId, choice: 'no' }));
}

export const MEETING_START = new Date('2026-06-10T14:00:00+08:00');
export const BEFORE_START = new Date('2026-06-10T13:59:59+08:00');
export const AT_START = MEETING_START;
export const AFTER_START = new Date('2026-06-10T14:05:00+08:00');

export function opinion(voterId: string, marks: Mark[], submittedAt: Date = BEFORE_START): WrittenOpinion {
  return { voterId, marks, submittedAt };
}

/** The DomainError code a call throws, or undefined if it returns. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}
