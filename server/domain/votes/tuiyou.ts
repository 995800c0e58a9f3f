/**
 * 推优: the vote decides who may go on to assessment; the League branch committee then decides whom to
 * recommend, "考察不唯票" (B4). The decision is a separate record that must stay within what the vote and
 * the quota allow.
 */
import { DomainError } from '../errors';
import { assertVoteCounted } from './lifecycle';
import type { FrozenRoster } from './roster';
import type { RuleSet } from './rules';
import type { TallyResult } from './tally';
import { largestWithinShare, TWENTY_PERCENT, withinShare } from './thresholds';

/**
 * B3 (ytcc.edu.cn 推优细则 第五条 and university notices [L]): the number recommended is normally at most 20%
 * of the branch's League members: 5·recommended ≤ members (13% where a school says so).
 */
export function tuiyouWithinQuota(recommended: number, leagueMembers: number, quota = TWENTY_PERCENT): boolean {
  return withinShare(recommended, leagueMembers, quota);
}

export interface TuiyouDecision {
  recommended: readonly string[];
  declined: readonly { candidateId: string; reason: string }[];
}

/**
 * Checks the committee's decision against the count (B4):
 * - the vote must have been valid (VOTE_NOT_VALID);
 * - only candidates who passed may be recommended (DECISION_NOT_PASSED): the vote is necessary, not sufficient;
 * - every passed candidate is either recommended or declined with a reason (DECISION_INCOMPLETE,
 *   DECISION_REASON_REQUIRED);
 * - the number recommended stays within the quota (QUOTA_EXCEEDED).
 */
export function checkTuiyouDecision(
  ruleSet: RuleSet,
  roster: FrozenRoster,
  result: TallyResult,
  decision: TuiyouDecision,
): void {
  if (ruleSet.decision !== 'tuiyou')
    throw new DomainError('BAD_INPUT', undefined, { decision: '此类表决没有推优决定' });
  assertVoteCounted(result.outcome);
  const outcome = new Map(result.candidates.map((c) => [c.candidateId, c.outcome]));
  const decided = new Set<string>();
  for (const id of [...decision.recommended, ...decision.declined.map((d) => d.candidateId)]) {
    if (!outcome.has(id)) throw new DomainError('BAD_INPUT', undefined, { [id]: '不是本次推优的候选人' });
    if (decided.has(id)) throw new DomainError('BAD_INPUT', undefined, { [id]: '重复决定' });
    decided.add(id);
  }
  for (const id of decision.recommended) {
    if (outcome.get(id) !== 'passed')
      throw new DomainError('DECISION_NOT_PASSED', undefined, { [id]: '未获得规定赞成票' });
  }
  for (const d of decision.declined) {
    if (outcome.get(d.candidateId) === 'passed' && d.reason.trim().length === 0) {
      throw new DomainError('DECISION_REASON_REQUIRED', undefined, { [d.candidateId]: '请写明理由' });
    }
  }
  const undecided = result.candidates.filter((c) => c.outcome === 'passed' && !decided.has(c.candidateId));
  if (undecided.length > 0) {
    throw new DomainError(
      'DECISION_INCOMPLETE',
      undefined,
      Object.fromEntries(undecided.map((c) => [c.candidateId, '未作决定'])),
    );
  }
  const quota = ruleSet.recommendQuota ?? TWENTY_PERCENT;
  if (!tuiyouWithinQuota(decision.recommended.length, roster.quotaBase, quota)) {
    throw new DomainError('QUOTA_EXCEEDED', `推荐人数不超过 ${largestWithinShare(roster.quotaBase, quota)} 名`, {
      recommended: `推荐 ${decision.recommended.length} 名`,
    });
  }
}
