/**
 * The committee's decision after the count (推优 list or evaluation grades): one row per graded member with the
 * rating, the 优秀 counter against the limit the resolution carries, and the dates a decision may carry.
 */
import type { ResolutionLineView } from '../../../typings/actions/votes';
import { GRADE_LABELS, GRADES, type Grade } from '../../typings/vocabulary';
import { formatChineseDate, shanghaiToday } from '../format';
import type { PickerOption } from '../org';

export interface GradeRowVM {
  id: string;
  name: string;
  /** The rating from the count, e.g. 「优秀 6 · 合格 3 · 基本合格 0 · 不合格 0 · 弃权 1」. */
  tallyText: string;
  grade: Grade | '';
  error: string;
}

/** One row per graded member, in the resolution's order, no grade chosen yet. */
export function gradeRows(lines: readonly ResolutionLineView[]): GradeRowVM[] {
  return lines.map((l) => ({
    id: l.candidateId,
    name: l.name,
    tallyText: [
      ...GRADES.map((g) => `${GRADE_LABELS[g]} ${l.grades?.[g] ?? 0}`),
      `弃权 ${l.abstain}`,
      ...(l.invalid ? [`无效 ${l.invalid}`] : []),
    ].join(' · '),
    grade: '',
    error: '',
  }));
}

export interface GradeCounterVM {
  excellent: number;
  limit: number | null;
  /** 「优秀 2 / 上限 3」. */
  text: string;
  over: boolean;
}

/**
 * 优秀 so far against `limit`, the most the vote's quota allows for its roster (ResolutionView.excellentLimit; null
 * when the kind has none). The page only counts: votes.recordDecision checks the grades again (QUOTA_EXCEEDED).
 */
export function gradeCounter(limit: number | null, rows: readonly Pick<GradeRowVM, 'grade'>[]): GradeCounterVM {
  const excellent = rows.filter((r) => r.grade === 'excellent').length;
  return {
    excellent,
    limit,
    text: limit === null ? `优秀 ${excellent}` : `优秀 ${excellent} / 上限 ${limit}`,
    over: limit !== null && excellent > limit,
  };
}

/** The recent dates a committee decision may carry: today and the `days - 1` before it, newest first. */
export function recentDateOptions(now: number = Date.now(), days = 30): PickerOption[] {
  const today = shanghaiToday(now);
  const start = Date.parse(`${today}T00:00:00Z`);
  const out: PickerOption[] = [];
  for (let i = 0; i < days; i++) {
    const value = new Date(start - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ label: `${formatChineseDate(value)}${i === 0 ? '（今天）' : ''}`, value });
  }
  return out;
}
