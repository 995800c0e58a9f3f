/**
 * Rule sets: what each kind of vote requires, per version of the 细则. Every vote stores the version it
 * was decided under. Settings that differ between schools are parameters with the national default;
 * a school may tighten any of them, but may loosen only those the rules leave open (`open`).
 */

import type { Ratio, VoteKind } from '../../../typings/actions/votes';
import { DEFAULT_RULE_VERSION, RULE_VERSIONS, type RuleVersion, type UnitKind } from '../../../typings/domain';
import { DomainError } from '../errors';
import {
  type CandidateMargin,
  compareShares,
  FOUR_FIFTHS,
  HALF,
  marginAtLeast,
  ONE_THIRD,
  SIX_FIFTHS,
  THIRTY_PERCENT,
  TWENTY_PERCENT,
  TWO_THIRDS,
  WHOLE,
} from './thresholds';

/**
 * How the count turns into outcomes: `each` candidate passes or fails on its own (acceptance, 推优 ...);
 * `seats` ranks candidates for a number of seats (elections, 评优); `grades` tallies grades per person.
 */
export type CountMode = 'each' | 'seats' | 'grades';
/** `choices`: 赞成/反对/弃权 per candidate; `grades`: 优秀/合格/基本合格/不合格 (or 弃权) per person. */
export type BallotForm = 'choices' | 'grades';
/** The denominator of the pass threshold. */
export type PassBase = 'expected' | 'present';
/** The separate record that follows the count, if any. */
export type Decision = 'none' | 'tuiyou' | 'grades';

/** The settings a school may change. */
export interface RuleParams {
  /** Present voters must exceed this share of 应到. */
  quorum: Ratio;
  /** Yes votes must exceed this share of `passBase`; null for evaluations (no pass/fail). */
  pass: Ratio | null;
  passBase: PassBase;
  /** Fewest voters on the roster (before exclusions) for the vote to be held. */
  minVoters: number;
  /** Elections: how many candidates the seats need; null when any number will do. */
  candidateMargin: CandidateMargin | null;
  /** Evaluations: 优秀 at most this share of the graded base. */
  excellentQuota: Ratio | null;
  /** 推优: recommended at most this share of the branch's League members. */
  recommendQuota: Ratio | null;
  /** 民主评议党员: probationary members rate others (they take part, C2) although they are not graded. */
  probationaryMembersRate: boolean;
}

export type RuleOverrides = Partial<RuleParams>;

/** Every parameter a school may set, in the order a settings page lists them. */
export const RULE_PARAM_KEYS = [
  'quorum',
  'pass',
  'passBase',
  'minVoters',
  'candidateMargin',
  'excellentQuota',
  'recommendQuota',
  'probationaryMembersRate',
] as const satisfies readonly (keyof RuleParams)[];

export interface RuleSet extends RuleParams {
  kind: VoteKind;
  version: RuleVersion;
  /** False while the version's primary text has not been checked (2026.05): show a warning. */
  verified: boolean;
  mode: CountMode;
  ballotForm: BallotForm;
  /** 无记名投票 is required: a named ballot is refused. */
  secretRequired: boolean;
  /** Formal written opinions from absent voters count (A14). */
  writtenOpinions: boolean;
  /** Units that may hold this kind of vote. */
  hostUnits: readonly UnitKind[];
  decision: Decision;
  /** Where each rule comes from, for the resolution sheet and the settings page. */
  sources: Readonly<Record<string, string>>;
  /** Parameters the rules leave to the school: these may also be loosened. */
  open: readonly (keyof RuleParams)[];
}

const PARTY_BRANCH: readonly UnitKind[] = ['party_branch'];
const LEAGUE_BRANCH: readonly UnitKind[] = ['league_branch'];

/** 细则 article labels that moved between versions (0. Version warning: from the old 第十七条 on, one down). */
const ARTICLES: Record<RuleVersion, { quorum: string; accept: string; convert: string; probation: string }> = {
  '2014': {
    quorum: '细则(2014) 第二十条',
    accept: '细则(2014) 第二十一条',
    convert: '细则(2014) 第三十三条',
    probation: '细则(2014) 第三十二条',
  },
  '2026.05': {
    quorum: '细则(2026.05修订) 第十九条［原文待核］',
    accept: '细则(2026.05修订) 第二十条［原文待核］',
    convert: '细则(2026.05修订) 第三十二条［原文待核］',
    probation: '细则(2026.05修订) 第三十一条［原文待核］',
  },
};

const BASE_PARAMS: RuleParams = {
  quorum: HALF,
  pass: HALF,
  passBase: 'expected',
  minVoters: 3,
  candidateMargin: null,
  excellentQuota: null,
  recommendQuota: null,
  probationaryMembersRate: false,
};

/** The rules of a formal party vote on one person (acceptance, conversion, extension, cancellation). */
function formalPartyVote(kind: VoteKind, version: RuleVersion, passArticle: string): RuleSet {
  const a = ARTICLES[version];
  return {
    ...BASE_PARAMS,
    kind,
    version,
    verified: version === '2014',
    mode: 'each',
    ballotForm: 'choices',
    secretRequired: true,
    writtenOpinions: true,
    hostUnits: PARTY_BRANCH,
    decision: 'none',
    sources: {
      quorum: `${a.quorum}：到会有表决权的党员超过应到会有表决权党员的半数`,
      pass: `${passArticle}：赞成人数超过应到会有表决权的正式党员的半数`,
      electorate: '党章 第七条；基层组织选举工作条例(2020) 第五条：预备党员、留党察看期间的党员没有表决权',
      secret: 'F1：细则(2014) 第二十一条、第三十三条 无记名投票；延长预备期、取消资格同（lsnu.edu.cn 票决制）',
      writtenOpinions: `${a.accept}：因故不能到会的有表决权的党员，在会前正式向党支部提出的书面意见应当统计在内`,
      minVoters: '中国共产党支部工作条例(试行) 第四条：正式党员 3 人以上成立党支部',
      host: 'D6：临时党支部一般不发展党员',
    },
    open: [],
  };
}

/**
 * A4 (细则(2014) 第八条) and A7 (第十三条), with the 4453 model's voting ring (anonymous ballots at every step that needs a
 * vote, including the activist and 发展对象 decisions): the home party branch decides by secret ballot among its
 * formal members. The 细则 fixes no figures for this vote, so quorum and majority are the school's (default: more
 * than half of 应到, as for the branch meeting); the three-member floor of a branch stays.
 */
function determinationVote(kind: VoteKind, version: RuleVersion): RuleSet {
  const activist = kind === 'activist_determination';
  return {
    ...BASE_PARAMS,
    kind,
    version,
    verified: version === '2014',
    mode: 'each',
    ballotForm: 'choices',
    secretRequired: true,
    writtenOpinions: false,
    hostUnits: PARTY_BRANCH,
    decision: 'none',
    sources: {
      quorum: '细则未规定表决人数：默认到会有表决权的党员超过应到的半数（同支部党员大会），学校可自定',
      pass: '细则未规定：默认赞成票超过应到会有表决权党员的半数，学校可自定',
      candidates: activist
        ? 'A4 细则(2014) 第八条：从入党申请人中经党员推荐、群团组织推优产生，支部委员会研究决定，报上级党委备案'
        : 'A7 细则(2014) 第十三条：经过一年以上培养教育和考察的入党积极分子，支部委员会讨论同意，报上级党委备案',
      tuiyou: 'B1、B3：28 岁以下团员须经团组织推优，推荐两年内有效',
      secret: '「4453」模式 五环之表决环：确定入党积极分子、发展对象等需表决环节一律无记名投票',
      electorate: '党章 第七条：预备党员没有表决权',
      minVoters: '中国共产党支部工作条例(试行) 第四条：正式党员 3 人以上成立党支部',
      host: 'D6：发展党员由组织关系所在党支部负责，临时党支部不确定发展对象',
    },
    open: ['quorum', 'pass', 'passBase'],
  };
}

/** The rule set for a kind under a version, with the school's overrides applied (tighten only, unless open). */
export function ruleSetFor(
  kind: VoteKind,
  version: RuleVersion = DEFAULT_RULE_VERSION,
  overrides?: RuleOverrides,
): RuleSet {
  const base = baseRuleSet(kind, version);
  return overrides ? applyOverrides(base, overrides) : base;
}

/** The parameters of a rule set: what a vote stores at creation, so later changes of the settings never reach it. */
export function paramsOf(ruleSet: RuleSet): RuleParams {
  const out = {} as Record<keyof RuleParams, unknown>;
  for (const key of RULE_PARAM_KEYS) out[key] = ruleSet[key];
  return out as unknown as RuleParams;
}

/** A vote's rule set: its kind and version with the parameters it was created under (none: the national ones). */
export function ruleSetWithParams(kind: VoteKind, version: RuleVersion, params: RuleParams | null): RuleSet {
  const base = baseRuleSet(kind, version);
  return params ? { ...base, ...params } : base;
}

/**
 * A school's settings for one kind must hold under every rule version a vote may choose, so that creating a vote
 * never fails on them later: checked against each (BAD_INPUT / RULE_OVERRIDE_LOOSER, with the field).
 */
export function assertSchoolOverrides(kind: VoteKind, overrides: RuleOverrides): void {
  for (const version of RULE_VERSIONS) applyOverrides(baseRuleSet(kind, version), overrides);
}

/**
 * Who sets a kind's school-wide settings: the party committee for the votes only party branches hold, the League
 * committee for those only League branches hold, either for the rest (评优, 骨干选举); the school administrator
 * for all (the caller adds the school unit).
 */
export function settingsOwner(kind: VoteKind): 'party_committee' | 'league_committee' | null {
  const hosts = baseRuleSet(kind, '2014').hostUnits;
  if (hosts.every((u) => u === 'party_branch' || u === 'temp_party_branch')) return 'party_committee';
  if (hosts.every((u) => u === 'league_branch' || u === 'temp_league_branch')) return 'league_committee';
  return null;
}

function baseRuleSet(kind: VoteKind, version: RuleVersion): RuleSet {
  const a = ARTICLES[version];
  const common = { kind, version, verified: version === '2014' };
  switch (kind) {
    case 'acceptance':
      return formalPartyVote(kind, version, a.accept);
    case 'conversion':
      return formalPartyVote(kind, version, `${a.convert}（同接收预备党员）`);
    case 'extension':
    case 'cancellation':
      return formalPartyVote(kind, version, `${a.probation}；按转正的表决要求（lsnu.edu.cn 票决制）`);
    case 'tuiyou':
      return {
        ...BASE_PARAMS,
        ...common,
        recommendQuota: TWENTY_PERCENT,
        mode: 'each',
        ballotForm: 'choices',
        secretRequired: true,
        writtenOpinions: false,
        hostUnits: LEAGUE_BRANCH,
        decision: 'tuiyou',
        sources: {
          quorum: 'B4（中青发〔2019〕9号 各校实施细则）：有表决权的团员到会超过半数',
          pass: 'B4：赞成票超过应到会有表决权团员的半数，方可进入考察；支部委员会决定，考察不唯票',
          recommendQuota:
            'B3：推荐人数一般不超过团支部团员总数的 20%（有的学校为 13%），由学校确定；同一学期各次推优合计',
          secret: 'B4：无记名投票',
          minVoters: 'B7 / 团章：团员 3 人以上建立团支部',
          host: 'B7：临时团支部一般不发展团员，团籍留在原团支部',
        },
        // B3: the 20% is a school figure [L] (13% elsewhere): the school sets it, up or down, but cannot remove it.
        open: ['recommendQuota'],
      };
    case 'activist_determination':
    case 'development_candidate_determination':
      return determinationVote(kind, version);
    case 'party_evaluation':
      return {
        ...BASE_PARAMS,
        ...common,
        pass: null,
        excellentQuota: ONE_THIRD,
        probationaryMembersRate: true,
        mode: 'grades',
        ballotForm: 'grades',
        secretRequired: true,
        writtenOpinions: false,
        hostUnits: PARTY_BRANCH,
        decision: 'grades',
        sources: {
          quorum: `${a.quorum}（党员大会的一般要求）`,
          excellentQuota: 'C2（12371.cn 民主评议党员专题）：优秀一般不超过本支部正式党员的 1/3',
          graded: 'C2：预备党员参加评议，但不确定等次',
          secret: 'S2（「4453」五环·表决环）：民主评议等需表决环节一律无记名投票',
          minVoters: '中国共产党支部工作条例(试行) 第四条',
          host: 'C2：总数为组织关系在本支部的正式党员；临时党支部不评',
        },
        open: ['probationaryMembersRate'],
      };
    case 'league_evaluation':
      return {
        ...BASE_PARAMS,
        ...common,
        quorum: TWO_THIRDS,
        pass: null,
        excellentQuota: THIRTY_PERCENT,
        mode: 'grades',
        ballotForm: 'grades',
        secretRequired: true,
        writtenOpinions: false,
        hostUnits: LEAGUE_BRANCH,
        decision: 'grades',
        sources: {
          quorum: 'C4（团中央「三会两制一课」实施细则）：到会人数超过应到人数的 2/3',
          excellentQuota: 'C4：优秀不超过参评团员的 30% 左右，由学校确定（xszwb.com 用 35%）',
          secret: 'F1：团员评议的测评投票采用无记名方式',
          minVoters: 'B7 / 团章：团员 3 人以上建立团支部',
          host: 'B7：团籍注册留在原团支部，临时团支部不评',
        },
        // C4/C5: the League share is "about" 30% and schools differ (35%): the school sets it, but keeps a quota.
        open: ['excellentQuota'],
      };
    case 'party_branch_election':
      return {
        ...BASE_PARAMS,
        ...common,
        quorum: FOUR_FIFTHS,
        passBase: 'present',
        candidateMargin: { ratio: SIX_FIFTHS, strict: false },
        mode: 'seats',
        ballotForm: 'choices',
        secretRequired: true,
        writtenOpinions: false,
        hostUnits: PARTY_BRANCH,
        decision: 'none',
        sources: {
          quorum: '中国共产党基层组织选举工作条例(2020)：有选举权的到会人数超过应到会人数的 4/5',
          pass: '基层组织选举工作条例：赞成票超过实到会有选举权人数的一半，始得当选（条号未核）',
          candidateMargin: '基层组织选举工作条例：委员候选人差额不少于应选人数的 20%（条号未核）',
          electorate: '基层组织选举工作条例(2020) 第五条：正式党员有选举权、被选举权',
          secret: '基层组织选举工作条例：选举一律采用无记名投票',
          minVoters: '中国共产党支部工作条例(试行) 第四条',
          host: 'D6：临时党支部不进行换届选举',
        },
        open: [],
      };
    case 'league_branch_election':
      return {
        ...BASE_PARAMS,
        ...common,
        quorum: FOUR_FIFTHS,
        passBase: 'present',
        candidateMargin: { ratio: SIX_FIFTHS, strict: false },
        mode: 'seats',
        ballotForm: 'choices',
        secretRequired: true,
        writtenOpinions: false,
        hostUnits: ['league_branch', 'temp_league_branch'],
        decision: 'none',
        sources: {
          quorum: '团支部选举办法通例：实到会有选举权的团员超过应到会团员的 4/5',
          pass: '团支部选举办法通例：获得实到会有选举权的团员过半数赞成票，始得当选（全国条文未核）',
          candidateMargin: 'B7（团委〔2020〕14号 等）：候选人多于应选人数 20%',
          electorate: '团的基层组织选举工作条例(2025) 第六条：受留团察看处分期间没有选举权',
          secret: 'B7：无记名投票',
          minVoters: 'B7：团员 3 人以上可建立临时团支部',
          host: 'B7：社团临时团支部的委员会由选举产生',
        },
        open: [],
      };
    case 'backbone_election':
      return {
        ...BASE_PARAMS,
        ...common,
        candidateMargin: { ratio: WHOLE, strict: true },
        mode: 'seats',
        ballotForm: 'choices',
        secretRequired: false,
        writtenOpinions: false,
        hostUnits: ['association', 'federation'],
        decision: 'none',
        sources: {
          candidateMargin: 'D5（m.dyhzdl.cn）：骨干由差额选举产生，候选人多于应选名额',
          pass: '规则未规定：默认赞成票超过应到人数的半数',
          minVoters: '规则未规定：默认 3 人，同支部的最低人数',
        },
        open: ['quorum', 'pass', 'passBase', 'minVoters', 'candidateMargin'],
      };
    case 'honor':
      return {
        ...BASE_PARAMS,
        ...common,
        mode: 'seats',
        ballotForm: 'choices',
        secretRequired: false,
        writtenOpinions: false,
        hostUnits: [
          'party_branch',
          'league_branch',
          'temp_party_branch',
          'temp_league_branch',
          'association',
          'federation',
        ],
        decision: 'none',
        sources: {
          pass: '规则未规定：默认赞成票超过应到人数的半数',
          nominees: 'C3：表彰对象从评议为优秀的人员中产生（由评优流程检查）',
          minVoters: '规则未规定：默认 3 人',
        },
        open: ['quorum', 'pass', 'passBase', 'minVoters', 'candidateMargin'],
      };
  }
}

function assertRatio(name: string, r: Ratio, allowWhole: boolean): void {
  const ok =
    Number.isInteger(r.num) &&
    Number.isInteger(r.den) &&
    r.den >= 1 &&
    r.den <= 1000 &&
    r.num >= 1 &&
    (allowWhole ? r.num <= r.den : r.num < r.den);
  if (!ok) throw new DomainError('BAD_INPUT', undefined, { [name]: '比例设置不正确' });
}

/** A candidate margin is a multiple of the seats: at least 1. */
function assertMargin(r: Ratio): void {
  const ok = Number.isInteger(r.num) && Number.isInteger(r.den) && r.den >= 1 && r.den <= 1000 && r.num >= r.den;
  if (!ok) throw new DomainError('BAD_INPUT', undefined, { candidateMargin: '差额比例设置不正确' });
}

/** Whether `next` is at least as strict as `current` for parameter `key`. */
function atLeastAsStrict<K extends keyof RuleParams>(key: K, next: RuleParams[K], current: RuleParams[K]): boolean {
  switch (key) {
    case 'quorum':
    case 'pass':
      return current === null || (next !== null && compareShares(next as Ratio, current as Ratio) >= 0);
    case 'excellentQuota':
    case 'recommendQuota':
      return current === null ? next === null : next !== null && compareShares(next as Ratio, current as Ratio) <= 0;
    case 'passBase':
      return next === current || next === 'expected';
    case 'minVoters':
      return (next as number) >= (current as number);
    case 'candidateMargin':
      return marginAtLeast(next as CandidateMargin | null, current as CandidateMargin | null);
    default:
      return next === current;
  }
}

/**
 * Applies a school's settings. A parameter the rule set does not use (e.g. a quota on an acceptance vote)
 * is BAD_INPUT; one that would loosen a sourced rule is RULE_OVERRIDE_LOOSER.
 */
export function applyOverrides(base: RuleSet, overrides: RuleOverrides): RuleSet {
  const next: RuleSet = { ...base };
  for (const key of Object.keys(overrides) as (keyof RuleParams)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    const unused =
      (key === 'pass' && base.pass === null) ||
      (key === 'excellentQuota' && base.excellentQuota === null) ||
      (key === 'recommendQuota' && base.recommendQuota === null) ||
      (key === 'candidateMargin' && base.mode !== 'seats') ||
      (key === 'probationaryMembersRate' && base.kind !== 'party_evaluation');
    if (unused) throw new DomainError('BAD_INPUT', undefined, { [key]: '此类表决没有该项设置' });
    if (key === 'quorum' || key === 'pass') assertRatio(key, value as Ratio, false);
    if (key === 'excellentQuota' || key === 'recommendQuota') {
      // B3, C2, C4: a school sets the share, but a kind that has a quota keeps one.
      if (value === null && base[key] !== null) {
        throw new DomainError('BAD_INPUT', undefined, { [key]: '名额比例不能取消' });
      }
      if (value !== null) assertRatio(key, value as Ratio, true);
    }
    if (key === 'candidateMargin' && value !== null) assertMargin((value as CandidateMargin).ratio);
    if (key === 'minVoters' && !(Number.isInteger(value) && (value as number) >= 1)) {
      throw new DomainError('BAD_INPUT', undefined, { minVoters: '最低人数应为正整数' });
    }
    if (!base.open.includes(key) && !atLeastAsStrict(key, value, base[key])) {
      throw new DomainError('RULE_OVERRIDE_LOOSER', undefined, { [key]: base.sources[key] ?? '上级规定' });
    }
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

/**
 * F1: 无记名投票 is required for the formal votes (and wherever the rule set says so); a named ballot is
 * refused rather than silently switched. Returns whether the vote is secret.
 */
export function resolveSecrecy(ruleSet: RuleSet, secretRequested: boolean): boolean {
  if (ruleSet.secretRequired && !secretRequested) throw new DomainError('SECRET_BALLOT_REQUIRED');
  return secretRequested;
}
