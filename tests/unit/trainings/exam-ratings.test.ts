import {
  assertCheckinWindow,
  assertExamOpen,
  assertExamWellFormed,
  assertLeaveInTime,
  assertMarkReason,
  attendanceRate,
  type ExamQuestion,
  noShows,
  ratingAggregate,
  scoreDistribution,
  scoreExam,
} from '../../../server/domain/trainings';

const qs: ExamQuestion[] = [
  { id: 'q1', kind: 'single', text: '单选', options: ['A', 'B', 'C'], answer: [1], points: 40 },
  { id: 'q2', kind: 'multiple', text: '多选', options: ['A', 'B', 'C'], answer: [0, 2], points: 40 },
  { id: 'q3', kind: 'truefalse', text: '判断', options: ['正确', '错误'], answer: [0], points: 20 },
];

describe('scoring an exam on the server', () => {
  it('scores all right answers full marks and passes at the mark', () => {
    const r = scoreExam(
      qs,
      [
        { questionId: 'q1', choice: [1] },
        { questionId: 'q2', choice: [2, 0] },
        { questionId: 'q3', choice: [0] },
      ],
      60,
    );
    expect(r).toMatchObject({ score: 100, total: 100, passed: true });
  });
  it('gives a multiple-choice question nothing unless exactly the right options are chosen', () => {
    expect(scoreExam(qs, [{ questionId: 'q2', choice: [0] }], 60).score).toBe(0);
    expect(scoreExam(qs, [{ questionId: 'q2', choice: [0, 1, 2] }], 60).score).toBe(0);
  });
  it('passes exactly at the pass mark and fails one point below', () => {
    const ans = [
      { questionId: 'q1', choice: [1] },
      { questionId: 'q3', choice: [0] },
    ];
    expect(scoreExam(qs, ans, 60)).toMatchObject({ score: 60, passed: true });
    expect(scoreExam(qs, ans, 61)).toMatchObject({ score: 60, passed: false });
  });
  it('refuses answers to questions not in the exam, twice to one question, or to options that do not exist', () => {
    const bad = (answers: { questionId: string; choice: number[] }[]) => () => scoreExam(qs, answers, 60);
    const code = expect.objectContaining({ code: 'EXAM_ANSWER_UNKNOWN' });
    expect(bad([{ questionId: 'q9', choice: [0] }])).toThrow(code);
    expect(
      bad([
        { questionId: 'q1', choice: [1] },
        { questionId: 'q1', choice: [0] },
      ]),
    ).toThrow(code);
    expect(bad([{ questionId: 'q1', choice: [3] }])).toThrow(code);
    expect(bad([{ questionId: 'q1', choice: [0, 1] }])).toThrow(code);
  });
  it('accepts a submission up to the deadline and not a moment after', () => {
    const deadline = '2026-05-01T18:00:00+08:00';
    expect(() => assertExamOpen(deadline, new Date(deadline))).not.toThrow();
    expect(() => assertExamOpen(deadline, new Date(Date.parse(deadline) + 1))).toThrow(
      expect.objectContaining({ code: 'EXAM_CLOSED' }),
    );
  });
  it('refuses an exam whose key is unsound or whose pass mark cannot be reached', () => {
    const code = expect.objectContaining({ code: 'EXAM_MALFORMED' });
    expect(() => assertExamWellFormed(qs, 101)).toThrow(code);
    expect(() => assertExamWellFormed([{ ...qs[0], answer: [0, 1] }], 10)).toThrow(code);
    expect(() => assertExamWellFormed([{ ...qs[2], options: ['a', 'b', 'c'] }], 10)).toThrow(code);
    expect(() => assertExamWellFormed([qs[0], qs[0]], 10)).toThrow(code);
    expect(() => assertExamWellFormed(qs, 100)).not.toThrow();
  });
  it('bands scores by share of the total', () => {
    expect(scoreDistribution([59, 60, 79.9, 80, 90, 100], 100)).toEqual([1, 1, 1, 1, 2]);
  });
});

describe('ratings', () => {
  const t = (n: number) => ({ n, sums: { content: 4 * n, delivery: 5 * n, usefulness: 3 * n } });
  it('hides the aggregate below 3 ratings and shows averages from 3', () => {
    expect(ratingAggregate(t(2))).toBeNull();
    expect(ratingAggregate(t(3))).toEqual({ n: 3, content: 4, delivery: 5, usefulness: 3, overall: 4 });
  });
});

describe('attendance around a session', () => {
  const start = '2026-05-01T09:00:00+08:00';
  const end = '2026-05-01T11:00:00+08:00';
  it('issues the code from 30 minutes before the start to 30 minutes after the end', () => {
    const code = expect.objectContaining({ code: 'SESSION_NOT_LIVE' });
    expect(() => assertCheckinWindow(start, end, new Date('2026-05-01T08:30:00+08:00'))).not.toThrow();
    expect(() => assertCheckinWindow(start, end, new Date('2026-05-01T08:29:59+08:00'))).toThrow(code);
    expect(() => assertCheckinWindow(start, end, new Date('2026-05-01T11:30:00+08:00'))).not.toThrow();
    expect(() => assertCheckinWindow(start, end, new Date('2026-05-01T11:30:01+08:00'))).toThrow(code);
  });
  it('takes leave only before the start', () => {
    expect(() => assertLeaveInTime(start, new Date('2026-05-01T08:59:59+08:00'))).not.toThrow();
    expect(() => assertLeaveInTime(start, new Date(start))).toThrow(
      expect.objectContaining({ code: 'LEAVE_TOO_LATE' }),
    );
  });
  it('wants a reason for every hand mark', () => {
    expect(() => assertMarkReason('  ')).toThrow(expect.objectContaining({ code: 'MARK_REASON_REQUIRED' }));
    expect(assertMarkReason(' 手机没电 ')).toBe('手机没电');
  });
  it('counts no-shows only after the end, excluding approved leave', () => {
    const after = new Date('2026-05-01T11:00:01+08:00');
    expect(noShows(['a', 'b', 'c'], new Set(['a']), new Set(['b']), end, after)).toEqual(['c']);
    expect(noShows(['a', 'b', 'c'], new Set(), new Set(), end, new Date(end))).toEqual([]);
  });
  it('gives the attendance rate over enrolled × sessions held', () => {
    expect(attendanceRate(3, 2, 2)).toBe(75);
    expect(attendanceRate(0, 0, 2)).toBeNull();
  });
});
