/**
 * Votes (票决): action inputs and the views they return. The vocabulary (kinds, choices, grades,
 * exclusion reasons) lives here so the mini-program and the domain in server/domain/votes share it.
 */
import * as z from 'zod';
import { DateStr, FreeText, Id, type Page, PageInput, Text } from './common';
import type { noticesSchemas } from './notices';

/** Every kind of vote the system runs. Rules per kind and version: server/domain/votes/rules.ts. */
export const VOTE_KINDS = [
  'tuiyou',
  'activist_determination',
  'development_candidate_determination',
  'acceptance',
  'conversion',
  'extension',
  'cancellation',
  'party_evaluation',
  'league_evaluation',
  'party_branch_election',
  'league_branch_election',
  'backbone_election',
  'honor',
] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

export const VOTE_KIND_LABELS: Record<VoteKind, string> = {
  tuiyou: '推优入党',
  activist_determination: '确定入党积极分子',
  development_candidate_determination: '确定发展对象',
  acceptance: '接收预备党员',
  conversion: '预备党员转正',
  extension: '延长预备期',
  cancellation: '取消预备党员资格',
  party_evaluation: '民主评议党员',
  league_evaluation: '团员教育评议',
  party_branch_election: '党支部委员会选举',
  league_branch_election: '团支部委员会选举',
  backbone_election: '社团骨干选举',
  honor: '评优',
};

import { RULE_VERSIONS, type RuleVersion } from '../domain';

/** A position on one candidate. A candidate left unmarked counts as 弃权. */
export const CHOICES = ['yes', 'no', 'abstain'] as const;
export type Choice = (typeof CHOICES)[number];

export const CHOICE_LABELS: Record<Choice, string> = { yes: '赞成', no: '反对', abstain: '弃权' };

/** Evaluation grades (民主评议 / 团员教育评议). */
export const GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

/** What a voter may put against one candidate: a choice, or on an evaluation form a grade (or 弃权). */
export const MARK_VALUES = [...CHOICES, ...GRADES] as const;
export type MarkValue = (typeof MARK_VALUES)[number];

/** The groups that may be left out of 应到, with higher approval and the meeting's agreement (A15). */
export const EXCLUSION_REASONS = [
  'cannot_express_will',
  'abroad_private',
  'detained_or_sentenced',
  'bedridden',
  'away_should_transfer',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const EXCLUSION_REASON_LABELS: Record<ExclusionReason, string> = {
  cannot_express_will: '丧失行为能力，不能表达本人意志',
  abroad_private: '因私出国（境）6个月以上',
  detained_or_sentenced: '被依法羁押或正在服刑',
  bedridden: '长期卧床不起',
  away_should_transfer: '外出6个月以上，应转未转组织关系',
};

/** 推优 has two targets (B2): applicant → activist, activist → development candidate. */
export const TUIYOU_TARGETS = ['activist', 'development_candidate'] as const;
export type TuiyouTarget = (typeof TUIYOU_TARGETS)[number];

export const TUIYOU_TARGET_LABELS: Record<TuiyouTarget, string> = {
  activist: '推荐为入党积极分子',
  development_candidate: '推荐为发展对象',
};

export const VOTE_STATES = ['draft', 'open', 'closed', 'cancelled'] as const;
export type VoteState = (typeof VOTE_STATES)[number];

export const VOTE_STATE_LABELS: Record<VoteState, string> = {
  draft: '未开始',
  open: '进行中',
  closed: '已结束',
  cancelled: '已取消',
};

/** How a counted vote ended as a whole. */
export const VOTE_OUTCOMES = ['counted', 'void', 'inquorate'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];

export const VOTE_OUTCOME_LABELS: Record<VoteOutcome, string> = {
  counted: '表决有效',
  void: '收回票数多于发出票数，表决无效，须重新投票',
  inquorate: '到会有表决权的人数不足，不能进行表决',
};

/** How one candidate came out. */
export const CANDIDATE_OUTCOMES = ['passed', 'failed', 'elected', 'not_elected', 'runoff'] as const;
export type CandidateOutcome = (typeof CANDIDATE_OUTCOMES)[number];

export const CANDIDATE_OUTCOME_LABELS: Record<CandidateOutcome, string> = {
  passed: '通过',
  failed: '未通过',
  elected: '当选',
  not_elected: '未当选',
  runoff: '票数相等，须再次投票',
};

/** A receipt code shown once after casting; it proves the ballot is in the count, not how it was marked. */
export const BallotCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-NP-Z2-9]{8}$/, '票据码应为 8 位字母或数字');

/** The code shown on the meeting screen for self check-in. */
export const CheckInCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '签到码应为 6 位数字');

const Mark = z.strictObject({ candidateId: Id, choice: z.enum(MARK_VALUES) });
/** Duplicates and unknown candidates pass the schema on purpose: the domain rejects them with BALLOT_MALFORMED. */
const Marks = z.array(Mark).max(200, '选项过多');

const Reason = Text('理由', 300, 2);

const RatioInput = z.strictObject({
  num: z.number().int().min(1).max(1000),
  den: z.number().int().min(1, '分母至少为 1').max(1000),
});

/**
 * A school's settings for one kind of vote (A0: settings that vary by school are parameters with the
 * national default). Every key is optional: an absent key keeps the national default. The domain decides what
 * each kind uses and whether a value stays within the rules (BAD_INPUT / RULE_OVERRIDE_LOOSER).
 */
export const RuleOverridesInput = z.strictObject({
  /** Present voters must exceed this share of 应到. */
  quorum: RatioInput.optional(),
  /** Yes votes must exceed this share of `passBase`. */
  pass: RatioInput.optional(),
  passBase: z.enum(['expected', 'present']).optional(),
  minVoters: z.number().int().min(1).max(1000).optional(),
  candidateMargin: z.strictObject({ ratio: RatioInput, strict: z.boolean() }).nullable().optional(),
  excellentQuota: RatioInput.nullable().optional(),
  recommendQuota: RatioInput.nullable().optional(),
  probationaryMembersRate: z.boolean().optional(),
});
export type RuleOverridesInput = z.output<typeof RuleOverridesInput>;

export const votesSchemas = {
  /** The vote rules in force at this school, per kind: national defaults, the school's settings, and the result. */
  'votes.ruleSettings': z.strictObject({}),
  /**
   * Sets the school's settings for one kind (replacing what was set before; `{}` restores the national defaults).
   * Applies to votes created afterwards: each vote keeps the parameters it was created under.
   */
  'votes.setRuleSettings': z.strictObject({ kind: z.enum(VOTE_KINDS), overrides: RuleOverridesInput }),
  'votes.create': z.strictObject({
    unitId: Id,
    kind: z.enum(VOTE_KINDS),
    title: Text('标题', 60, 2),
    ruleVersion: z.enum(RULE_VERSIONS).default('2014'),
    /** The planned meeting start (ISO-8601 with offset). Written opinions must arrive before it. */
    scheduledStart: z.iso.datetime({ offset: true, error: '时间格式不正确' }),
    /** Candidates in ballot order. Evaluations take their subjects from the roster and leave this empty. */
    candidateIds: z.array(Id).max(100, '候选人过多').default([]),
    /** Seats to fill: elections and 评优 only. */
    seats: z.number().int().min(1).max(50).optional(),
    /** 推优 only (B2). */
    tuiyouTarget: z.enum(TUIYOU_TARGETS).optional(),
    /** Named voting where the rules leave it open; refused where 无记名 is required. Defaults to secret. */
    secret: z.boolean().default(true),
    /** 延长预备期 only (A20): the extension asked for, at least 6 and at most 12 months. */
    extensionMonths: z.number().int().min(6, '延长预备期至少 6 个月').max(12, '延长预备期最长 1 年').optional(),
  }),
  'votes.open': z.strictObject({
    voteId: Id,
    /** Members left out of 应到 (A15): each needs the higher organisation's approval and the meeting's agreement. */
    exclusions: z
      .array(
        z.strictObject({
          personId: Id,
          reason: z.enum(EXCLUSION_REASONS),
          higherApproval: Text('上级批准文号或记录', 100, 2),
          meetingAgreed: z.literal(true, '须经会议同意'),
          note: FreeText('备注', 200).optional(),
        }),
      )
      .max(100)
      .default([]),
    /** 监票人 and 计票人, named and approved by the meeting (F3). */
    scrutineerIds: z.array(Id).min(1, '请指定监票人').max(5),
    tellerIds: z.array(Id).min(1, '请指定计票人').max(5),
  }),
  'votes.checkIn': z
    .strictObject({
      voteId: Id,
      /** An officer checks a member in by id ... */
      personId: Id.optional(),
      /** ... or the member checks in with the code on the meeting screen. */
      code: CheckInCode.optional(),
    })
    .refine((v) => (v.personId === undefined) !== (v.code === undefined), {
      message: '请提供签到码或签到人员之一',
      path: ['code'],
    }),
  'votes.cast': z.strictObject({ voteId: Id, marks: Marks }),
  'votes.close': z.strictObject({ voteId: Id }),
  /** Withdraws a vote that has not opened (the meeting will not hold it); an open vote can only be closed. */
  'votes.cancel': z.strictObject({ voteId: Id, reason: Reason }),
  'votes.get': z.strictObject({ voteId: Id }),
  'votes.listMine': z.strictObject({ state: z.enum(VOTE_STATES).optional(), ...PageInput }),
  'votes.list': z.strictObject({
    unitId: Id,
    state: z.enum(VOTE_STATES).optional(),
    kind: z.enum(VOTE_KINDS).optional(),
    ...PageInput,
  }),
  'votes.presence': z.strictObject({ voteId: Id }),
  'votes.resolution': z.strictObject({ voteId: Id }),
  'votes.verifyBallot': z.strictObject({ voteId: Id, code: BallotCode }),
  /** The branch committee's own decision after a 推优 vote (考察不唯票), kept apart from the count. */
  'votes.recordDecision': z.strictObject({
    voteId: Id,
    decidedOn: DateStr,
    /** Minutes of the committee meeting that decided. */
    minutesRef: Text('会议记录编号', 100, 2),
    decision: z.discriminatedUnion('type', [
      z.strictObject({
        type: z.literal('tuiyou'),
        recommended: z.array(Id).max(100),
        declined: z.array(z.strictObject({ candidateId: Id, reason: Reason })).max(100),
      }),
      /** Evaluations: the grades the committee proposes from the rating and daily performance (C1). */
      z.strictObject({
        type: z.literal('grades'),
        grades: z.array(z.strictObject({ personId: Id, grade: z.enum(GRADES) })).max(300),
      }),
    ]),
  }),
  /**
   * The 公示 draft for a closed 推优 (the committee's list) or 评优 (the elected): the caller reviews it and sends
   * it to notices.create, which checks the window and the scope like any draft. `start` defaults to today.
   */
  'votes.noticeDraft': z.strictObject({ voteId: Id, start: DateStr.optional() }),
  /** A formal written opinion from an absent voter (A14, F3): before the meeting starts, never after. */
  'votes.addWrittenOpinion': z.strictObject({
    voteId: Id,
    marks: Marks,
    /** Set when an officer records a signed paper opinion for the member; omitted when the member submits it. */
    voterId: Id.optional(),
  }),
};

export interface Ratio {
  num: number;
  den: number;
}

export interface VoteCardView {
  id: string;
  kind: VoteKind;
  kindLabel: string;
  title: string;
  unitId: string;
  unitName: string;
  state: VoteState;
  stateLabel: string;
  /** ISO-8601, +08:00. */
  scheduledStart: string;
  secret: boolean;
}

export interface CandidateView {
  id: string;
  name: string;
}

export interface VoteView extends VoteCardView {
  ruleVersion: RuleVersion;
  ruleVersionLabel: string;
  /** False while the version's primary text is unverified: the page shows a warning. */
  ruleVerified: boolean;
  /** The thresholds in words, e.g. 「到会有表决权的人数须超过应到人数的半数」. */
  requirements: string[];
  ballotForm: 'choices' | 'grades';
  /** Values the form offers against each candidate. */
  markValues: MarkValue[];
  candidates: CandidateView[];
  seats: number | null;
  /** At most this many 赞成 on one ballot (elections, 评优); null when each candidate stands alone. */
  maxYes: number | null;
  tuiyouTarget: TuiyouTarget | null;
  writtenOpinionsAllowed: boolean;
  openedAt: string | null;
  closedAt: string | null;
  /** Known once the roster is frozen at open. */
  expected: number | null;
  present: number | null;
  me: {
    onRoster: boolean;
    checkedIn: boolean;
    voted: boolean;
    writtenOpinionSubmitted: boolean;
  };
  /** The caller holds vote.manage over the vote's unit (opens, checks people in, closes). */
  canManage: boolean;
  /** The self check-in code for the meeting screen: managers only, while the vote is open. */
  checkInCode: string | null;
}

export interface PresenceView {
  voteId: string;
  expected: number;
  present: number;
  ballotsIssued: number;
  ballotsReturned: number;
  checkedIn: { id: string; name: string; at: string }[];
  absent: CandidateView[];
  writtenOpinions: { voterId: string; name: string; submittedAt: string }[];
  excluded: { id: string; name: string; reason: ExclusionReason; reasonLabel: string }[];
}

export interface ResolutionLineView {
  candidateId: string;
  name: string;
  yes: number;
  no: number;
  abstain: number;
  invalid: number;
  /** Written opinions given before the meeting: separate lines, counted toward the result. */
  writtenYes: number;
  writtenNo: number;
  writtenAbstain: number;
  totalYes: number;
  outcome: CandidateOutcome | null;
  outcomeLabel: string | null;
  /** Evaluations: how many raters gave each grade. */
  grades: Record<Grade, number> | null;
}

export interface ResolutionView {
  voteId: string;
  kind: VoteKind;
  kindLabel: string;
  title: string;
  unitName: string;
  /** YYYY-MM-DD, the meeting date. */
  date: string;
  method: string;
  ruleVersion: RuleVersion;
  ruleVersionLabel: string;
  ruleVerified: boolean;
  articles: string[];
  requirements: string[];
  expected: number;
  present: number;
  excluded: number;
  writtenOpinions: number;
  ballotsIssued: number;
  ballotsReturned: number;
  ballotsInvalid: number;
  outcome: VoteOutcome;
  outcomeLabel: string;
  lines: ResolutionLineView[];
  election: { seats: number; elected: string[]; runoff: string[]; runoffSeats: number; unfilledSeats: number } | null;
  scrutineers: string[];
  tellers: string[];
  /** 推优 and evaluations: the committee's own decision, a separate record (null until recorded). */
  decision: DecisionView | null;
  /**
   * Every ballot code in the count, sorted: published with the totals so each voter can see their code is there.
   * A code shows that a ballot was counted, never how it was marked.
   */
  ballotCodes: string[];
  /**
   * Evaluations seen by someone who is not an officer of the branch or above: no per-person rating lines, and the
   * decision lists only the 优秀 and the viewer's own grade. Absent or false: the full sheet.
   */
  gradesRestricted?: boolean;
  /** The viewer's own grade in a decided evaluation (restricted view only); null when not graded or undecided. */
  myGrade?: { grade: Grade; gradeLabel: string } | null;
  /** 民主评议党员: probationary members who rated without a vote; not in 应到 or 实到 (C2). */
  ratersWithoutVote?: number;
}

export interface DecisionView {
  voteId: string;
  decidedOn: string;
  minutesRef: string;
  recordedBy: string;
  recommended: CandidateView[];
  declined: { id: string; name: string; reason: string }[];
  grades: { id: string; name: string; grade: Grade; gradeLabel: string }[];
}

export interface RuleSettingView {
  kind: VoteKind;
  kindLabel: string;
  /** What the school has set for this kind (empty: the national defaults apply). */
  overrides: RuleOverridesInput;
  /** The thresholds in words under the national defaults, and as this school has them (rule version 2014). */
  nationalRequirements: string[];
  requirements: string[];
  /** The parameters the rules leave to the school: these may also be loosened; every other one only tightened. */
  open: string[];
  /** The national values of the shares a school may set; null where the kind has none (no pass rule, no quota). */
  national: { quorum: Ratio; pass: Ratio | null; excellentQuota: Ratio | null; recommendQuota: Ratio | null };
}

export interface RuleSettingsView {
  kinds: RuleSettingView[];
  /** ISO +08:00 of the last change, and who made it; null while the national defaults are untouched. */
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface VotesOutputs {
  'votes.ruleSettings': RuleSettingsView;
  'votes.setRuleSettings': RuleSettingView;
  'votes.noticeDraft': Input<'notices.create'>;
  'votes.create': { voteId: string };
  'votes.open': { voteId: string; expected: number; openedAt: string; checkInCode: string };
  'votes.checkIn': { personId: string; checkedInAt: string; present: number };
  /** The receipt code is shown once; it is stored on the ballot only, never next to the voter. */
  'votes.cast': { code: string; castAt: string };
  'votes.close': ResolutionView;
  'votes.cancel': { voteId: string; state: 'cancelled' };
  'votes.get': VoteView;
  'votes.listMine': Page<VoteCardView>;
  'votes.list': Page<VoteCardView>;
  'votes.presence': PresenceView;
  'votes.resolution': ResolutionView;
  /** Whether the ballot with this code is in the count; never how it was marked (no receipt to show a third party). */
  'votes.verifyBallot': { found: boolean; counted: boolean };
  'votes.recordDecision': DecisionView;
  'votes.addWrittenOpinion': { voterId: string; submittedAt: string };
}

type Input<A extends keyof typeof noticesSchemas> = z.input<(typeof noticesSchemas)[A]>;
