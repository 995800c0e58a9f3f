/**
 * The counting rules, one function each, integers only. A share is a ratio {num, den}; "more than the
 * share of base" is `den * count > num * base`, never a division. Every denominator named "expected"
 * is 应到 (roster minus approved exclusions), never 实到, unless the function says otherwise.
 */
import type { Ratio } from '../../../typings/actions/votes';

export const HALF: Ratio = { num: 1, den: 2 };
export const TWO_THIRDS: Ratio = { num: 2, den: 3 };
export const FOUR_FIFTHS: Ratio = { num: 4, den: 5 };
export const ONE_THIRD: Ratio = { num: 1, den: 3 };
export const THIRTY_PERCENT: Ratio = { num: 3, den: 10 };
export const TWENTY_PERCENT: Ratio = { num: 1, den: 5 };
/** 1.2 × seats: at least 20% more candidates than seats. */
export const SIX_FIFTHS: Ratio = { num: 6, den: 5 };
export const WHOLE: Ratio = { num: 1, den: 1 };

/** `count` is strictly more than `share` of `base`: den·count > num·base. */
export function exceedsShare(count: number, base: number, share: Ratio): boolean {
  return share.den * count > share.num * base;
}

/** `count` is at most `share` of `base`: den·count ≤ num·base (quotas). */
export function withinShare(count: number, base: number, share: Ratio): boolean {
  return share.den * count <= share.num * base;
}

/** The largest count that stays within `share` of `base` (for messages such as 「优秀不超过 3 人」). */
export function largestWithinShare(base: number, share: Ratio): number {
  return Math.floor((share.num * base) / share.den);
}

/** Compares two shares exactly: negative if a < b, 0 if equal, positive if a > b. */
export function compareShares(a: Ratio, b: Ratio): number {
  return a.num * b.den - b.num * a.den;
}

/**
 * 细则(2014) 第二十条 (A13; reported 2026.05 第十九条): the branch meeting may vote only if the members with
 * voting rights present exceed half of those with voting rights who should attend. Written opinions do not
 * make anyone present.
 */
export function quorumHolds(present: number, expected: number, quorum: Ratio = HALF): boolean {
  return exceedsShare(present, expected, quorum);
}

/**
 * 细则(2014) 第二十一条 (A14; reported 2026.05 第二十条): a candidate is accepted only if the yes votes, in the
 * room plus formal written opinions given before the meeting, exceed half of the formal members with voting
 * rights who should attend (应到). 5 yes of 11 expected fails even when only 6 are present.
 */
export function acceptancePasses(yes: number, expected: number, pass: Ratio = HALF): boolean {
  return exceedsShare(yes, expected, pass);
}

/** 细则(2014) 第三十三条 (A21; reported 2026.05 第三十二条): conversion needs the same majority as acceptance. */
export function conversionPasses(yes: number, expected: number, pass: Ratio = HALF): boolean {
  return acceptancePasses(yes, expected, pass);
}

/**
 * 细则(2014) 第三十二条 and 党章 第七条 (A20): extending probation or cancelling status is decided by the
 * branch meeting; lsnu.edu.cn 票决制 [L] holds it to the acceptance majority, which we apply.
 */
export function probationDecisionPasses(yes: number, expected: number, pass: Ratio = HALF): boolean {
  return acceptancePasses(yes, expected, pass);
}

/**
 * 推优 (B4, wiki.tjubot.cn / bztcny.com citing 中青发〔2019〕9号 [L]): a candidate goes on to the committee's
 * assessment only with yes votes above half of the League members who should attend.
 */
export function tuiyouPasses(yes: number, expected: number, pass: Ratio = HALF): boolean {
  return exceedsShare(yes, expected, pass);
}

/**
 * A4 / A7 with the 4453 model's voting ring: the branch's secret ballot on an activist or 发展对象 passes with yes votes
 * above the school's share (default half) of 应到; the 细则 itself leaves the figure open.
 */
export function determinationPasses(yes: number, expected: number, pass: Ratio = HALF): boolean {
  return exceedsShare(yes, expected, pass);
}

/** 团员教育评议 (C4, 团中央「三会两制一课」实施细则): the meeting needs more than 2/3 of those who should attend. */
export function leagueEvaluationQuorumHolds(present: number, expected: number, quorum: Ratio = TWO_THIRDS): boolean {
  return exceedsShare(present, expected, quorum);
}

/**
 * 《中国共产党基层组织选举工作条例》(2020; the 1990 暂行条例 alike): an election may proceed only if the voters
 * present exceed 4/5 of those who should attend. Local League election rules use the same figure.
 */
export function electionQuorumHolds(present: number, expected: number, quorum: Ratio = FOUR_FIFTHS): boolean {
  return exceedsShare(present, expected, quorum);
}

/**
 * 《中国共产党基层组织选举工作条例》: a party branch election elects only with yes votes above half of the voters
 * actually present (实到; sz.gov.cn Q&A: exactly half of 实到 does not elect). Unlike A14, the base is 实到.
 */
export function partyElectionCandidatePasses(yes: number, present: number, pass: Ratio = HALF): boolean {
  return exceedsShare(yes, present, pass);
}

/**
 * Elections and 评优 where the rules are silent on the base: elected with yes votes above `pass` of `base`
 * (应到 by default, the stricter reading).
 */
export function electionCandidatePasses(yes: number, base: number, pass: Ratio = HALF): boolean {
  return exceedsShare(yes, base, pass);
}

/**
 * F2 (lsnu.edu.cn; 基层组织选举工作条例): ballots returned may not exceed ballots issued; more returned than
 * issued voids the round, which must be re-run.
 */
export function ballotsExceedIssued(returned: number, issued: number): boolean {
  return returned > issued;
}

/** F2 / 基层组织选举工作条例: a ballot naming more people (赞成) than there are seats is invalid. */
export function overMarked(yesMarks: number, seats: number): boolean {
  return yesMarks > seats;
}

/** How many more candidates than seats a competitive election (差额选举) needs. */
export interface CandidateMargin {
  /** Candidates must reach this multiple of the seats ... */
  ratio: Ratio;
  /** ... and, if strict, exceed it. */
  strict: boolean;
}

/**
 * B7 (cup.edu.cn 团委〔2020〕14号 and others [L]): at least 20% more candidates than seats, i.e.
 * candidates ≥ 1.2 × seats, rounded up (进一法: 1 seat needs 2 candidates, 5 seats need 6).
 * With `strict` the candidates must exceed the multiple (D5: more candidates than seats).
 */
export function enoughCandidates(candidates: number, seats: number, margin: CandidateMargin): boolean {
  const required = margin.ratio.num * seats;
  const offered = margin.ratio.den * candidates;
  return margin.strict ? offered > required : offered >= required;
}

/** The fewest candidates `enoughCandidates` accepts for `seats` (for the message). */
export function fewestCandidates(seats: number, margin: CandidateMargin): number {
  const exact = margin.ratio.num * seats;
  const floor = Math.floor(exact / margin.ratio.den);
  if (margin.strict) return floor + 1;
  return exact % margin.ratio.den === 0 ? floor : floor + 1;
}

/** Whether margin `a` demands at least as many candidates as margin `b` for every number of seats. */
export function marginAtLeast(a: CandidateMargin | null, b: CandidateMargin | null): boolean {
  if (b === null) return true;
  if (a === null) return false;
  const c = compareShares(a.ratio, b.ratio);
  return c > 0 || (c === 0 && (a.strict || !b.strict));
}
