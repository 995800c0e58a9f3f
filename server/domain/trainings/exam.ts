/**
 * Exams scored on the server: single choice, multiple choice (all and only the right options) and true/false; a
 * pass mark; one submission, before the deadline. The answer key never leaves the server before submission.
 */
import type { QuestionKind } from '../../../typings/vocabulary';
import { DomainError } from '../errors';

export interface ExamQuestion {
  id: string;
  kind: QuestionKind;
  text: string;
  options: string[];
  /** Indexes of the right options. */
  answer: number[];
  points: number;
}

export interface ExamAnswer {
  questionId: string;
  choice: number[];
}

/** The options of a true/false question, fixed. */
export const TRUE_FALSE_OPTIONS = ['正确', '错误'];

/** An exam's definition is sound: unique ids, the right option counts, answers within the options, a reachable pass mark. */
export function assertExamWellFormed(questions: readonly ExamQuestion[], passMark: number): void {
  const bad = (why: string) => new DomainError('EXAM_MALFORMED', `试题设置有误：${why}`);
  if (questions.length === 0) throw bad('至少需要一道题');
  const ids = new Set<string>();
  for (const q of questions) {
    if (ids.has(q.id)) throw bad('题目编号重复');
    ids.add(q.id);
    if (q.kind === 'truefalse' && q.options.length !== 2) throw bad('判断题只有"正确""错误"两个选项');
    if (q.kind !== 'truefalse' && q.options.length < 2) throw bad('选择题至少两个选项');
    if (new Set(q.answer).size !== q.answer.length) throw bad('答案重复');
    if (q.answer.some((i) => i < 0 || i >= q.options.length)) throw bad('答案不在选项范围内');
    if (q.kind !== 'multiple' && q.answer.length !== 1) throw bad('单选题和判断题只有一个正确答案');
    if (q.kind === 'multiple' && q.answer.length < 1) throw bad('多选题至少一个正确答案');
  }
  if (passMark > totalPoints(questions)) throw bad('及格分高于总分');
}

export function totalPoints(questions: readonly ExamQuestion[]): number {
  return questions.reduce((s, q) => s + q.points, 0);
}

/** An exam is taken before its deadline (ISO instants). */
export function assertExamOpen(deadline: string, now: Date): void {
  if (now.getTime() > Date.parse(deadline)) throw new DomainError('EXAM_CLOSED');
}

/**
 * Scores a submission. Every answer must name a question of this exam, once (EXAM_ANSWER_UNKNOWN) and choose options
 * that exist (one for single choice and true/false); unanswered questions score nothing; a multiple-choice question
 * scores only when exactly the right options are chosen.
 */
export function scoreExam(
  questions: readonly ExamQuestion[],
  answers: readonly ExamAnswer[],
  passMark: number,
): { score: number; total: number; passed: boolean; correct: string[] } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  for (const a of answers) {
    const q = byId.get(a.questionId);
    if (!q || seen.has(a.questionId)) throw new DomainError('EXAM_ANSWER_UNKNOWN');
    seen.add(a.questionId);
    if (a.choice.some((i) => !Number.isInteger(i) || i < 0 || i >= q.options.length)) {
      throw new DomainError('EXAM_ANSWER_UNKNOWN');
    }
    if (q.kind !== 'multiple' && a.choice.length > 1) throw new DomainError('EXAM_ANSWER_UNKNOWN');
  }
  const correct: string[] = [];
  let score = 0;
  for (const a of answers) {
    const q = byId.get(a.questionId)!;
    const chosen = [...new Set(a.choice)].sort((x, y) => x - y);
    const right = [...q.answer].sort((x, y) => x - y);
    if (chosen.length === right.length && chosen.every((c, i) => c === right[i])) {
      score += q.points;
      correct.push(q.id);
    }
  }
  return { score, total: totalPoints(questions), passed: score >= passMark, correct };
}

/** Score distribution in bands of the total: under 60 %, 60–69, 70–79, 80–89, 90 % and above. */
export const SCORE_BANDS = ['<60%', '60–69%', '70–79%', '80–89%', '≥90%'] as const;

export function scoreDistribution(scores: readonly number[], total: number): number[] {
  const out = [0, 0, 0, 0, 0];
  for (const s of scores) {
    const pct = total > 0 ? (s / total) * 100 : 0;
    out[pct >= 90 ? 4 : pct >= 80 ? 3 : pct >= 70 ? 2 : pct >= 60 ? 1 : 0] += 1;
  }
  return out;
}
