/**
 * The gate before an honor is conferred: the selection vote (C3) and the 公示 (C7, D4) its title requires. The
 * gate names everything missing, so the officer sees at once which step is left.
 */
import type { ErrorCode } from '../../../typings/errors';
import { DomainError } from '../errors';
import type { TitleRule } from './titles';

/** The selection vote as the gate sees it (a 评优 vote of the votes module). */
export interface VoteEvidence {
  kind: string;
  state: string;
  /** 'counted' when the vote was valid. */
  outcome: string | null;
  /** The elected, from the resolution sheet. */
  elected: readonly string[];
  /** The vote's unit and every unit above it. */
  unitScope: readonly string[];
}

/** The 公示 as the gate sees it. `raisesNoBar` comes from the notices module (closed with no upheld objection). */
export interface PublicityEvidence {
  kind: string;
  unitId: string;
  /** Stored status: 'closed' once the window ended and it was filed. */
  status: string;
  subjectPersonIds: readonly string[];
  subjectNames: readonly string[];
  raisesNoBar: boolean;
}

export interface GateInput {
  rule: TitleRule;
  awardingUnitId: string;
  /** A person's id, or a unit's id for a branch or an association. */
  recipientId: string;
  recipientName: string;
  recipientIsPerson: boolean;
  vote: VoteEvidence | null;
  publicity: PublicityEvidence | null;
}

export interface GateGap {
  what: 'vote' | 'publicity';
  code: Extract<
    ErrorCode,
    'HONOR_VOTE_REQUIRED' | 'HONOR_VOTE_FAILED' | 'HONOR_PUBLICITY_REQUIRED' | 'HONOR_PUBLICITY_FAILED'
  >;
  why: string;
}

/**
 * C3: a title that needs a vote is conferred only on someone the awarding unit's 评优 vote elected: a vote of the
 * 评优 kind held in a unit under the awarding unit, closed and counted, with the recipient among the elected (its
 * candidates were checked for the 优秀 grade when the vote was created).
 */
export function selectionVoteGap(input: GateInput): GateGap | null {
  if (!input.rule.needsVote) return null;
  const v = input.vote;
  if (!v) return { what: 'vote', code: 'HONOR_VOTE_REQUIRED', why: '须先经评优表决' };
  if (v.kind !== 'honor') return { what: 'vote', code: 'HONOR_VOTE_FAILED', why: '关联的表决不是评优表决' };
  if (!v.unitScope.includes(input.awardingUnitId)) {
    return { what: 'vote', code: 'HONOR_VOTE_FAILED', why: '评优表决不是授予单位所属组织举行的' };
  }
  if (v.state !== 'closed') return { what: 'vote', code: 'HONOR_VOTE_FAILED', why: '评优表决尚未结束' };
  if (v.outcome !== 'counted') return { what: 'vote', code: 'HONOR_VOTE_FAILED', why: '评优表决无效' };
  if (!input.recipientIsPerson || !v.elected.includes(input.recipientId)) {
    return { what: 'vote', code: 'HONOR_VOTE_FAILED', why: '获奖者未在评优表决中当选' };
  }
  return null;
}

/**
 * C7 (D4: commendations are publicised before they are conferred; an honor's 公示 comes from the awarding unit):
 * a title that needs a 公示 is conferred only after an honor 公示 of the awarding unit naming the recipient has
 * closed with no upheld objection.
 */
export function honorPublicityGap(input: GateInput): GateGap | null {
  if (!input.rule.needsPublicity) return null;
  const p = input.publicity;
  if (!p) return { what: 'publicity', code: 'HONOR_PUBLICITY_REQUIRED', why: '须先经公示' };
  if (p.kind !== 'honor')
    return { what: 'publicity', code: 'HONOR_PUBLICITY_FAILED', why: '关联的公示不是评优与荣誉公示' };
  if (p.unitId !== input.awardingUnitId) {
    return { what: 'publicity', code: 'HONOR_PUBLICITY_FAILED', why: '公示须由授予单位发布' };
  }
  const named = input.recipientIsPerson
    ? p.subjectPersonIds.includes(input.recipientId)
    : p.subjectNames.includes(input.recipientName);
  if (!named) return { what: 'publicity', code: 'HONOR_PUBLICITY_FAILED', why: '公示对象中没有获奖者' };
  if (p.status !== 'closed') return { what: 'publicity', code: 'HONOR_PUBLICITY_FAILED', why: '公示尚未结束' };
  if (!p.raisesNoBar) return { what: 'publicity', code: 'HONOR_PUBLICITY_FAILED', why: '公示中有异议成立或尚未处理' };
  return null;
}

/** Every step the title still needs (empty: the honor may be conferred). */
export function honorGateGaps(input: GateInput): GateGap[] {
  return [selectionVoteGap(input), honorPublicityGap(input)].filter((g): g is GateGap => g !== null);
}

/** Throws the first gap's code, with every gap in the fields (`vote`, `publicity`), so the page shows them all. */
export function assertHonorGateOpen(input: GateInput): void {
  const gaps = honorGateGaps(input);
  if (gaps.length === 0) return;
  throw new DomainError(gaps[0].code, undefined, Object.fromEntries(gaps.map((g) => [g.what, g.why])));
}
