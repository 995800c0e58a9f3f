import {
  assertCommitteeReason,
  assertExcellentWithinQuota,
  assertMayAppeal,
  assertWeightsSumToHundred,
  attendanceScore,
  contributionsScore,
  examsScore,
  excellentLimit,
  gradeForScore,
  reportsScore,
  semesterGrades,
  semesterOf,
  semesterRange,
  semesterScore,
} from '../../../server/domain/activists';
import type { DomainError } from '../../../server/domain/errors';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

const bands = { excellent: 90, good: 80, pass: 60 };

describe('the branch’s weights add up to 100 (S4)', () => {
  it('takes 100 and refuses 99 and 101', () => {
    expect(
      codeOf(() => assertWeightsSumToHundred({ attendance: 25, reports: 25, exams: 25, contributions: 25 })),
    ).toBeNull();
    expect(codeOf(() => assertWeightsSumToHundred({ attendance: 25, reports: 25, exams: 25, contributions: 24 }))).toBe(
      'WEIGHTS_NOT_100',
    );
    expect(codeOf(() => assertWeightsSumToHundred({ attendance: 25, reports: 25, exams: 25, contributions: 26 }))).toBe(
      'WEIGHTS_NOT_100',
    );
  });
});

describe('the parts of the grade', () => {
  it('counts attendance against sessions present or absent, leave left out; nothing to attend is no score', () => {
    expect(attendanceScore(2, 1)).toBe(66.7);
    expect(attendanceScore(0, 0)).toBeNull();
  });

  it('weighs report quality by the share of the expected number submitted', () => {
    expect(reportsScore(['excellent', 'excellent'], 2)).toBe(100);
    expect(reportsScore(['excellent'], 2)).toBe(50);
    // An unreviewed report counts toward the number only.
    expect(reportsScore(['good', null], 2)).toBe(85);
    expect(reportsScore([null, null], 2)).toBe(0);
    expect(reportsScore(['excellent', 'good', 'fair'], 2)).toBe(85);
  });

  it('averages exam percentages and has no score without an exam', () => {
    expect(
      examsScore([
        { score: 45, total: 50 },
        { score: 80, total: 100 },
      ]),
    ).toBe(85);
    expect(examsScore([])).toBeNull();
  });

  it('caps contributions at 100', () => {
    expect(contributionsScore([60, 50])).toBe(100);
    expect(contributionsScore([])).toBe(0);
  });

  it('shares the weight of a part with nothing to measure among the others', () => {
    const w = { attendance: 20, reports: 40, exams: 20, contributions: 20 };
    expect(semesterScore({ attendance: null, reports: 100, exams: null, contributions: 100 }, w)).toBe(100);
    expect(semesterScore({ attendance: 50, reports: 100, exams: 100, contributions: 0 }, w)).toBe(70);
    expect(semesterScore({ attendance: null, reports: 0, exams: null, contributions: 0 }, w)).toBe(0);
  });
});

describe('grades at their lines', () => {
  it('gives 优秀 at exactly 90 and 良好 at 89.9', () => {
    expect(gradeForScore(90, bands)).toBe('excellent');
    expect(gradeForScore(89.9, bands)).toBe('good');
    expect(gradeForScore(60, bands)).toBe('pass');
    expect(gradeForScore(59.9, bands)).toBe('fail');
  });
});

describe('the 优秀 quota the branch sets (S4)', () => {
  it('rounds the number of places down', () => {
    expect(excellentLimit(3, 30)).toBe(0);
    expect(excellentLimit(4, 30)).toBe(1);
    expect(excellentLimit(10, 30)).toBe(3);
    expect(excellentLimit(10, null)).toBeNull();
  });

  it('keeps the highest scores and grades the rest 良好', () => {
    const g = semesterGrades(
      [
        { personId: 'a', score: 99 },
        { personId: 'b', score: 95 },
        { personId: 'c', score: 91 },
        { personId: 'd', score: 70 },
      ],
      { bands, excellentShare: 50 },
    );
    expect([...g.values()]).toEqual(['excellent', 'excellent', 'good', 'pass']);
  });

  it('grades everyone tied at the cut 良好 rather than exceed the quota', () => {
    const g = semesterGrades(
      [
        { personId: 'a', score: 99 },
        { personId: 'b', score: 95 },
        { personId: 'c', score: 95 },
        { personId: 'd', score: 50 },
      ],
      { bands, excellentShare: 50 },
    );
    expect([...g.values()]).toEqual(['excellent', 'good', 'good', 'fail']);
  });

  it('leaves every 优秀 without a quota', () => {
    const g = semesterGrades(
      [
        { personId: 'a', score: 99 },
        { personId: 'b', score: 95 },
      ],
      { bands, excellentShare: null },
    );
    expect([...g.values()]).toEqual(['excellent', 'excellent']);
  });

  it('refuses a decision that would pass the limit and takes one that reaches it', () => {
    expect(codeOf(() => assertExcellentWithinQuota(1, 1))).toBeNull();
    expect(codeOf(() => assertExcellentWithinQuota(2, 1))).toBe('GRADE_QUOTA_EXCEEDED');
    expect(codeOf(() => assertExcellentWithinQuota(99, null))).toBeNull();
  });
});

describe('the committee’s decision and the appeal (S4)', () => {
  it('needs a reason only when the committee differs from the computed grade', () => {
    expect(codeOf(() => assertCommitteeReason('good', 'good', ''))).toBeNull();
    expect(codeOf(() => assertCommitteeReason('good', 'excellent', '  '))).toBe('GRADE_REASON_REQUIRED');
    expect(codeOf(() => assertCommitteeReason('good', 'excellent', '表现突出'))).toBeNull();
  });

  it('lets the activist appeal once, after the decision', () => {
    const decided = { personId: 'p', decision: {}, appeal: null };
    expect(codeOf(() => assertMayAppeal(decided, 'p'))).toBeNull();
    expect(codeOf(() => assertMayAppeal(decided, 'q'))).toBe('NOT_YOUR_GRADE');
    expect(codeOf(() => assertMayAppeal({ ...decided, decision: null }, 'p'))).toBe('GRADE_NOT_DECIDED');
    expect(codeOf(() => assertMayAppeal({ ...decided, appeal: {} }, 'p'))).toBe('APPEAL_EXISTS');
  });
});

describe('semesters', () => {
  it('run from 1 September to the end of February and from 1 March to 31 August', () => {
    expect(semesterOf('2026-09-01')).toBe('2026-2027-1');
    expect(semesterOf('2026-08-31')).toBe('2025-2026-2');
    expect(semesterOf('2027-02-28')).toBe('2026-2027-1');
    expect(semesterOf('2027-03-01')).toBe('2026-2027-2');
    expect(semesterRange('2026-2027-1')).toEqual({ start: '2026-09-01', end: '2027-02-28' });
    expect(semesterRange('2027-2028-1')).toEqual({ start: '2027-09-01', end: '2028-02-29' });
    expect(semesterRange('2026-2028-1')).toBeNull();
  });
});
