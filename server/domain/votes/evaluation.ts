/**
 * Evaluations (民主评议党员 C1–C3, 团员教育评议 C4). The rating is counted per person (tally.ts); the grades
 * themselves are then proposed by the branch committee from the rating and daily performance (C1) and
 * must respect the 优秀 quota.
 */
import { GRADES, type Grade } from '../../../typings/actions/votes';
import { DomainError } from '../errors';
import type { FrozenRoster } from './roster';
import type { RuleSet } from './rules';
import { largestWithinShare, ONE_THIRD, THIRTY_PERCENT, withinShare } from './thresholds';

/**
 * C2 (12371.cn 民主评议党员; ltdjw.gov.cn): 优秀 is generally at most 1/3 of the formal members whose relations
 * are in the branch: 3·excellent ≤ formal members.
 */
export function partyExcellentWithinQuota(excellent: number, formalMembers: number, quota = ONE_THIRD): boolean {
  return withinShare(excellent, formalMembers, quota);
}

/** C4 (团中央「三会两制一课」实施细则): 优秀 at most 30% of those evaluated: 10·excellent ≤ 3·evaluated. */
export function leagueExcellentWithinQuota(excellent: number, evaluated: number, quota = THIRTY_PERCENT): boolean {
  return withinShare(excellent, evaluated, quota);
}

/** The quota rule of the rule set's kind, with the school's setting. */
export function excellentWithinQuota(ruleSet: RuleSet, excellent: number, base: number): boolean {
  if (ruleSet.excellentQuota === null) return true;
  return ruleSet.kind === 'party_evaluation'
    ? partyExcellentWithinQuota(excellent, base, ruleSet.excellentQuota)
    : leagueExcellentWithinQuota(excellent, base, ruleSet.excellentQuota);
}

/** The most people who may be graded 优秀. */
export function maxExcellent(ruleSet: RuleSet, base: number): number {
  return ruleSet.excellentQuota === null ? base : largestWithinShare(base, ruleSet.excellentQuota);
}

/** The most members who may be graded 优秀 on an evaluation under the vote's quota and roster; null without one. */
export function excellentLimitOf(ruleSet: RuleSet, roster: FrozenRoster | null): number | null {
  if (ruleSet.ballotForm !== 'grades' || ruleSet.excellentQuota === null || !roster) return null;
  return maxExcellent(ruleSet, roster.quotaBase);
}

export interface FinalGrade {
  personId: string;
  grade: Grade;
}

/**
 * Checks the committee's grades: every graded member exactly once (DECISION_INCOMPLETE / BAD_INPUT), no
 * grade for a probationary member (C2: NOT_GRADED) or anyone else off the list (NOT_ON_ROSTER), and the
 * 优秀 quota (QUOTA_EXCEEDED).
 */
export function checkFinalGrades(ruleSet: RuleSet, roster: FrozenRoster, grades: readonly FinalGrade[]): void {
  if (ruleSet.mode !== 'grades') throw new DomainError('BAD_INPUT', undefined, { decision: '此类表决没有评定等次' });
  const subjects = new Set(roster.subjects);
  const seen = new Set<string>();
  for (const g of grades) {
    if (roster.ungraded.includes(g.personId))
      throw new DomainError('NOT_GRADED', undefined, { [g.personId]: '预备党员不确定等次' });
    if (!subjects.has(g.personId))
      throw new DomainError('NOT_ON_ROSTER', undefined, { [g.personId]: '不在评议名单中' });
    if (seen.has(g.personId)) throw new DomainError('BAD_INPUT', undefined, { [g.personId]: '等次重复' });
    if (!GRADES.includes(g.grade)) throw new DomainError('BAD_INPUT', undefined, { [g.personId]: '等次不正确' });
    seen.add(g.personId);
  }
  const missing = roster.subjects.filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new DomainError('DECISION_INCOMPLETE', undefined, { grades: `尚有 ${missing.length} 人未评定等次` });
  const excellent = grades.filter((g) => g.grade === 'excellent').length;
  if (!excellentWithinQuota(ruleSet, excellent, roster.quotaBase)) {
    throw new DomainError('QUOTA_EXCEEDED', `优秀不超过 ${maxExcellent(ruleSet, roster.quotaBase)} 名`, {
      grades: `评为优秀 ${excellent} 名`,
    });
  }
}
