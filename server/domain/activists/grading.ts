/**
 * The semester grade of an activist's file (S4): attendance at activities and trainings, the number and quality of
 * ideological reports, exam results and special contributions, weighed by the branch; graded once a semester, with
 * the committee's decision kept beside the computed grade and one appeal.
 *
 * The rules give no quota for activists: the 优秀 shares of C2 (at most a third, party members' 民主评议) and C4
 * (at most 30 %, League members) are for other evaluations. The share of 优秀 among a branch's activists is the
 * branch's own setting, and without one there is no quota (see the rulebook's decisions).
 */
import {
  type ActivistGrade,
  GRADE_COMPONENTS,
  type GradeComponent,
  type ReportMark,
} from '../../../typings/vocabulary';
import { DomainError } from '../errors';

export type Weights = Record<GradeComponent, number>;

/** The branch's grading setting. */
export interface GradingSettings {
  weights: Weights;
  /** Percent of graded activists who may be 优秀 (null: the branch sets no quota). */
  excellentShare: number | null;
  /** Ideological reports expected in a semester (the quantity half of the reports score). */
  reportsExpected: number;
  /** Lowest score of each grade above 不合格. */
  bands: { excellent: number; good: number; pass: number };
}

/** Where a branch that set nothing starts: equal parts of the four components, bands 90/80/60, two reports. */
export const DEFAULT_GRADING: GradingSettings = {
  weights: { attendance: 30, reports: 30, exams: 30, contributions: 10 },
  excellentShare: null,
  reportsExpected: 2,
  bands: { excellent: 90, good: 80, pass: 60 },
};

/** S4: the branch's weights are whole percentages of the grade and add up to exactly 100. */
export function assertWeightsSumToHundred(weights: Weights): void {
  const sum = GRADE_COMPONENTS.reduce((s, k) => s + weights[k], 0);
  if (sum !== 100) throw new DomainError('WEIGHTS_NOT_100', `各项权重之和应为 100，当前为 ${sum}`);
}

/** S4: bands descend (优秀 above 良好 above 合格). */
export function assertBandsDescend(bands: GradingSettings['bands']): void {
  if (!(bands.excellent > bands.good && bands.good > bands.pass)) {
    throw new DomainError('BAD_INPUT', undefined, { bands: '分数线应为 优秀 > 良好 > 合格' });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Attendance: sessions present out of those that counted (approved leave does not count); null when none did. */
export function attendanceScore(present: number, absent: number): number | null {
  const counted = present + absent;
  return counted === 0 ? null : round1((100 * present) / counted);
}

/** The points a report's quality mark is worth. */
export const REPORT_MARK_POINTS: Record<ReportMark, number> = { excellent: 100, good: 85, fair: 70, poor: 50 };

/**
 * Reports, their number and quality (S4): the mean points of the reviewed reports, times the share of the expected
 * number submitted (at most 1). Unreviewed reports count toward the number only; nothing reviewed scores 0.
 */
export function reportsScore(marks: readonly (ReportMark | null)[], expected: number): number {
  const reviewed = marks.filter((m): m is ReportMark => m !== null);
  if (reviewed.length === 0) return 0;
  const quality = reviewed.reduce((s, m) => s + REPORT_MARK_POINTS[m], 0) / reviewed.length;
  const quantity = Math.min(1, marks.length / Math.max(1, expected));
  return round1(quality * quantity);
}

/** Exams: the mean of the percentages; null when the activist sat none this semester. */
export function examsScore(results: readonly { score: number; total: number }[]): number | null {
  const usable = results.filter((r) => r.total > 0);
  if (usable.length === 0) return null;
  return round1(usable.reduce((s, r) => s + (100 * r.score) / r.total, 0) / usable.length);
}

/** Special contributions: the points the officers recorded, at most 100. */
export function contributionsScore(points: readonly number[]): number {
  return Math.min(
    100,
    points.reduce((s, p) => s + p, 0),
  );
}

/**
 * The weighed score. A component with nothing to measure (no session to attend, no exam sat) is left out and its
 * weight shared among the others in proportion, so nobody loses marks for what was not offered.
 */
export function semesterScore(components: Record<GradeComponent, number | null>, weights: Weights): number {
  let sum = 0;
  let weight = 0;
  for (const k of GRADE_COMPONENTS) {
    const c = components[k];
    if (c === null || weights[k] === 0) continue;
    sum += c * weights[k];
    weight += weights[k];
  }
  return weight === 0 ? 0 : round1(sum / weight);
}

export function gradeForScore(score: number, bands: GradingSettings['bands']): ActivistGrade {
  if (score >= bands.excellent) return 'excellent';
  if (score >= bands.good) return 'good';
  if (score >= bands.pass) return 'pass';
  return 'fail';
}

/** The most 优秀 a branch may give among `graded` activists (null: no quota). Integer arithmetic, rounded down. */
export function excellentLimit(graded: number, sharePercent: number | null): number | null {
  if (sharePercent === null) return null;
  return Math.floor((graded * sharePercent) / 100);
}

/**
 * The computed semester grades of a branch (S4): each activist's band by score, then the 优秀 quota. When more
 * reach the 优秀 line than the quota allows, the highest scores keep 优秀 and the rest are graded 良好; activists
 * tied at the cut are all graded 良好, so the quota is never exceeded by a tie.
 */
export function semesterGrades(
  entries: readonly { personId: string; score: number }[],
  settings: Pick<GradingSettings, 'bands' | 'excellentShare'>,
): Map<string, ActivistGrade> {
  const out = new Map<string, ActivistGrade>();
  for (const e of entries) out.set(e.personId, gradeForScore(e.score, settings.bands));
  const limit = excellentLimit(entries.length, settings.excellentShare);
  const excellent = entries.filter((e) => out.get(e.personId) === 'excellent').sort((a, b) => b.score - a.score);
  if (limit === null || excellent.length <= limit) return out;
  // The score of the first one left out: everyone at or below it loses 优秀.
  const cut = excellent[limit]!.score;
  for (const e of excellent) if (e.score <= cut) out.set(e.personId, 'good');
  return out;
}

/** S4: the committee's 优秀 stay within the branch's quota. */
export function assertExcellentWithinQuota(excellentAfter: number, limit: number | null): void {
  if (limit !== null && excellentAfter > limit) {
    throw new DomainError('GRADE_QUOTA_EXCEEDED', `本学期优秀名额为 ${limit} 名，已用完`);
  }
}

/** S4: the committee may decide otherwise than the computed grade, with its reason on record. */
export function assertCommitteeReason(computed: ActivistGrade, decided: ActivistGrade, reason: string): void {
  if (decided !== computed && reason.trim() === '') throw new DomainError('GRADE_REASON_REQUIRED');
}

/** S4: the activist, and no one else, appeals their grade once, after the committee decided it. */
export function assertMayAppeal(
  grade: { personId: string; decision: unknown | null; appeal: unknown | null },
  actorId: string,
): void {
  if (grade.personId !== actorId) throw new DomainError('NOT_YOUR_GRADE');
  if (grade.decision === null) throw new DomainError('GRADE_NOT_DECIDED');
  if (grade.appeal !== null) throw new DomainError('APPEAL_EXISTS');
}
