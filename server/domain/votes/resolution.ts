/**
 * The resolution sheet (表决结果), generated from stored aggregates only (F4): 应到, 实到, written opinions,
 * 赞成/反对/弃权/无效 per candidate, pass/fail, the method, the date and the rule version. For a secret vote
 * nothing here links a voter to a choice. Names are filled in by the handler; the domain speaks in ids.
 */
import type { Ratio, ResolutionLineView, VoteKind, VoteOutcome } from '../../../typings/actions/votes';
import type { RuleVersion } from '../../../typings/domain';
import type { FrozenRoster } from './roster';
import type { RuleSet } from './rules';
import type { ElectionResult, TallyResult } from './tally';

const SHARE_WORDS: Record<string, string> = {
  '1/2': '半数',
  '2/3': '三分之二',
  '4/5': '五分之四',
  '1/3': '三分之一',
  '3/10': '30%',
  '1/5': '20%',
};

/** A share in words: 半数, 三分之二, or n/d. */
export function shareInWords(r: Ratio): string {
  const named = SHARE_WORDS[`${r.num}/${r.den}`];
  if (named) return named;
  // A school's own quota is usually a percentage (13% in bztcny.com's 推优 rule).
  if (r.den === 100) return `${r.num}%`;
  return `${r.num}/${r.den}`;
}

/** The thresholds of a rule set in words, for the vote page and the sheet. */
export function requirementTexts(ruleSet: RuleSet): string[] {
  const texts = [`到会有表决权的人数须超过应到人数的${shareInWords(ruleSet.quorum)}`];
  if (ruleSet.pass) {
    const base = ruleSet.passBase === 'present' ? '实到会' : '应到会';
    const verb = ruleSet.mode === 'seats' ? '始得当选' : ruleSet.kind === 'tuiyou' ? '方可进入考察' : '为通过';
    texts.push(`赞成票须超过${base}有表决权人数的${shareInWords(ruleSet.pass)}，${verb}`);
  }
  if (ruleSet.writtenOpinions) texts.push('会前正式提交的书面意见计入；会议开始后提交的无效');
  if (ruleSet.mode === 'seats') texts.push('每张选票赞成人数不得超过应选名额');
  if (ruleSet.excellentQuota) texts.push(`优秀不超过${shareInWords(ruleSet.excellentQuota)}`);
  if (ruleSet.recommendQuota)
    texts.push(`推荐人数不超过团员总数的${shareInWords(ruleSet.recommendQuota)}，由支部委员会考察决定`);
  return texts;
}

/** F1/F4: the method as written on the resolution. */
export function methodLabel(secret: boolean): string {
  return secret ? '无记名投票' : '记名投票';
}

/** A candidate's line on the resolution: the view's line before names and labels are put on it. */
export type ResolutionLine = Omit<ResolutionLineView, 'name' | 'outcomeLabel'>;

export interface ResolutionSheet {
  kind: VoteKind;
  ruleVersion: RuleVersion;
  ruleVerified: boolean;
  /** The sources the decision rests on. */
  articles: string[];
  requirements: string[];
  /** YYYY-MM-DD, the meeting date (Asia/Shanghai). */
  date: string;
  method: string;
  expected: number;
  present: number;
  /** 民主评议党员: probationary members who rated without a vote (C2); absent on older sheets. */
  ratersWithoutVote?: number;
  excluded: FrozenRoster['excluded'];
  writtenOpinions: number;
  ballotsIssued: number;
  ballotsReturned: number;
  ballotsInvalid: number;
  outcome: VoteOutcome;
  lines: ResolutionLine[];
  election: ElectionResult | null;
  scrutineers: string[];
  tellers: string[];
}

/** Builds the sheet. `date` is the meeting's Shanghai date, from the caller (no clock read here). */
export function buildResolution(args: {
  ruleSet: RuleSet;
  roster: FrozenRoster;
  result: TallyResult;
  date: string;
  secret: boolean;
  scrutineers: readonly string[];
  tellers: readonly string[];
}): ResolutionSheet {
  const { ruleSet, roster, result } = args;
  return {
    kind: ruleSet.kind,
    ruleVersion: ruleSet.version,
    ruleVerified: ruleSet.verified,
    articles: Object.values(ruleSet.sources),
    requirements: requirementTexts(ruleSet),
    date: args.date,
    method: methodLabel(args.secret),
    expected: result.expected,
    present: result.present,
    ratersWithoutVote: result.ratersWithoutVote,
    excluded: roster.excluded,
    writtenOpinions: result.writtenOpinions,
    ballotsIssued: result.ballotsIssued,
    ballotsReturned: result.ballotsReturned,
    ballotsInvalid: result.ballotsInvalid,
    outcome: result.outcome,
    lines: result.candidates.map((c) => ({
      candidateId: c.candidateId,
      yes: c.room.yes,
      no: c.room.no,
      abstain: c.room.abstain,
      invalid: c.room.invalid,
      writtenYes: c.written.yes,
      writtenNo: c.written.no,
      writtenAbstain: c.written.abstain,
      totalYes: c.totalYes,
      outcome: c.outcome,
      grades: c.grades,
    })),
    election: result.election,
    scrutineers: [...args.scrutineers],
    tellers: [...args.tellers],
  };
}
