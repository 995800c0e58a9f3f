/**
 * Votes (票决): action inputs and the views they return. The vocabulary (kinds, choices, grades,
 * exclusion reasons) lives here so the mini-program and the domain in server/domain/votes share it.
 */
import * as z from 'zod';
import { DateStr, FreeText, Id, type Page, PageInput, Text } from './common';
import type { noticesSchemas } from './notices';

export {
  BALLOT_FORMS,
  type BallotForm,
  CANDIDATE_OUTCOME_LABELS,
  CANDIDATE_OUTCOMES,
  type CandidateOutcome,
  CHOICE_LABELS,
  CHOICES,
  type Choice,
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  type ExclusionReason,
  GRADE_LABELS,
  GRADES,
  type Grade,
  MARK_LABELS,
  MARK_VALUES,
  type MarkValue,
  TUIYOU_TARGET_LABELS,
  TUIYOU_TARGETS,
  type TuiyouTarget,
  VOTE_KIND_LABELS,
  VOTE_KINDS,
  VOTE_OUTCOME_LABELS,
  VOTE_OUTCOMES,
  VOTE_STATE_LABELS,
  VOTE_STATES,
  type VoteKind,
  type VoteOutcome,
  type VoteState,
} from '../vocabulary';

import {
  APPROVAL_REF_MAX,
  APPROVAL_REF_MIN,
  BALLOT_CODE_PATTERN,
  type BallotForm,
  type CandidateOutcome,
  DEFAULT_RULE_VERSION,
  EXCLUSION_REASONS,
  type ExclusionReason,
  GRADES,
  type Grade,
  MARK_VALUES,
  type MarkValue,
  MINUTES_REF_MAX,
  MINUTES_REF_MIN,
  RULE_VERSIONS,
  type RuleVersion,
  SEATS_MAX,
  TUIYOU_TARGETS,
  type TuiyouTarget,
  VOTE_KINDS,
  VOTE_REASON_MAX,
  VOTE_REASON_MIN,
  VOTE_STATES,
  VOTE_TITLE_MAX,
  VOTE_TITLE_MIN,
  type VoteKind,
  type VoteOutcome,
  type VoteState,
} from '../vocabulary';

/** A receipt code shown once after casting; it proves the ballot is in the count, not how it was marked. */
export const BallotCode = z.string().trim().toUpperCase().regex(BALLOT_CODE_PATTERN, '票据码应为 8 位字母或数字');

/** The content of the rotating QR code on the meeting screen (signed on the server; its form is checked there). */
export const CheckInToken = z.string().trim().min(1, '请扫描会场屏幕上的二维码').max(200);

const Mark = z.strictObject({ candidateId: Id, choice: z.enum(MARK_VALUES) });
/** Duplicates and unknown candidates pass the schema on purpose: the domain rejects them with BALLOT_MALFORMED. */
const Marks = z.array(Mark).max(200, '选项过多');

const Reason = Text('理由', VOTE_REASON_MAX, VOTE_REASON_MIN);

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
    title: Text('标题', VOTE_TITLE_MAX, VOTE_TITLE_MIN),
    ruleVersion: z.enum(RULE_VERSIONS).default(DEFAULT_RULE_VERSION),
    /** The planned meeting start (ISO-8601 with offset). Written opinions must arrive before it. */
    scheduledStart: z.iso.datetime({ offset: true, error: '时间格式不正确' }),
    /** Candidates in ballot order. Evaluations take their subjects from the roster and leave this empty. */
    candidateIds: z.array(Id).max(100, '候选人过多').default([]),
    /** Seats to fill: elections and 评优 only. */
    seats: z.number().int().min(1).max(SEATS_MAX).optional(),
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
          higherApproval: Text('上级批准文号或记录', APPROVAL_REF_MAX, APPROVAL_REF_MIN),
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
      /** The member scans the rotating QR code on the meeting screen ... */
      token: CheckInToken.optional(),
      /** ... or an officer checks a member in by id (audited). */
      personId: Id.optional(),
    })
    .refine((v) => (v.personId === undefined) !== (v.token === undefined), {
      message: '请扫描签到二维码，或由会议工作人员代为签到',
      path: ['token'],
    }),
  /** The meeting screen's QR code: managers only, while the vote is open and not being sealed. */
  'votes.checkInToken': z.strictObject({ voteId: Id }),
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
    minutesRef: Text('会议记录编号', MINUTES_REF_MAX, MINUTES_REF_MIN),
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
  ballotForm: BallotForm;
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
  /** 实到 so far, counted from the participation records (a rater without a vote is not counted, C2). */
  present: number | null;
  me: {
    onRoster: boolean;
    checkedIn: boolean;
    voted: boolean;
    writtenOpinionSubmitted: boolean;
  };
  /** The caller holds vote.manage over the vote's unit (opens, checks people in, closes). */
  canManage: boolean;
}

export interface PresenceView {
  voteId: string;
  expected: number;
  present: number;
  /**
   * The fewest present for the meeting to be quorate under the vote's own rules (its kind, version and the school's
   * settings it was created under): the presence bar's target. The close decides again from the same rules.
   */
  quorumNeeded: number;
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
  /** The ballot's form: a grade per member on evaluations, a choice per candidate otherwise. */
  ballotForm: BallotForm;
  /**
   * Evaluations: the most members the committee may grade 优秀 under the vote's own quota (C2, C4) and roster;
   * null when the kind has no quota. votes.recordDecision checks it again (QUOTA_EXCEEDED).
   */
  excellentLimit: number | null;
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
  /**
   * The shares the settings form offers for the quorum and the pass threshold: the national value first (marked
   * 默认), then every stricter one; `pass` is empty where the kind has no pass rule. votes.setRuleSettings still
   * refuses anything looser (RULE_OVERRIDE_LOOSER).
   */
  choices: { quorum: ShareChoiceView[]; pass: ShareChoiceView[] };
}

/** A share a school may pick for a threshold, in the words the rules use. */
export interface ShareChoiceView {
  ratio: Ratio;
  label: string;
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
  'votes.open': { voteId: string; expected: number; openedAt: string };
  'votes.checkIn': { personId: string; checkedInAt: string };
  /** The QR code's content now, and when to fetch the next one (the start of the next slot). */
  'votes.checkInToken': { voteId: string; token: string; refreshInMs: number; slotMs: number };
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
