import {
  assertUnitCanHold,
  branchMemberOf,
  checkedInButNotPresent,
  type ExpectedExclusion,
  type FrozenRoster,
  freezeRoster,
  hasVotingRight,
  isExpectedVoter,
  presentCount,
  ruleSetFor,
  unitMembers,
} from '../../../server/domain/votes';
import type { Person } from '../../../typings/domain';
import { codeOf, formalMembers, ids, leagueMembers, member } from './fixtures';

const approved = (personId: string): ExpectedExclusion => ({
  personId,
  reason: 'abroad_private',
  higherApproval: '院党委〔2026〕3号',
  meetingAgreed: true,
});

describe('who votes on acceptance, conversion, extension and cancellation', () => {
  const acceptance = ruleSetFor('acceptance');

  it('gives formal members of the home branch a vote', () => {
    expect(hasVotingRight(acceptance, 'party_branch', member('a', 'full_member'))).toBe(true);
  });

  it('gives probationary members no vote (党章 第七条)', () => {
    expect(hasVotingRight(acceptance, 'party_branch', member('p', 'probationary_member'))).toBe(false);
  });

  it('gives formal members whose relations are elsewhere no vote', () => {
    expect(hasVotingRight(acceptance, 'party_branch', member('x', 'full_member', { home: false }))).toBe(false);
  });

  it('gives a member under 留党察看 no vote (选举工作条例 第五条)', () => {
    expect(hasVotingRight(acceptance, 'party_branch', member('s', 'full_member', { rightsSuspended: true }))).toBe(
      false,
    );
  });

  it('freezes the roster from formal members only, leaving probationary members and the candidate out', () => {
    const members = [...formalMembers(4), member('p1', 'probationary_member'), member('c1', 'development_candidate')];
    const roster = freezeRoster(acceptance, 'party_branch', members);
    expect(roster.voters).toEqual(['f01', 'f02', 'f03', 'f04']);
    expect(roster.expected).toBe(4);
  });

  it('refuses to open with only 2 formal members (支部工作条例 第四条: at least 3)', () => {
    const members = [...formalMembers(2), member('p1', 'probationary_member'), member('p2', 'probationary_member')];
    expect(codeOf(() => freezeRoster(acceptance, 'party_branch', members))).toBe('TOO_FEW_VOTERS');
  });

  it('opens with exactly 3 formal members', () => {
    expect(freezeRoster(acceptance, 'party_branch', formalMembers(3)).expected).toBe(3);
  });

  it('counts a person listed twice once', () => {
    const members = [...formalMembers(3), member('f01', 'full_member')];
    expect(freezeRoster(acceptance, 'party_branch', members).voters).toHaveLength(3);
  });
});

describe('temporary branches (D6, B7)', () => {
  it.each([
    'acceptance',
    'conversion',
    'extension',
    'cancellation',
    'party_branch_election',
    'party_evaluation',
  ] as const)('refuses a temporary party branch holding %s', (kind) => {
    expect(codeOf(() => assertUnitCanHold(ruleSetFor(kind), 'temp_party_branch'))).toBe('TEMP_BRANCH_CANNOT_HOLD');
  });

  it('refuses a temporary League branch holding 推优', () => {
    expect(codeOf(() => freezeRoster(ruleSetFor('tuiyou'), 'temp_league_branch', leagueMembers(10)))).toBe(
      'TEMP_BRANCH_CANNOT_HOLD',
    );
  });

  it('lets a temporary League branch elect its committee among its attached League members (B7)', () => {
    const attached = leagueMembers(5).map((m) => ({ ...m, home: false }));
    const roster = freezeRoster(ruleSetFor('league_branch_election'), 'temp_league_branch', attached);
    expect(roster.expected).toBe(5);
  });

  it('refuses an acceptance vote in a League branch with the ordinary unit-kind code', () => {
    expect(codeOf(() => assertUnitCanHold(ruleSetFor('acceptance'), 'league_branch'))).toBe('UNIT_KIND_INVALID');
  });
});

describe('League votes', () => {
  it('gives League members of the branch a 推优 vote, including party members who keep 团籍', () => {
    const rs = ruleSetFor('tuiyou');
    expect(hasVotingRight(rs, 'league_branch', member('l', 'league_member', { leagueMember: true }))).toBe(true);
    expect(hasVotingRight(rs, 'league_branch', member('k', 'probationary_member', { leagueMember: true }))).toBe(true);
    expect(hasVotingRight(rs, 'league_branch', member('m', 'masses'))).toBe(false);
  });

  it('refuses 推优 in a League branch of 2 (B7: 3 League members make a branch)', () => {
    expect(codeOf(() => freezeRoster(ruleSetFor('tuiyou'), 'league_branch', leagueMembers(2)))).toBe('TOO_FEW_VOTERS');
  });

  it('takes the 推优 quota base from all League members of the branch', () => {
    const roster = freezeRoster(ruleSetFor('tuiyou'), 'league_branch', [
      ...leagueMembers(9),
      member('s', 'league_member', { leagueMember: true, rightsSuspended: true }),
    ]);
    expect(roster.expected).toBe(9);
    expect(roster.quotaBase).toBe(10);
  });
});

describe('民主评议党员 participants', () => {
  it('lets probationary members rate by default but grades formal members only (C2)', () => {
    const members = [...formalMembers(6), member('p1', 'probationary_member')];
    const roster = freezeRoster(ruleSetFor('party_evaluation'), 'party_branch', members);
    expect(roster.voters).toContain('p1');
    expect(roster.subjects).toEqual(ids(formalMembers(6)));
    expect(roster.ungraded).toEqual(['p1']);
    expect(roster.quotaBase).toBe(6);
  });

  it('keeps probationary members out of the raters when the school says so', () => {
    const rs = ruleSetFor('party_evaluation', '2014', { probationaryMembersRate: false });
    const roster = freezeRoster(rs, 'party_branch', [...formalMembers(3), member('p1', 'probationary_member')]);
    expect(roster.voters).not.toContain('p1');
    expect(roster.ungraded).toEqual(['p1']);
  });

  it('still grades a member under 留党察看, who cannot rate', () => {
    const members = [...formalMembers(3), member('s', 'full_member', { rightsSuspended: true })];
    const roster = freezeRoster(ruleSetFor('party_evaluation'), 'party_branch', members);
    expect(roster.voters).not.toContain('s');
    expect(roster.subjects).toContain('s');
  });
});

describe('leaving members out of 应到 (A15)', () => {
  const acceptance = ruleSetFor('acceptance');

  it('lowers 应到 for an exclusion with higher approval and the meeting’s agreement', () => {
    const roster = freezeRoster(acceptance, 'party_branch', formalMembers(11), [approved('f11')]);
    expect(roster.expected).toBe(10);
    expect(roster.voters).toHaveLength(11);
    expect(isExpectedVoter(roster, 'f11')).toBe(false);
    expect(isExpectedVoter(roster, 'f10')).toBe(true);
  });

  it('refuses an exclusion without higher approval', () => {
    const e = { ...approved('f11'), higherApproval: '  ' };
    expect(codeOf(() => freezeRoster(acceptance, 'party_branch', formalMembers(11), [e]))).toBe(
      'EXCLUSION_NOT_APPROVED',
    );
  });

  it('refuses an exclusion the meeting did not agree to', () => {
    const e = { ...approved('f11'), meetingAgreed: false };
    expect(codeOf(() => freezeRoster(acceptance, 'party_branch', formalMembers(11), [e]))).toBe(
      'EXCLUSION_NOT_APPROVED',
    );
  });

  it('refuses excluding someone who has no vote anyway', () => {
    const members = [...formalMembers(4), member('p1', 'probationary_member')];
    expect(codeOf(() => freezeRoster(acceptance, 'party_branch', members, [approved('p1')]))).toBe('NOT_ON_ROSTER');
  });

  it('refuses excluding the same member twice', () => {
    expect(
      codeOf(() => freezeRoster(acceptance, 'party_branch', formalMembers(5), [approved('f01'), approved('f01')])),
    ).toBe('BAD_INPUT');
  });

  it('refuses a roster whose 应到 would be zero', () => {
    const all = ids(formalMembers(3)).map(approved);
    expect(codeOf(() => freezeRoster(acceptance, 'party_branch', formalMembers(3), all))).toBe('TOO_FEW_VOTERS');
  });
});

describe('branchMemberOf', () => {
  const person: Person = {
    _id: 'p1',
    openid: null,
    name: '张三',
    studentNo: '2024001',
    collegeId: 'c1',
    homePartyBranchId: 'pb1',
    homeLeagueBranchId: 'lb1',
    status: 'full_member',
    statusHistory: [],
    memberOf: ['c1', 'pb1', 'lb1', 'as1'],
    reach: [],
    positions: [],
  };

  it('is home in the party branch that holds the relation', () => {
    expect(branchMemberOf(person, { _id: 'pb1', kind: 'party_branch' }).home).toBe(true);
    expect(branchMemberOf(person, { _id: 'pb2', kind: 'party_branch' }).home).toBe(false);
  });

  it('is never home in a temporary branch', () => {
    expect(branchMemberOf(person, { _id: 'pb1', kind: 'temp_party_branch' }).home).toBe(false);
  });

  it('finds the members of an association by registration, with suspended rights marked', () => {
    const other = { ...person, _id: 'p2', memberOf: ['c1'], homePartyBranchId: null, homeLeagueBranchId: null };
    const found = unitMembers([person, other], { _id: 'as1', kind: 'association' }, new Set(['p1']));
    expect(found).toEqual([expect.objectContaining({ personId: 'p1', home: false, rightsSuspended: true })]);
  });

  it('finds the members of a home branch by the home id even without a registration entry', () => {
    const noEntry = { ...person, memberOf: [] };
    expect(unitMembers([noEntry], { _id: 'pb1', kind: 'party_branch' })).toHaveLength(1);
  });

  it('is a League member while a League registration is held', () => {
    expect(branchMemberOf(person, { _id: 'lb1', kind: 'league_branch' })).toMatchObject({
      home: true,
      leagueMember: true,
    });
    expect(
      branchMemberOf({ ...person, homeLeagueBranchId: null }, { _id: 'lb1', kind: 'league_branch' }).leagueMember,
    ).toBe(false);
  });
});

describe('实到 from the records of who checked in (C2)', () => {
  it('counts each checked-in voter once, and not a rater without a vote', () => {
    const roster = {
      voters: ['a', 'b', 'c', 'r'],
      excluded: [],
      expected: 3,
      ratesOnly: ['r'],
      subjects: [],
      ungraded: [],
      quotaBase: 3,
    } as unknown as FrozenRoster;
    expect(presentCount(roster, ['a', 'b', 'r', 'a'])).toBe(2);
    expect(checkedInButNotPresent(roster)).toEqual(['r']);
  });
});
