/**
 * Rules that look beyond one vote: what earlier votes and decisions allow this one. The caller loads the history
 * (earlier extensions, 推优 decisions, evaluation grades, earlier evaluations of the branch) and passes the meeting
 * day; nothing here reads a clock or a database. Days are YYYY-MM-DD (Asia/Shanghai).
 */
import type { Grade, Ratio, TuiyouTarget, VoteKind, VoteOutcome, VoteState } from '../../../typings/actions/votes';
import type { UnitKind } from '../../../typings/domain';
import { DomainError } from '../errors';
import type { RuleSet } from './rules';
import { largestWithinShare, withinShare } from './thresholds';

// ------------------------------------------------------------------------------------------------ calendar

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `day` plus whole months, on the matching date of the final month, or its last day when there is none
 * (民法典 第二百零二条; A19: 2025-08-31 + 6 months = 2026-02-28).
 */
export function addMonthsClamped(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

// ------------------------------------------------------------------------------------------------ 推优 (B3)

/** B3: a recommendation is valid for two years. */
export const RECOMMENDATION_VALID_MONTHS = 24;

/**
 * B3 (ytcc.edu.cn 推优细则 第五条 [L]): a 推优 recommendation is valid for two years from the committee's decision:
 * usable from the decision day up to the day before its second anniversary; on the anniversary it has expired.
 */
export function recommendationValid(decidedOn: string, on: string): boolean {
  return on >= decidedOn && on < addMonthsClamped(decidedOn, RECOMMENDATION_VALID_MONTHS);
}

/**
 * B3 ("organised once per semester" [L]): the period a 推优 quota holds across. The spring semester runs from
 * 1 February to 31 July, the autumn semester from 1 August to 31 January (labelled by the year it starts in).
 */
export function tuiyouPeriodOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  if (m >= 2 && m <= 7) return `${y}-spring`;
  return m >= 8 ? `${y}-autumn` : `${y - 1}-autumn`;
}

/** The period in words, for messages: 2026年秋季学期. */
export function tuiyouPeriodLabel(period: string): string {
  const [y, half] = period.split('-');
  return `${y}年${half === 'spring' ? '春季' : '秋季'}学期`;
}

/**
 * B3: the number recommended by a League branch stays within its share of the branch's League members across every
 * 推优 vote of the period, not per vote: earlier decisions of the period count. Throws QUOTA_EXCEEDED.
 */
export function checkTuiyouPeriodQuota(args: {
  earlierInPeriod: number;
  now: number;
  leagueMembers: number;
  quota: Ratio;
  period: string;
}): void {
  const total = args.earlierInPeriod + args.now;
  if (withinShare(total, args.leagueMembers, args.quota)) return;
  const most = largestWithinShare(args.leagueMembers, args.quota);
  throw new DomainError('QUOTA_EXCEEDED', `${tuiyouPeriodLabel(args.period)}推荐人数合计不超过 ${most} 名`, {
    recommended: `本学期已推荐 ${args.earlierInPeriod} 名，本次 ${args.now} 名`,
  });
}

// ------------------------------------------------------------------------------------------------ probation (A19, A20)

/** A20: an extension is at least 6 months and at most 1 year. */
export function extensionMonthsValid(months: number): boolean {
  return Number.isInteger(months) && months >= 6 && months <= 12;
}

/**
 * A19 (党章 第七条; 细则(2014) 第三十二条): probation is one year from the branch meeting that accepted the member;
 * A20: an extension adds its months. Returns the day probation ends.
 */
export function probationEnd(probationSince: string, extensionMonths: number | null): string {
  return addMonthsClamped(probationSince, 12 + (extensionMonths ?? 0));
}

/**
 * A20 (细则(2014) 第三十二条; 党章 第七条): when probation ends the branch discusses conversion or an extension;
 * a meeting before the end day may not. A member whose acceptance day is not recorded is not held to it (the
 * branch checks the paper file), as with League membership (B3).
 */
export function probationEnded(probationSince: string | null, extensionMonths: number | null, on: string): boolean {
  if (!probationSince) return true;
  return on >= probationEnd(probationSince, extensionMonths);
}

/** A20: probation is extended at most once. */
export function extensionAllowed(earlierExtensions: number): boolean {
  return earlierExtensions === 0;
}

// ------------------------------------------------------------------------------------------------ 发展对象 (A7)

/** A7 (细则(2014) 第十三条): an activist becomes a 发展对象 only after at least one year of cultivation. */
export function activistOneYear(activistSince: string | null, on: string): boolean {
  if (!activistSince) return true;
  return on >= addMonthsClamped(activistSince, 12);
}

// ------------------------------------------------------------------------------------------------ honors (C3, C5)

export interface EvaluationGrade {
  kind: Extract<VoteKind, 'party_evaluation' | 'league_evaluation'>;
  /** The day the committee's grades were decided. */
  decidedOn: string;
  grade: Grade;
}

/** Which evaluation an honor in this kind of unit draws on: the party line's, the League line's, or either. */
export function honorEvaluationKinds(unitKind: UnitKind): EvaluationGrade['kind'][] {
  if (unitKind === 'party_branch' || unitKind === 'temp_party_branch') return ['party_evaluation'];
  if (unitKind === 'league_branch' || unitKind === 'temp_league_branch') return ['league_evaluation'];
  return ['party_evaluation', 'league_evaluation'];
}

/**
 * C3 (12371.cn 民主评议党员专题: commended members are drawn from those graded 优秀) and C5 (sast-sy.com [L]: awards
 * drawn from the previous year's 优秀): a person stands for an honor only if their latest grade of the year's
 * evaluation — decided in the honor's year or, while that year has none yet, the year before — is 优秀.
 */
export function gradedExcellentForHonor(grades: readonly EvaluationGrade[], unitKind: UnitKind, on: string): boolean {
  const year = Number(on.slice(0, 4));
  const kinds = honorEvaluationKinds(unitKind);
  const usable = grades
    .filter((g) => kinds.includes(g.kind) && g.decidedOn <= on)
    .filter((g) => {
      const y = Number(g.decidedOn.slice(0, 4));
      return y === year || y === year - 1;
    });
  if (usable.length === 0) return false;
  const latestYear = Math.max(...usable.map((g) => Number(g.decidedOn.slice(0, 4))));
  return usable.some((g) => Number(g.decidedOn.slice(0, 4)) === latestYear && g.grade === 'excellent');
}

// ------------------------------------------------------------------------------------------------ annual evaluation (C1)

export interface EarlierVote {
  kind: VoteKind;
  state: VoteState;
  outcome: VoteOutcome | null;
  /** ISO or YYYY-MM-DD: its year is the evaluation's year. */
  scheduledStart: string;
}

/**
 * C1 (党员教育管理工作条例(2019); 支部工作条例): 民主评议党员 is held once a year per branch; C5: 团员教育评议 is the
 * annual basis of League registration, likewise once a year. A vote withdrawn before the meeting, or one that
 * did not count (void, inquorate: it must be held again), does not use the year's evaluation.
 */
export function evaluationHeldInYear(kind: VoteKind, earlier: readonly EarlierVote[], year: string): boolean {
  return earlier.some(
    (v) =>
      v.kind === kind &&
      v.scheduledStart.slice(0, 4) === year &&
      (v.state === 'draft' || v.state === 'open' || (v.state === 'closed' && v.outcome === 'counted')),
  );
}

// ------------------------------------------------------------------------------------------------ per candidate

/** What earlier votes say about one candidate. */
export interface CandidateHistory {
  /** A19: the day the branch meeting accepted them (status history), or null. */
  probationSince: string | null;
  /** A7: the day they became an activist, or null. */
  activistSince: string | null;
  /** A20: extensions of their probation that passed, with their months. */
  extensions: readonly { months: number }[];
  /** B3: 推优 recommendations of their home League branch's committee. */
  recommendations: readonly { target: TuiyouTarget; decidedOn: string }[];
  /** C3: their grades in recorded evaluations. */
  grades: readonly EvaluationGrade[];
  /** Holds League membership (B1: League members go through 推优). */
  leagueMember: boolean;
}

/**
 * The history checks of a candidate for the vote's kind, on the meeting day `on`:
 * - extension: probation has ended (PROBATION_NOT_ENDED) and was never extended (EXTENSION_ALREADY_USED);
 * - conversion: probation, with any extension, has ended (PROBATION_NOT_ENDED);
 * - 确定入党积极分子 / 确定发展对象: a League member holds a valid 推优 of the matching target (TUIYOU_REQUIRED; B1,
 *   B2, B3); a 发展对象 has been an activist for a year (ACTIVIST_TOO_RECENT; A7);
 * - 评优: graded 优秀 in the year's evaluation (NOT_GRADED_EXCELLENT; C3).
 */
export function checkCandidateHistory(
  ruleSet: RuleSet,
  unitKind: UnitKind,
  candidateId: string,
  h: CandidateHistory,
  on: string,
): void {
  const refuse = (code: ConstructorParameters<typeof DomainError>[0], why: string): never => {
    throw new DomainError(code, undefined, { [candidateId]: why });
  };
  const extension = h.extensions[0]?.months ?? null;
  switch (ruleSet.kind) {
    case 'extension':
      if (!extensionAllowed(h.extensions.length)) refuse('EXTENSION_ALREADY_USED', '预备期已延长过一次');
      if (!probationEnded(h.probationSince, null, on)) {
        refuse('PROBATION_NOT_ENDED', `预备期至 ${probationEnd(h.probationSince as string, null)} 期满`);
      }
      return;
    case 'conversion':
      if (!probationEnded(h.probationSince, extension, on)) {
        refuse('PROBATION_NOT_ENDED', `预备期至 ${probationEnd(h.probationSince as string, extension)} 期满`);
      }
      return;
    case 'activist_determination':
    case 'development_candidate_determination': {
      const target: TuiyouTarget = ruleSet.kind === 'activist_determination' ? 'activist' : 'development_candidate';
      if (target === 'development_candidate' && !activistOneYear(h.activistSince, on)) {
        refuse('ACTIVIST_TOO_RECENT', `确定为入党积极分子满一年为 ${addMonthsClamped(h.activistSince as string, 12)}`);
      }
      if (
        h.leagueMember &&
        !h.recommendations.some((r) => r.target === target && recommendationValid(r.decidedOn, on))
      ) {
        refuse('TUIYOU_REQUIRED', '无两年内有效的推优');
      }
      return;
    }
    case 'honor':
      if (!gradedExcellentForHonor(h.grades, unitKind, on)) refuse('NOT_GRADED_EXCELLENT', '本年度评议未评为优秀');
      return;
    default:
      return;
  }
}

/** The kinds whose candidates need history checks (so the caller loads history only for them). */
export function needsHistory(kind: VoteKind): boolean {
  return (
    kind === 'extension' ||
    kind === 'conversion' ||
    kind === 'activist_determination' ||
    kind === 'development_candidate_determination' ||
    kind === 'honor'
  );
}

/**
 * No one records a decision about themselves (the 回避 of 考察不唯票, B4; C1: the committee proposes grades): a
 * 推优 candidate does not record the 推优 decision, a graded member does not record the grades. Another committee
 * member or the higher committee records it. Throws SELF_DECISION.
 */
export function assertNotOwnDecision(subjects: readonly string[], recorderId: string): void {
  if (subjects.includes(recorderId)) throw new DomainError('SELF_DECISION');
}
