/**
 * Written opinions (书面意见). 细则(2014) 第二十一条 (A14) and F3: a voting member who cannot attend may
 * formally submit a written opinion BEFORE the meeting; it is counted as a separate line. One given after
 * the meeting starts is invalid, and there is no proxy voting. Opinions are signed, so they are not secret.
 */
import type { UnitKind } from '../../../typings/domain';
import { DomainError } from '../errors';
import { type BallotSpec, type Mark, validateBallot } from './ballot';
import { type BranchMember, hasVotingRight } from './roster';
import type { RuleSet } from './rules';

export interface WrittenOpinion {
  voterId: string;
  submittedAt: Date;
  /** As validated at submission: one mark per candidate. */
  marks: Mark[];
}

/**
 * The meeting starts at the earlier of its scheduled start and the moment it is opened: an opinion that
 * arrives after either has arrived during (or after) the meeting.
 */
export function writtenOpinionCutoff(scheduledStart: Date, openedAt: Date | null): Date {
  if (openedAt === null) return scheduledStart;
  return openedAt.getTime() < scheduledStart.getTime() ? openedAt : scheduledStart;
}

/** A14 / F3: on time only if submitted strictly before the meeting starts. */
export function writtenOpinionOnTime(submittedAt: Date, cutoff: Date): boolean {
  return submittedAt.getTime() < cutoff.getTime();
}

/**
 * Accepts a written opinion at submission, or throws: WRITTEN_OPINION_NOT_ALLOWED (only the formal party
 * votes count them), WRITTEN_OPINION_TOO_LATE, NOT_ON_ROSTER (no vote in this kind), BALLOT_MALFORMED.
 * Returns the marks to store, blanks filled as 弃权.
 */
export function acceptWrittenOpinion(args: {
  ruleSet: RuleSet;
  unitKind: UnitKind;
  voter: BranchMember;
  spec: BallotSpec;
  marks: readonly Mark[];
  submittedAt: Date;
  cutoff: Date;
}): Mark[] {
  const { ruleSet, unitKind, voter, spec, marks, submittedAt, cutoff } = args;
  if (!ruleSet.writtenOpinions) throw new DomainError('WRITTEN_OPINION_NOT_ALLOWED');
  if (!writtenOpinionOnTime(submittedAt, cutoff)) throw new DomainError('WRITTEN_OPINION_TOO_LATE');
  if (!hasVotingRight(ruleSet, unitKind, voter)) throw new DomainError('NOT_ON_ROSTER');
  return validateBallot(marks, spec);
}
