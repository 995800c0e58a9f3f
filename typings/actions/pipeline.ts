/**
 * The member development pipeline (发展党员): action inputs and the views the mini-program shows. Labels and bounds
 * live in the zod-free vocabulary (typings/vocabulary.ts).
 */
import * as z from 'zod';
import { RULE_VERSIONS, type RuleVersion } from '../domain';
import {
  type NoticeState,
  PIPELINE_LIMITS,
  PIPELINE_STAGES,
  PIPELINE_STEPS,
  type PipelineRecordKind,
  type PipelineStage,
  type PipelineStep,
  type PipelineTodoKind,
  TALK_KINDS,
  type TalkKind,
} from '../vocabulary';
import { DateStr, Id, type Page, PageInput, Text } from './common';
import {
  AttachmentFileId,
  Attachments,
  type ChainView,
  type DossierFileView,
  Evaluations,
  type RecordResultView,
} from './dossier';

export type { ChainView, RecordResultView };

const Body = (label: string) => Text(label, PIPELINE_LIMITS.textMax);
const Ref = (label: string) => Text(label, PIPELINE_LIMITS.refMax, 2);

/** The rules that allow a recorded special case (A10 training; A17 approval between three and six months). */
export const OVERRIDABLE_RULES = ['A10', 'A17'] as const;
export type OverridableRule = (typeof OVERRIDABLE_RULES)[number];

export const pipelineSchemas = {
  /** A student applies to their own home party branch (never a temporary branch). */
  'pipeline.apply': z.strictObject({
    branchId: Id,
    statement: Body('入党申请书'),
    /** Entered once, when the record has none (A1 needs it); a different date later is refused. */
    birthDate: DateStr.optional(),
    attachments: Attachments,
  }),
  /** A0: the rule version new cases open under (cases keep theirs). */
  'pipeline.setRuleVersion': z.strictObject({ ruleVersion: z.enum(RULE_VERSIONS) }),
  'pipeline.get': z.strictObject({ caseId: Id }),
  /** S3: a short-lived link to one attachment of a record of the case, for whoever sees the case. */
  'pipeline.attachmentLink': z.strictObject({ caseId: Id, fileId: AttachmentFileId }),
  'pipeline.mine': z.strictObject({}),
  /** The cases of one branch, by stage and overdue, in due order. */
  'pipeline.list': z.strictObject({
    branchId: Id,
    stage: z.enum(PIPELINE_STAGES).optional(),
    overdue: z.boolean().optional(),
    ...PageInput,
  }),
  /** Overdue and upcoming items of the caller: as an officer of branches and as a cultivation contact. */
  'pipeline.todo': z.strictObject({ days: z.number().int().min(1).max(90).default(30) }),
  'pipeline.recordTalk': z.strictObject({
    caseId: Id,
    kind: z.enum(TALK_KINDS),
    on: DateStr,
    topics: Text('谈话提纲', 200),
    content: Body('谈话内容'),
    opinion: Body('谈话意见'),
    attachments: Attachments,
  }),
  'pipeline.setContacts': z.strictObject({
    caseId: Id,
    contactIds: z.array(Id).min(1).max(2),
    on: DateStr,
  }),
  'pipeline.setIntroducers': z.strictObject({
    caseId: Id,
    introducerIds: z.array(Id).min(1).max(3),
    on: DateStr,
  }),
  /** A4: party members recommend the applicant (推优 comes from the League's own decision). */
  'pipeline.recordRecommendation': z.strictObject({
    caseId: Id,
    on: DateStr,
    recommenderIds: z.array(Id).min(1).max(5),
    content: Body('推荐意见'),
  }),
  /**
   * A6/D6: an assessment or activity record, by the home branch or by the officers of a temporary party branch the
   * person belongs to (records flow home). Addressed by person, so a temporary branch needs no access to the case.
   */
  'pipeline.recordAssessment': z.strictObject({
    personId: Id,
    unitId: Id,
    kind: z.enum(['assessment', 'activity']),
    on: DateStr,
    content: Body('考察内容'),
    opinion: Body('考察意见'),
    attachments: Attachments,
    /** S6: the three evaluations of the assessment (an assessment only, not an activity record). */
    evaluations: Evaluations.optional(),
  }),
  'pipeline.recordReview': z.strictObject({
    caseId: Id,
    on: DateStr,
    conclusion: z.enum(['qualified', 'unqualified']),
    summary: Body('政治审查结论'),
    attachments: Attachments,
  }),
  /**
   * The steps the case may take next (A24), each with whether the caller may take it and why not, the evidence it
   * asks for, and the home branch's closed votes and the 公示 naming the person that the caller may pick from.
   */
  'pipeline.stepOptions': z.strictObject({ caseId: Id }),
  /**
   * D6: for the officers of temporary branches, their members with an open development case, to send assessments
   * and activity records home (name and home branch only). `unitId` narrows to one of the caller's temporary branches.
   */
  'pipeline.assessable': z.strictObject({ unitId: Id.optional(), ...PageInput }),
  /** Takes a step with its evidence; the gates run in the same transaction and a failing one writes nothing. */
  'pipeline.takeStep': z.strictObject({
    caseId: Id,
    step: z.enum(PIPELINE_STEPS),
    /** The meeting or decision record (minutes number). */
    meetingRef: Ref('会议记录'),
    voteId: Id.optional(),
    noticeId: Id.optional(),
    /** A7 under 2026.05: the higher committee's agreement. */
    approvalRef: Ref('上级党委同意记录').optional(),
    /** A11: the day the 《入党志愿书》 was issued (branch_accept). */
    formIssuedOn: DateStr.optional(),
    /** A20: months of the extension (extend_probation). */
    extensionMonths: z.number().int().min(1).max(24).optional(),
    /** A11: the day the candidate is expected to leave the unit (graduation); within three months is a warning. */
    leavesOn: DateStr.optional(),
    attachments: Attachments,
  }),
  'pipeline.requestOverride': z.strictObject({
    caseId: Id,
    rule: z.enum(OVERRIDABLE_RULES),
    reason: Text('特殊情况理由', PIPELINE_LIMITS.reasonMax, PIPELINE_LIMITS.reasonMin),
  }),
  'pipeline.confirmOverride': z.strictObject({ overrideId: Id }),
  /** A8: the party committee records 留党察看 on a member, or lifts it (rights restored), with its reason. */
  'pipeline.recordDiscipline': z.strictObject({
    personId: Id,
    change: z.enum(['impose', 'restore']),
    on: DateStr,
    reason: Text('理由', PIPELINE_LIMITS.reasonMax, PIPELINE_LIMITS.reasonMin),
  }),
  /** A18: the probationary member's oath facing the Party flag, after the committee's approval. */
  'pipeline.recordOath': z.strictObject({
    caseId: Id,
    on: DateStr,
    place: Text('宣誓地点', 100),
    leaderName: Text('领誓人', 40),
    attachments: Attachments,
  }),
  /** A4/A7 (2014): the higher committee acknowledges the filing of the branch's activist or 发展对象 decision. */
  'pipeline.acknowledgeFiling': z.strictObject({
    caseId: Id,
    decision: z.enum(['activist', 'candidate']),
    note: Text('备案意见', PIPELINE_LIMITS.reasonMax).optional(),
  }),
  /** A1: the committee corrects a birth date entered wrongly (set once at binding or import), with its reason. */
  'pipeline.correctBirthDate': z.strictObject({
    personId: Id,
    birthDate: DateStr,
    reason: Text('更正理由', PIPELINE_LIMITS.reasonMax, PIPELINE_LIMITS.reasonMin),
  }),
  /** A4/A7: the branch decisions in the committee's scope whose filing it has not acknowledged yet, oldest first. */
  'pipeline.filings': z.strictObject({ ...PageInput }),
  /** A1/A8: the people of the committee's scope with this name or student number (the 留党察看 and birth date page). */
  'pipeline.people': z.strictObject({ query: Text('姓名或学号', 40) }),
  /** The reminder template and how many reminders the caller's consents still allow. */
  'pipeline.reminderStatus': z.strictObject({}),
  /** The caller accepted the reminder template once (wx.requestSubscribeMessage): one consent, one message. */
  'pipeline.acceptReminder': z.strictObject({ templateId: z.string().min(1).max(128) }),
};

export interface GateView {
  rule: string;
  source: string;
  label: string;
  /** 'pass', 'fail', or 'at_step' (checked against the vote, 公示 or training ledger when the step is taken). */
  state: 'pass' | 'fail' | 'at_step';
  missing: string | null;
  warning: string | null;
}

export interface NextView {
  kind: PipelineTodoKind;
  label: string;
  due: string | null;
  notBefore: string | null;
  overdue: boolean;
}

export interface CaseRecordView {
  id: string;
  kind: PipelineRecordKind;
  label: string;
  on: string;
  /** A step's name, a talk's kind, ... */
  title: string;
  byName: string;
  /** The unit the record came from (a temporary branch's record flows home). */
  fromUnitName: string;
  text: string | null;
  attachments: string[];
  meetingRef: string | null;
  voteId: string | null;
  noticeId: string | null;
}

export interface CaseCardView {
  caseId: string;
  personId: string;
  personName: string;
  stage: PipelineStage;
  stageLabel: string;
  ruleVersion: RuleVersion;
  next: NextView | null;
}

export interface CaseView extends CaseCardView {
  branchId: string;
  branchName: string;
  ruleVersionLabel: string;
  appliedOn: string;
  /** The gates of the next step, with what is missing. */
  nextStep: PipelineStep | null;
  gates: GateView[];
  records: CaseRecordView[];
  chain: ChainView;
  /** Party standing counts from (A22), once a full member. */
  standingSince: string | null;
  probationSince: string | null;
  /** Whether the caller may take steps (a home branch officer, or a committee for its own steps). */
  canAct: boolean;
  /**
   * A1: the caller is the person and the case's application was made under 18 (a corrected birth date), before
   * probation: they apply again once 18 (pipeline.apply restarts the case).
   */
  mayReapply: boolean;
  /** What else the caller may do on this case now, from the rules the actions check (the page only shows it). */
  may: CaseMayView;
}

export interface CaseMayView {
  /** A18: record the oath (a home branch officer, the case waiting for it). */
  oath: boolean;
  /** A4/A7: the decisions whose filing the caller (a committee above the branch) may acknowledge. */
  filing: FilingDecisionView[];
}

export interface FilingDecisionView {
  decision: 'activist' | 'candidate';
  label: string;
  /** The day the branch decided. */
  decidedOn: string;
}

/** A case whose branch decisions wait for the committee's acknowledgement of their filing. */
export interface FilingView {
  caseId: string;
  personName: string;
  branchName: string;
  stageLabel: string;
  decisions: FilingDecisionView[];
}

/** A person as the party committee's 留党察看 and birth date page shows them. */
export interface PartyRecordView {
  personId: string;
  name: string;
  studentNo: string;
  statusLabel: string;
  branchName: string;
  birthDate: string | null;
  /** The 留党察看 on record (in force or lifted), or null. */
  discipline: (DisciplineView & { reason: string; restoreReason: string | null }) | null;
  may: {
    /** A8: impose 留党察看 today (a committee over the home branch; a member with none in force). */
    impose: boolean;
    /** A8: lift the one in force. */
    restore: boolean;
    /** A1: correct the birth date (a committee over the person's college). */
    birthDate: boolean;
  };
}

/** A closed vote of the home branch that names the person, as the step form offers it. */
export interface StepVoteOptionView {
  id: string;
  title: string;
  /** The meeting day. */
  date: string;
  /** This person's line in the count (通过, 未通过, …); '' when the count has none for them. */
  resultLabel: string;
  passed: boolean;
  /** Whether the step's vote gate accepts it; when not, what it says (`why`). */
  fits: boolean;
  why: string | null;
}

/** A 公示 of the home branch naming the person, as the step form offers it. */
export interface StepNoticeOptionView {
  id: string;
  title: string;
  /** The last day of the window, or null (not published). */
  windowEnd: string | null;
  state: NoticeState;
  stateLabel: string;
  /** Whether the step's 公示 gate accepts it today; when not, what it says (`why`). */
  fits: boolean;
  why: string | null;
}

export interface StepOptionView {
  step: PipelineStep;
  label: string;
  /** Whether the caller may take it (A11/A17/A22: the committee's steps; the rest the home branch's officers). */
  mayTake: boolean;
  /** Why not, in Chinese (null when the caller may). */
  reason: string | null;
  /**
   * The first day the step can be taken when that is after today (A7: a year as activist before the 发展对象 decision;
   * A21: conversion is discussed once probation ends), else null. The gate refuses it before that day.
   */
  notBefore: string | null;
  needs: {
    vote: boolean;
    /** 'required' by the case's version, 'optional' (checked when named), or null (the step reads none). */
    notice: 'required' | 'optional' | null;
    approvalRef: boolean;
    formIssuedOn: boolean;
    extensionMonths: boolean;
  };
  /** The evidence the caller may pick from (empty when the caller may not take the step), most recent first. */
  votes: StepVoteOptionView[];
  moreVotes: boolean;
  notices: StepNoticeOptionView[];
  moreNotices: boolean;
}

export interface StepOptionsView {
  caseId: string;
  personName: string;
  stageLabel: string;
  branchName: string;
  steps: StepOptionView[];
}

/**
 * D6: a member of a temporary branch the caller is an officer of, with an open development case at their home
 * branch: only what sending an assessment needs (who, where it goes, from which temporary branch). Never the stage,
 * the dates or the records: the temporary branch does not see the case.
 */
export interface AssessableView {
  personId: string;
  personName: string;
  homeBranchName: string;
  /** The temporary branch the record is sent from. */
  unitId: string;
  unitName: string;
}

export interface AssessablePageView extends Page<AssessableView> {
  /** The caller's temporary branches today (the page's filter). */
  units: { id: string; name: string }[];
}

export interface StepResultView {
  caseId: string;
  stage: PipelineStage;
  next: NextView | null;
  warnings: string[];
}

export interface TodoView {
  caseId: string;
  personName: string;
  branchId: string;
  branchName: string;
  stage: PipelineStage;
  next: NextView;
  role: 'officer' | 'contact';
}

export interface OverrideView {
  overrideId: string;
  rule: OverridableRule;
  state: 'requested' | 'confirmed';
}

export interface ReminderStatusView {
  /** The subscribe message template the mini-program asks the user to accept. */
  templateId: string;
  /** Unspent consents: reminders that may still be sent; 0 means the to-do list is the only reminder. */
  available: number;
}

export type { TalkKind };

export interface PipelineOutputs {
  'pipeline.apply': CaseView;
  'pipeline.setRuleVersion': { ruleVersion: RuleVersion };
  'pipeline.get': CaseView;
  'pipeline.attachmentLink': DossierFileView;
  'pipeline.mine': CaseView | null;
  'pipeline.list': Page<CaseCardView>;
  'pipeline.todo': TodoView[];
  'pipeline.recordTalk': RecordResultView;
  'pipeline.setContacts': RecordResultView;
  'pipeline.setIntroducers': RecordResultView;
  'pipeline.recordRecommendation': RecordResultView;
  'pipeline.recordAssessment': RecordResultView;
  'pipeline.recordReview': RecordResultView;
  'pipeline.takeStep': StepResultView;
  'pipeline.stepOptions': StepOptionsView;
  'pipeline.assessable': AssessablePageView;
  'pipeline.requestOverride': OverrideView;
  'pipeline.confirmOverride': OverrideView;
  'pipeline.recordDiscipline': DisciplineView;
  'pipeline.recordOath': RecordResultView;
  'pipeline.acknowledgeFiling': RecordResultView;
  /** ageGate: the A1 gate of the person's case on its application day after the correction (null: no case). */
  'pipeline.correctBirthDate': { personId: string; birthDate: string; ageGate: GateView | null };
  'pipeline.filings': Page<FilingView>;
  'pipeline.people': PartyRecordView[];
  'pipeline.reminderStatus': ReminderStatusView;
  'pipeline.acceptReminder': ReminderStatusView;
}

/** A person's 留党察看 as the committee recorded it (A8). */
export interface DisciplineView {
  personId: string;
  since: string;
  restoredOn: string | null;
  inForce: boolean;
}
