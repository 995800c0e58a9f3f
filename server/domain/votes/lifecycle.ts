/**
 * What may happen in which state: draft → open → closed (or cancelled). The handler loads the vote and the
 * caller's participation, then asks here; the reasons are error codes the page can switch on.
 */
import type { VoteOutcome, VoteState } from '../../../typings/actions/votes';
import { DomainError } from '../errors';
import { assertExpectedVoter, type FrozenRoster } from './roster';

/** Settings, candidates and roster change only before the vote opens. */
export function assertEditable(state: VoteState): void {
  if (state === 'open') throw new DomainError('VOTE_ALREADY_OPEN');
  if (state !== 'draft') throw new DomainError('VOTE_CLOSED');
}

/** Check-in and casting happen only while the vote is open. */
export function assertOpen(state: VoteState): void {
  if (state === 'draft') throw new DomainError('VOTE_NOT_OPEN');
  if (state !== 'open') throw new DomainError('VOTE_CLOSED');
}

/** Only a voter counted in 应到 checks in, and only once. */
export function assertMayCheckIn(
  state: VoteState,
  roster: FrozenRoster,
  personId: string,
  alreadyCheckedIn: boolean,
): void {
  assertOpen(state);
  assertExpectedVoter(roster, personId);
  if (alreadyCheckedIn) throw new DomainError('ALREADY_CHECKED_IN');
}

/**
 * F2: one ballot per token, tokens issued at check-in. A voter casts once, after checking in; absent
 * members cannot vote by proxy (F3).
 */
export function assertMayCast(
  state: VoteState,
  roster: FrozenRoster,
  personId: string,
  participation: { checkedIn: boolean; voted: boolean },
): void {
  assertOpen(state);
  assertExpectedVoter(roster, personId);
  if (!participation.checkedIn) throw new DomainError('NOT_CHECKED_IN');
  if (participation.voted) throw new DomainError('ALREADY_VOTED');
}

/**
 * A committee decision after the count (B4: 推优 "考察不唯票"; C4: grades follow a valid rating) and the 公示 of a
 * result stand only on a vote that counted: a meeting without quorum decides nothing.
 */
export function assertVoteCounted(outcome: VoteOutcome): void {
  if (outcome !== 'counted') throw new DomainError('VOTE_NOT_VALID');
}

/** F3: the count is announced at the meeting when voting ends; before that no partial result is shown. */
export function assertResultsUnsealed(state: VoteState): void {
  if (state !== 'closed') throw new DomainError('RESULTS_SEALED');
}
