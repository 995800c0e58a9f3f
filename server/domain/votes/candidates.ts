/**
 * Who may stand, and how many candidates a vote needs. Evaluations have no candidates: their subjects
 * come from the roster (roster.ts, isGraded).
 */
import type { TuiyouTarget } from '../../../typings/actions/votes';
import type { PoliticalStatus, UnitKind } from '../../../typings/domain';
import { DomainError } from '../errors';
import { type BranchMember, hasVotingRight } from './roster';
import type { RuleSet } from './rules';
import { enoughCandidates, fewestCandidates } from './thresholds';

export interface CandidateSetup {
  candidateIds: readonly string[];
  /** Elections and 评优: seats to fill. Null otherwise. */
  seats: number | null;
  /** 推优 only. */
  tuiyouTarget: TuiyouTarget | null;
  /** YYYY-MM-DD of the meeting: the day League membership is counted to (B3). */
  on: string;
}

/**
 * B3 (中青发〔2019〕9号 as implemented by schools): a League member is recommended after at least one year of
 * membership, counted to the meeting day. An unrecorded start (older records) is not held against the member:
 * the branch checks the paper file.
 */
export function leagueMembershipOneYear(leagueSince: string | null | undefined, on: string): boolean {
  if (!leagueSince) return true;
  const anniversary = `${Number(leagueSince.slice(0, 4)) + 1}${leagueSince.slice(4)}`;
  return on >= anniversary;
}

/**
 * B2 (ytcc.edu.cn 推优细则 第二条): 推优 recommends an applicant (入党申请人) to become an activist, or an
 * activist to become a development candidate; the candidate must hold the status the target starts from.
 */
export function tuiyouCandidateStatus(target: TuiyouTarget): PoliticalStatus {
  return target === 'activist' ? 'party_applicant' : 'activist';
}

/**
 * Who may stand in a vote of this kind:
 * - acceptance: a development candidate of this branch (A2, A11, A14);
 * - conversion / extension / cancellation: a probationary member of this branch (A20, A21);
 * - 推优: a League member of this branch at the target's starting status (B1–B3);
 * - 确定入党积极分子 / 确定发展对象: an applicant / an activist whose party relation is in this branch (A4, A7);
 * - party branch election: a formal member with rights (基层组织选举工作条例(2020) 第五条: 被选举权);
 * - League branch and backbone elections: whoever has the vote there (选举权 and 被选举权 go together);
 * - 评优: any member of the unit (the 优秀 precondition, C3, is the honors flow's check).
 */
export function mayStand(
  ruleSet: RuleSet,
  unitKind: UnitKind,
  m: BranchMember,
  tuiyouTarget: TuiyouTarget | null,
): boolean {
  switch (ruleSet.kind) {
    case 'acceptance':
      return m.status === 'development_candidate' && m.home;
    case 'conversion':
    case 'extension':
    case 'cancellation':
      return m.status === 'probationary_member' && m.home;
    case 'tuiyou':
      return tuiyouTarget !== null && m.leagueMember && m.home && m.status === tuiyouCandidateStatus(tuiyouTarget);
    case 'activist_determination':
      // A4: activists are chosen from the applicants of the home branch.
      return m.status === 'party_applicant' && m.home;
    case 'development_candidate_determination':
      // A7: 发展对象 are chosen from the activists of the home branch.
      return m.status === 'activist' && m.home;
    case 'party_branch_election':
    case 'league_branch_election':
    case 'backbone_election':
      return hasVotingRight(ruleSet, unitKind, m);
    case 'honor':
      return true;
    case 'party_evaluation':
    case 'league_evaluation':
      return false;
  }
}

/**
 * Checks the candidate list when a vote is created. Each candidate is voted on separately (A14); elections
 * need `seats` and, where the rules say so, enough candidates for a competitive election (B7: ≥ 1.2 × seats;
 * D5: more than the seats). Throws BAD_INPUT, TOO_FEW_CANDIDATES, CANDIDATE_NOT_ELIGIBLE.
 */
export function checkCandidates(
  ruleSet: RuleSet,
  unitKind: UnitKind,
  members: readonly BranchMember[],
  setup: CandidateSetup,
): void {
  const { candidateIds, seats, tuiyouTarget } = setup;
  if (ruleSet.kind === 'tuiyou' && tuiyouTarget === null) {
    throw new DomainError('BAD_INPUT', undefined, { tuiyouTarget: '请选择推优类别' });
  }
  if (ruleSet.kind !== 'tuiyou' && tuiyouTarget !== null) {
    throw new DomainError('BAD_INPUT', undefined, { tuiyouTarget: '仅推优需要选择类别' });
  }
  if (ruleSet.mode === 'seats' && (seats === null || !Number.isInteger(seats) || seats < 1)) {
    throw new DomainError('BAD_INPUT', undefined, { seats: '请填写应选名额' });
  }
  if (ruleSet.mode !== 'seats' && seats !== null) {
    throw new DomainError('BAD_INPUT', undefined, { seats: '此类表决没有应选名额' });
  }
  if (ruleSet.mode === 'grades') {
    if (candidateIds.length > 0) {
      throw new DomainError('BAD_INPUT', undefined, { candidateIds: '评议对象由名册自动确定' });
    }
    return;
  }
  if (candidateIds.length === 0) throw new DomainError('TOO_FEW_CANDIDATES');
  if (new Set(candidateIds).size !== candidateIds.length) {
    throw new DomainError('BAD_INPUT', undefined, { candidateIds: '候选人重复' });
  }
  const byId = new Map(members.map((m) => [m.personId, m]));
  for (const id of candidateIds) {
    const m = byId.get(id);
    if (!m || !mayStand(ruleSet, unitKind, m, tuiyouTarget)) {
      throw new DomainError('CANDIDATE_NOT_ELIGIBLE', undefined, { [id]: '不符合条件' });
    }
    if (ruleSet.kind === 'tuiyou' && !leagueMembershipOneYear(m.leagueSince, setup.on)) {
      throw new DomainError('CANDIDATE_NOT_ELIGIBLE', undefined, { [id]: '入团未满一年，不能推优' });
    }
  }
  if (ruleSet.mode === 'seats' && seats !== null && ruleSet.candidateMargin !== null) {
    if (!enoughCandidates(candidateIds.length, seats, ruleSet.candidateMargin)) {
      throw new DomainError('TOO_FEW_CANDIDATES', undefined, {
        candidateIds: `应选 ${seats} 名，候选人至少 ${fewestCandidates(seats, ruleSet.candidateMargin)} 名`,
      });
    }
  }
}
