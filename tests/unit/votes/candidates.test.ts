import {
  checkCandidates,
  leagueMembershipOneYear,
  mayStand,
  ruleSetFor,
  tuiyouCandidateStatus,
} from '../../../server/domain/votes';
import { codeOf, formalMembers, leagueMembers, member } from './fixtures';

const ON = '2026-11-20';
const none = { seats: null, tuiyouTarget: null, on: ON };

describe('who may stand', () => {
  it('puts a development candidate of the branch to the acceptance vote', () => {
    expect(mayStand(ruleSetFor('acceptance'), 'party_branch', member('c', 'development_candidate'), null)).toBe(true);
  });

  it('refuses an activist as an acceptance candidate', () => {
    expect(mayStand(ruleSetFor('acceptance'), 'party_branch', member('a', 'activist'), null)).toBe(false);
  });

  it('refuses a development candidate of another branch', () => {
    expect(
      mayStand(ruleSetFor('acceptance'), 'party_branch', member('c', 'development_candidate', { home: false }), null),
    ).toBe(false);
  });

  it('puts only probationary members to conversion, extension and cancellation', () => {
    for (const kind of ['conversion', 'extension', 'cancellation'] as const) {
      expect(mayStand(ruleSetFor(kind), 'party_branch', member('p', 'probationary_member'), null)).toBe(true);
      expect(mayStand(ruleSetFor(kind), 'party_branch', member('f', 'full_member'), null)).toBe(false);
    }
  });

  it('recommends applicants to become activists and activists to become development candidates (B2)', () => {
    expect(tuiyouCandidateStatus('activist')).toBe('party_applicant');
    expect(tuiyouCandidateStatus('development_candidate')).toBe('activist');
    const rs = ruleSetFor('tuiyou');
    const applicant = member('a', 'party_applicant', { leagueMember: true });
    expect(mayStand(rs, 'league_branch', applicant, 'activist')).toBe(true);
    expect(mayStand(rs, 'league_branch', applicant, 'development_candidate')).toBe(false);
  });

  it('refuses a probationary member as a party branch committee candidate (no 被选举权)', () => {
    const rs = ruleSetFor('party_branch_election');
    expect(mayStand(rs, 'party_branch', member('p', 'probationary_member'), null)).toBe(false);
    expect(mayStand(rs, 'party_branch', member('f', 'full_member'), null)).toBe(true);
  });
});

describe('candidate lists', () => {
  const members = [...formalMembers(5), member('c1', 'development_candidate'), member('c2', 'development_candidate')];

  it('accepts two acceptance candidates, each voted on separately', () => {
    expect(() =>
      checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, { ...none, candidateIds: ['c1', 'c2'] }),
    ).not.toThrow();
  });

  it('refuses an empty list', () => {
    expect(
      codeOf(() => checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, { ...none, candidateIds: [] })),
    ).toBe('TOO_FEW_CANDIDATES');
  });

  it('refuses the same candidate twice', () => {
    expect(
      codeOf(() =>
        checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, { ...none, candidateIds: ['c1', 'c1'] }),
      ),
    ).toBe('BAD_INPUT');
  });

  it('refuses someone who is not a member of the unit', () => {
    expect(
      codeOf(() =>
        checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, { ...none, candidateIds: ['zz'] }),
      ),
    ).toBe('CANDIDATE_NOT_ELIGIBLE');
  });

  it('refuses seats on a per-candidate vote', () => {
    expect(
      codeOf(() =>
        checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, {
          candidateIds: ['c1'],
          seats: 1,
          tuiyouTarget: null,
          on: ON,
        }),
      ),
    ).toBe('BAD_INPUT');
  });

  it('requires a target for 推优 and refuses one elsewhere', () => {
    const league = [...leagueMembers(5), member('a1', 'party_applicant', { leagueMember: true })];
    expect(
      codeOf(() => checkCandidates(ruleSetFor('tuiyou'), 'league_branch', league, { ...none, candidateIds: ['a1'] })),
    ).toBe('BAD_INPUT');
    expect(() =>
      checkCandidates(ruleSetFor('tuiyou'), 'league_branch', league, {
        candidateIds: ['a1'],
        seats: null,
        tuiyouTarget: 'activist',
        on: ON,
      }),
    ).not.toThrow();
    expect(
      codeOf(() =>
        checkCandidates(ruleSetFor('acceptance'), 'party_branch', members, {
          candidateIds: ['c1'],
          seats: null,
          tuiyouTarget: 'activist',
          on: ON,
        }),
      ),
    ).toBe('BAD_INPUT');
  });

  it('takes evaluation subjects from the roster and refuses a candidate list', () => {
    expect(() =>
      checkCandidates(ruleSetFor('party_evaluation'), 'party_branch', members, { ...none, candidateIds: [] }),
    ).not.toThrow();
    expect(
      codeOf(() =>
        checkCandidates(ruleSetFor('party_evaluation'), 'party_branch', members, { ...none, candidateIds: ['f01'] }),
      ),
    ).toBe('BAD_INPUT');
  });
});

describe('election candidate margins', () => {
  const league = leagueMembers(12);
  const ids = (n: number) => league.slice(0, n).map((m) => m.personId);
  const setup = (n: number, seats: number) => ({ candidateIds: ids(n), seats, tuiyouTarget: null, on: ON });
  const rs = ruleSetFor('league_branch_election');

  it('refuses 3 candidates for 3 League committee seats (B7: at least 1.2 × seats)', () => {
    expect(codeOf(() => checkCandidates(rs, 'league_branch', league, setup(3, 3)))).toBe('TOO_FEW_CANDIDATES');
  });

  it('accepts 4 candidates for 3 seats', () => {
    expect(() => checkCandidates(rs, 'league_branch', league, setup(4, 3))).not.toThrow();
  });

  it('refuses 5 candidates for 5 seats and accepts 6', () => {
    expect(codeOf(() => checkCandidates(rs, 'league_branch', league, setup(5, 5)))).toBe('TOO_FEW_CANDIDATES');
    expect(() => checkCandidates(rs, 'league_branch', league, setup(6, 5))).not.toThrow();
  });

  it('requires seats for an election', () => {
    expect(
      codeOf(() =>
        checkCandidates(rs, 'league_branch', league, { candidateIds: ids(4), seats: null, tuiyouTarget: null, on: ON }),
      ),
    ).toBe('BAD_INPUT');
  });

  it('requires more backbone candidates than seats (D5)', () => {
    const assoc = leagueMembers(6).map((m) => ({ ...m, home: false }));
    const b = ruleSetFor('backbone_election');
    expect(codeOf(() => checkCandidates(b, 'association', assoc, setup(2, 2)))).toBe('TOO_FEW_CANDIDATES');
    expect(() => checkCandidates(b, 'association', assoc, setup(3, 2))).not.toThrow();
  });

  it('accepts any number of 评优 nominees, the rules being silent', () => {
    expect(() => checkCandidates(ruleSetFor('honor'), 'league_branch', league, setup(2, 2))).not.toThrow();
  });
});

describe('推优: at least one year in the League (B3)', () => {
  it('counts the year to the meeting day, the anniversary itself included', () => {
    expect(leagueMembershipOneYear('2025-11-20', '2026-11-19')).toBe(false);
    expect(leagueMembershipOneYear('2025-11-20', '2026-11-20')).toBe(true);
    // A member who joined on 29 February has completed the year on 1 March of a common year.
    expect(leagueMembershipOneYear('2024-02-29', '2025-02-28')).toBe(false);
    expect(leagueMembershipOneYear('2024-02-29', '2025-03-01')).toBe(true);
  });

  it('does not hold an unrecorded joining date against the member', () => {
    expect(leagueMembershipOneYear(null, '2026-11-20')).toBe(true);
    expect(leagueMembershipOneYear(undefined, '2026-11-20')).toBe(true);
  });

  it('refuses a candidate who joined less than a year before the meeting, naming them', () => {
    const league = [
      ...leagueMembers(5),
      member('n1', 'party_applicant', { leagueMember: true, leagueSince: '2026-03-01' }),
    ];
    const setup = { seats: null, tuiyouTarget: 'activist' as const, candidateIds: ['n1'] };
    const refused = (() => {
      try {
        checkCandidates(ruleSetFor('tuiyou'), 'league_branch', league, { ...setup, on: '2026-11-20' });
        return null;
      } catch (e) {
        return e as { code: string; fields?: Record<string, string> };
      }
    })();
    expect(refused?.code).toBe('CANDIDATE_NOT_ELIGIBLE');
    expect(refused?.fields).toEqual({ n1: '入团未满一年，不能推优' });
    expect(() =>
      checkCandidates(ruleSetFor('tuiyou'), 'league_branch', league, { ...setup, on: '2027-03-01' }),
    ).not.toThrow();
  });
});
