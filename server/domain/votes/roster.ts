/**
 * Who votes. The roster is frozen when the vote opens: from the unit's members, those with voting rights
 * for this kind, minus the approved exclusions from 应到 (A15).
 */
import type { ExclusionReason } from '../../../typings/actions/votes';
import { EXCLUSION_REASONS } from '../../../typings/actions/votes';
import type { Person, PoliticalStatus, Unit, UnitKind } from '../../../typings/domain';
import { DomainError } from '../errors';
import type { RuleSet } from './rules';

/** A person as seen from the unit holding the vote. */
export interface BranchMember {
  personId: string;
  status: PoliticalStatus;
  /**
   * The member's party relation (组织关系) or League registration (团籍) is in this unit. False for people
   * merely attached to it, as everyone in a temporary branch is.
   */
  home: boolean;
  /** Holds League membership, including party members who keep it (保留团籍). */
  leagueMember: boolean;
  /** YYYY-MM-DD the League membership began, from the status history; null or absent when not recorded. */
  leagueSince?: string | null;
  /**
   * Voting rights suspended: 留党察看 / 留团察看 not yet ended, or 依法留置、逮捕
   * (基层组织选举工作条例(2020) 第五条; 团的基层组织选举工作条例(2025) 第六条).
   */
  rightsSuspended: boolean;
}

/** The first day recorded as a League member (团员 since), or null. */
function leagueSinceOf(person: Person): string | null {
  const days = person.statusHistory.filter((h) => h.status === 'league_member').map((h) => h.since);
  return days.length ? days.sort()[0] : null;
}

/** Builds the member view of a person for a unit. `rightsSuspended` comes from the discipline record. */
export function branchMemberOf(
  person: Person,
  unit: Pick<Unit, '_id' | 'kind'>,
  rightsSuspended = false,
): BranchMember {
  const home =
    (unit.kind === 'party_branch' && person.homePartyBranchId === unit._id) ||
    (unit.kind === 'league_branch' && person.homeLeagueBranchId === unit._id);
  return {
    personId: person._id,
    status: person.status,
    home,
    leagueMember: person.homeLeagueBranchId !== null,
    leagueSince: leagueSinceOf(person),
    rightsSuspended,
  };
}

/**
 * The members of a unit among `people`: those registered to it (`memberOf`) or whose home party or League
 * branch it is. `suspended` lists the people whose voting rights are suspended.
 */
export function unitMembers(
  people: readonly Person[],
  unit: Pick<Unit, '_id' | 'kind'>,
  suspended: ReadonlySet<string> = new Set(),
): BranchMember[] {
  return people
    .filter(
      (p) => p.memberOf.includes(unit._id) || p.homePartyBranchId === unit._id || p.homeLeagueBranchId === unit._id,
    )
    .map((p) => branchMemberOf(p, unit, suspended.has(p._id)));
}

export function isTemporaryBranch(kind: UnitKind): boolean {
  return kind === 'temp_party_branch' || kind === 'temp_league_branch';
}

/**
 * D6 (支部工作条例: a temporary party branch does not admit members or hold term elections) and B7 (a
 * temporary League branch does not admit members; registration stays home): a vote is held only where its
 * rule set allows. A temporary branch gets its own code so the page can say why.
 */
export function assertUnitCanHold(ruleSet: RuleSet, unitKind: UnitKind): void {
  if (ruleSet.hostUnits.includes(unitKind)) return;
  if (isTemporaryBranch(unitKind)) throw new DomainError('TEMP_BRANCH_CANNOT_HOLD');
  throw new DomainError('UNIT_KIND_INVALID');
}

const isFormal = (m: BranchMember) => m.status === 'full_member';
const isParty = (m: BranchMember) => m.status === 'full_member' || m.status === 'probationary_member';

/**
 * 党章 第七条 and 基层组织选举工作条例(2020) 第五条 (A15): only formal members of the branch vote; probationary
 * members and members whose rights are suspended do not. League votes: League members of the branch
 * (团的基层组织选举工作条例(2025) 第六条). Temporary League branches vote among their attached members (B7).
 */
export function hasVotingRight(ruleSet: RuleSet, unitKind: UnitKind, m: BranchMember): boolean {
  if (m.rightsSuspended) return false;
  const here = m.home || isTemporaryBranch(unitKind);
  switch (ruleSet.kind) {
    case 'acceptance':
    case 'conversion':
    case 'extension':
    case 'cancellation':
    case 'activist_determination':
    case 'development_candidate_determination':
    case 'party_branch_election':
      return isFormal(m) && m.home;
    case 'party_evaluation':
      // C2: probationary members take part in the evaluation; whether they rate is a school setting.
      return m.home && (isFormal(m) || (m.status === 'probationary_member' && ruleSet.probationaryMembersRate));
    case 'tuiyou':
    case 'league_evaluation':
      return m.leagueMember && m.home;
    case 'league_branch_election':
      return m.leagueMember && here;
    case 'backbone_election':
      return true;
    case 'honor':
      if (unitKind === 'party_branch' || unitKind === 'temp_party_branch') return isFormal(m) && here;
      if (unitKind === 'league_branch' || unitKind === 'temp_league_branch') return m.leagueMember && here;
      return true;
  }
}

/**
 * C2: in 民主评议党员 the formal members whose relations are in the branch are graded; probationary members
 * take part but get no grade. C4: in 团员教育评议 every League member of the branch is graded.
 */
export function isGraded(ruleSet: RuleSet, m: BranchMember): boolean {
  if (ruleSet.kind === 'party_evaluation') return isFormal(m) && m.home;
  if (ruleSet.kind === 'league_evaluation') return m.leagueMember && m.home;
  return false;
}

/**
 * C2 with 党章 第七条: in 民主评议党员 a probationary member may rate (a school setting) but has no voting right,
 * so is neither in 应到 nor in 实到 for the quorum of members with voting rights.
 */
export function ratesWithoutVote(ruleSet: RuleSet, unitKind: UnitKind, m: BranchMember): boolean {
  return ruleSet.kind === 'party_evaluation' && !isFormal(m) && hasVotingRight(ruleSet, unitKind, m);
}

/** C2: a probationary member of the branch in 民主评议党员 takes part without a grade. */
export function takesPartUngraded(ruleSet: RuleSet, m: BranchMember): boolean {
  return ruleSet.kind === 'party_evaluation' && m.home && isParty(m) && !isFormal(m);
}

/**
 * The base of a quota. B3: 推优 at most a share of the branch's League members. C2: 优秀 at most a share of
 * the formal members whose relations are here. C4: 优秀 at most a share of those evaluated.
 */
export function countsTowardQuota(ruleSet: RuleSet, m: BranchMember): boolean {
  if (ruleSet.kind === 'tuiyou') return m.leagueMember && m.home;
  return isGraded(ruleSet, m);
}

/** A member left out of 应到. */
export interface ExpectedExclusion {
  personId: string;
  reason: ExclusionReason;
  /** The higher organisation's approval: 文号 or record id. */
  higherApproval: string;
  /** The meeting agreed to leave the member out. */
  meetingAgreed: boolean;
  note?: string;
}

/**
 * A15 (中组部 guidance on elections, 360doc Q&A): a member may be left out of 应到 only for a listed reason,
 * with the higher organisation's approval AND the meeting's agreement.
 */
export function exclusionApproved(e: ExpectedExclusion): boolean {
  return EXCLUSION_REASONS.includes(e.reason) && e.higherApproval.trim().length > 0 && e.meetingAgreed;
}

/** 支部工作条例 第四条 / B7 and the per-kind minimum in the rule set: enough voters to hold the vote at all. */
export function enoughVoters(eligible: number, ruleSet: RuleSet): boolean {
  return eligible >= ruleSet.minVoters;
}

/** The roster as frozen at open. Person ids are sorted so the stored roster does not leak check-in order. */
export interface FrozenRoster {
  /** Everyone who receives a ballot, including those excluded from 应到 and those who rate without a vote. */
  voters: string[];
  excluded: ExpectedExclusion[];
  /** 应到: voters minus approved exclusions and minus `ratesOnly`. */
  expected: number;
  /**
   * 民主评议党员: probationary members who rate (a ballot each) but hold no voting right, so count toward neither
   * 应到 nor 实到 (C2, 党章 第七条). Absent on rosters frozen before this rule: treat as empty.
   */
  ratesOnly?: string[];
  /** Evaluations: who is graded. */
  subjects: string[];
  /** 民主评议党员: probationary members who take part without a grade. */
  ungraded: string[];
  /** The base of the kind's quota (see countsTowardQuota); 0 when the kind has none. */
  quotaBase: number;
}

/** Freezes the roster at open. Throws TEMP_BRANCH_CANNOT_HOLD, TOO_FEW_VOTERS, EXCLUSION_NOT_APPROVED, NOT_ON_ROSTER. */
export function freezeRoster(
  ruleSet: RuleSet,
  unitKind: UnitKind,
  members: readonly BranchMember[],
  exclusions: readonly ExpectedExclusion[] = [],
): FrozenRoster {
  assertUnitCanHold(ruleSet, unitKind);
  const unique = [...new Map(members.map((m) => [m.personId, m])).values()];
  const voters = unique
    .filter((m) => hasVotingRight(ruleSet, unitKind, m))
    .map((m) => m.personId)
    .sort();
  if (!enoughVoters(voters.length, ruleSet)) {
    throw new DomainError('TOO_FEW_VOTERS', undefined, {
      voters: `至少需要 ${ruleSet.minVoters} 名有表决权的成员，现有 ${voters.length} 名`,
    });
  }
  const ratesOnly = unique
    .filter((m) => ratesWithoutVote(ruleSet, unitKind, m))
    .map((m) => m.personId)
    .sort();
  const withVote = voters.length - ratesOnly.length;
  if (withVote < ruleSet.minVoters) {
    throw new DomainError('TOO_FEW_VOTERS', undefined, {
      voters: `至少需要 ${ruleSet.minVoters} 名有表决权的成员，现有 ${withVote} 名`,
    });
  }
  const seen = new Set<string>();
  for (const e of exclusions) {
    if (!voters.includes(e.personId)) throw new DomainError('NOT_ON_ROSTER', undefined, { exclusions: e.personId });
    if (ratesOnly.includes(e.personId)) throw new DomainError('NOT_ON_ROSTER', undefined, { exclusions: e.personId });
    if (seen.has(e.personId)) throw new DomainError('BAD_INPUT', undefined, { exclusions: '同一人重复排除' });
    if (!exclusionApproved(e)) throw new DomainError('EXCLUSION_NOT_APPROVED', undefined, { exclusions: e.personId });
    seen.add(e.personId);
  }
  const expected = withVote - seen.size;
  if (expected < 1) throw new DomainError('TOO_FEW_VOTERS', undefined, { voters: '应到人数为 0' });
  return {
    voters,
    excluded: [...exclusions].sort((a, b) => a.personId.localeCompare(b.personId)),
    expected,
    ratesOnly,
    subjects: unique
      .filter((m) => isGraded(ruleSet, m))
      .map((m) => m.personId)
      .sort(),
    ungraded: unique
      .filter((m) => takesPartUngraded(ruleSet, m))
      .map((m) => m.personId)
      .sort(),
    quotaBase: unique.filter((m) => countsTowardQuota(ruleSet, m)).length,
  };
}

/** On the roster and not excluded from 应到: may check in, cast, or give a written opinion. */
export function isExpectedVoter(roster: FrozenRoster, personId: string): boolean {
  return roster.voters.includes(personId) && !roster.excluded.some((e) => e.personId === personId);
}

/** Counts toward 应到 and 实到: an expected voter who holds a voting right (not a rater only). */
export function countsTowardQuorum(roster: FrozenRoster, personId: string): boolean {
  return isExpectedVoter(roster, personId) && !(roster.ratesOnly ?? []).includes(personId);
}

/**
 * 实到, counted from the records of who checked in (C2: a rater without a vote holds a ballot but is not 实到 for the
 * quorum). There is no counter: the participation records are the presence.
 */
export function presentCount(roster: FrozenRoster, checkedIn: readonly string[]): number {
  return [...new Set(checkedIn)].filter((id) => countsTowardQuorum(roster, id)).length;
}

/**
 * Who may hold a participation record (only expected voters check in) but is never 实到: the raters without a vote.
 * A count of the records of everyone else is `presentCount` without loading them.
 */
export function checkedInButNotPresent(roster: FrozenRoster): string[] {
  return roster.voters.filter((id) => isExpectedVoter(roster, id) && !countsTowardQuorum(roster, id));
}

export function assertExpectedVoter(roster: FrozenRoster, personId: string): void {
  if (!isExpectedVoter(roster, personId)) throw new DomainError('NOT_ON_ROSTER');
}

/**
 * F3 (lsnu.edu.cn; renrendoc.com 票决制度 [L]): the 监票人 and 计票人 are named from the voters of the meeting and
 * approved by it; a candidate does not oversee or count the vote on themselves. Each official must hold a vote in
 * this meeting's 应到 (OFFICIAL_NOT_VOTER) and must not stand in it (OFFICIAL_IS_CANDIDATE). Evaluations have no
 * candidates: every graded member may serve.
 */
export function checkOfficials(
  roster: FrozenRoster,
  candidateIds: readonly string[],
  officials: { scrutineerIds: readonly string[]; tellerIds: readonly string[] },
): void {
  for (const field of ['scrutineerIds', 'tellerIds'] as const) {
    for (const id of officials[field]) {
      if (candidateIds.includes(id)) throw new DomainError('OFFICIAL_IS_CANDIDATE', undefined, { [field]: id });
      if (!countsTowardQuorum(roster, id)) throw new DomainError('OFFICIAL_NOT_VOTER', undefined, { [field]: id });
    }
  }
}
