import {
  checkFinalGrades,
  type FinalGrade,
  freezeRoster,
  leagueExcellentWithinQuota,
  maxExcellent,
  partyExcellentWithinQuota,
  ruleSetFor,
} from '../../../server/domain/votes';
import type { Grade } from '../../../typings/actions/votes';
import { codeOf, formalMembers, ids, leagueMembers, member } from './fixtures';

describe('民主评议党员 优秀 quota (C2: at most 1/3 of formal members)', () => {
  it('allows 3 优秀 of 9 formal members and refuses 4', () => {
    expect(partyExcellentWithinQuota(3, 9)).toBe(true);
    expect(partyExcellentWithinQuota(4, 9)).toBe(false);
  });
  it('allows 3 of 10 and refuses 4 of 10 (12 > 10)', () => {
    expect(partyExcellentWithinQuota(3, 10)).toBe(true);
    expect(partyExcellentWithinQuota(4, 10)).toBe(false);
  });
  it('allows 2 of 8 and refuses 3 of 8', () => {
    expect(partyExcellentWithinQuota(2, 8)).toBe(true);
    expect(partyExcellentWithinQuota(3, 8)).toBe(false);
  });
});

describe('团员教育评议 优秀 quota (C4: at most 30% of those evaluated)', () => {
  it('allows 3 优秀 of 10 evaluated and refuses 4', () => {
    expect(leagueExcellentWithinQuota(3, 10)).toBe(true);
    expect(leagueExcellentWithinQuota(4, 10)).toBe(false);
  });
  it('allows 2 of 7 (20 ≤ 21) and refuses 3 of 7', () => {
    expect(leagueExcellentWithinQuota(2, 7)).toBe(true);
    expect(leagueExcellentWithinQuota(3, 7)).toBe(false);
  });
  it('allows 9 of 30 and refuses 10 of 30', () => {
    expect(leagueExcellentWithinQuota(9, 30)).toBe(true);
    expect(leagueExcellentWithinQuota(10, 30)).toBe(false);
  });
  it('allows no 优秀 at all among 3 evaluated (0.9 rounds down)', () => {
    expect(leagueExcellentWithinQuota(0, 3)).toBe(true);
    expect(leagueExcellentWithinQuota(1, 3)).toBe(false);
  });
});

describe('the committee’s grades', () => {
  const party = ruleSetFor('party_evaluation');
  const roster = freezeRoster(party, 'party_branch', [...formalMembers(9), member('p1', 'probationary_member')]);
  const grade = (excellent: number): FinalGrade[] =>
    ids(formalMembers(9)).map((personId, i) => ({
      personId,
      grade: (i < excellent ? 'excellent' : 'qualified') as Grade,
    }));

  it('accepts 3 优秀 of 9 formal members', () => {
    expect(() => checkFinalGrades(party, roster, grade(3))).not.toThrow();
    expect(maxExcellent(party, roster.quotaBase)).toBe(3);
  });

  it('refuses 4 优秀 of 9 with QUOTA_EXCEEDED', () => {
    expect(codeOf(() => checkFinalGrades(party, roster, grade(4)))).toBe('QUOTA_EXCEEDED');
  });

  it('refuses a grade for a probationary member, who takes part without one', () => {
    expect(codeOf(() => checkFinalGrades(party, roster, [...grade(1), { personId: 'p1', grade: 'qualified' }]))).toBe(
      'NOT_GRADED',
    );
  });

  it('refuses grades that leave a formal member out', () => {
    expect(codeOf(() => checkFinalGrades(party, roster, grade(1).slice(1)))).toBe('DECISION_INCOMPLETE');
  });

  it('refuses a grade for someone outside the branch', () => {
    expect(codeOf(() => checkFinalGrades(party, roster, [...grade(1), { personId: 'zz', grade: 'qualified' }]))).toBe(
      'NOT_ON_ROSTER',
    );
  });

  it('refuses two grades for one member', () => {
    expect(codeOf(() => checkFinalGrades(party, roster, [...grade(1), { personId: 'f01', grade: 'qualified' }]))).toBe(
      'BAD_INPUT',
    );
  });

  it('holds League grades to 30% of those evaluated', () => {
    const league = ruleSetFor('league_evaluation');
    const lr = freezeRoster(league, 'league_branch', leagueMembers(10));
    const lg = (n: number): FinalGrade[] =>
      lr.subjects.map((personId, i) => ({ personId, grade: (i < n ? 'excellent' : 'qualified') as Grade }));
    expect(() => checkFinalGrades(league, lr, lg(3))).not.toThrow();
    expect(codeOf(() => checkFinalGrades(league, lr, lg(4)))).toBe('QUOTA_EXCEEDED');
  });

  it('refuses grades on a vote that is not an evaluation', () => {
    expect(codeOf(() => checkFinalGrades(ruleSetFor('acceptance'), roster, []))).toBe('BAD_INPUT');
  });
});
