/**
 * The branch's forms on a development case (record a talk, an assessment, contacts, introducers, a political review,
 * take a step) and the student's application: what each form asks for, the input it sends, and the server's answer
 * when a gate refuses (the rule, its source, what is missing). Nothing here decides a rule; the server checks every
 * call and this module only words its answers.
 */

import type { PersonView, UnitView } from '../../../typings/actions/org';
import type {
  AssessableView,
  CaseCardView,
  CaseView,
  StepOptionsView,
  StepOptionView,
} from '../../../typings/actions/pipeline';
import type { ApiError } from '../../../typings/errors';
import {
  PIPELINE_STAGE_LABELS,
  PIPELINE_STAGES,
  PIPELINE_STEP_LABELS,
  PIPELINE_STEPS,
  type PipelineStage,
  type PipelineStep,
  TALK_KIND_LABELS,
  TALK_KINDS,
  type TalkKind,
} from '../../typings/vocabulary';
import { formatChineseDate } from '../format';
import { endedText } from './journey';

export const PIPELINE_FORMS = ['talk', 'assessment', 'contacts', 'introducers', 'review', 'step'] as const;
export type PipelineForm = (typeof PIPELINE_FORMS)[number];

export const FORM_TITLES: Record<PipelineForm, string> = {
  talk: '记录谈话',
  assessment: '记录考察',
  contacts: '确定培养联系人',
  introducers: '确定入党介绍人',
  review: '记录政治审查',
  step: '办理发展步骤',
};

export const FORM_SUBMIT: Record<PipelineForm, string> = {
  talk: '保存谈话记录',
  assessment: '提交考察情况',
  contacts: '确定培养联系人',
  introducers: '确定入党介绍人',
  review: '保存政治审查结论',
  step: '办理',
};

export function isPipelineForm(v: string | undefined): v is PipelineForm {
  return (PIPELINE_FORMS as readonly string[]).includes(v ?? '');
}

export interface OptionVM {
  value: string;
  label: string;
}

export const TALK_OPTIONS: OptionVM[] = TALK_KINDS.map((k) => ({ value: k, label: TALK_KIND_LABELS[k] }));
export const STEP_OPTIONS: OptionVM[] = PIPELINE_STEPS.map((s) => ({ value: s, label: PIPELINE_STEP_LABELS[s] }));
export const STAGE_OPTIONS: OptionVM[] = [
  { value: '', label: '全部' },
  ...PIPELINE_STAGES.map((s) => ({ value: s, label: PIPELINE_STAGE_LABELS[s] })),
];
export const REVIEW_OPTIONS: OptionVM[] = [
  { value: 'qualified', label: '合格' },
  { value: 'unqualified', label: '不合格' },
];
export const ASSESSMENT_OPTIONS: OptionVM[] = [
  { value: 'assessment', label: '考察' },
  { value: 'activity', label: '活动表现' },
];

/** What a gate said when it refused: shown whole on the form, never as a passing toast. */
export interface GateAnswerVM {
  rule: string;
  source: string;
  missing: string;
  title: string;
}

/** The gate's answer of a GATE_NOT_MET refusal (its rule, source and what is missing); null for any other error. */
export function gateAnswerOf(error: ApiError): GateAnswerVM | null {
  if (error.code !== 'GATE_NOT_MET') return null;
  const f = error.fields ?? {};
  return {
    rule: f.rule ?? '',
    source: f.source ?? '',
    missing: f.missing ?? error.message,
    title: f.rule ? `未满足 ${f.rule}` : '尚不符合办理条件',
  };
}

/** A person one may pick as a contact or introducer (the server checks eligibility when the form is sent). */
export interface PickVM {
  id: string;
  name: string;
  meta: string;
  picked: boolean;
}

export function toPickVMs(people: readonly PersonView[], picked: readonly string[], exclude: string): PickVM[] {
  return people
    .filter((p) => p.id !== exclude)
    .map((p) => ({
      id: p.id,
      name: p.name,
      meta: [p.statusLabel, ...p.positions.map((x) => x.roleLabel)].filter(Boolean).join(' · '),
      picked: picked.includes(p.id),
    }));
}

/**
 * The branches a student may address the application to: the home party branch on the roster, or else the student
 * party branches of their college (the server checks which is home when the application arrives).
 */
export function applyBranches(mine: readonly UnitView[], all: readonly UnitView[], collegeId: string): OptionVM[] {
  const home = mine.filter((u) => u.kind === 'party_branch');
  const offered = home.length ? home : all.filter((u) => u.kind === 'party_branch' && u.parentId === collegeId);
  return offered.map((u) => ({ value: u.id, label: u.name }));
}

/** The case as the form's header shows it. */
export interface SubjectVM {
  name: string;
  stage: string;
  branch: string;
  next: string;
}

export function subjectOf(v: CaseView): SubjectVM {
  return {
    name: v.personName,
    stage: v.stageLabel,
    branch: v.branchName,
    next: v.next ? `下一步：${v.next.label}` : endedText(v.stage),
  };
}

/** The values a form holds while it is filled in. */
export interface FormValues {
  caseId: string;
  personId: string;
  unitId: string;
  on: string;
  talkKind: TalkKind;
  topics: string;
  content: string;
  opinion: string;
  assessmentKind: 'assessment' | 'activity';
  picked: string[];
  conclusion: 'qualified' | 'unqualified';
  summary: string;
  step: PipelineStep;
  meetingRef: string;
  voteId: string;
  noticeId: string;
  approvalRef: string;
  formIssuedOn: string;
  extensionMonths: string;
  /** The uploaded attachments' fileIDs (talk, assessment, review, step). */
  attachments: string[];
}

export function emptyValues(today: string): FormValues {
  return {
    caseId: '',
    personId: '',
    unitId: '',
    on: today,
    talkKind: 'application',
    topics: '',
    content: '',
    opinion: '',
    assessmentKind: 'assessment',
    picked: [],
    conclusion: 'qualified',
    summary: '',
    step: 'determine_activist',
    meetingRef: '',
    voteId: '',
    noticeId: '',
    approvalRef: '',
    formIssuedOn: '',
    extensionMonths: '',
    attachments: [],
  };
}

/** The talk a case is waiting for, so the form opens on it. */
export function talkKindFor(v: CaseView): TalkKind {
  if (v.next?.kind === 'application_talk') return 'application';
  if (v.nextStep === 'determine_candidate') return 'before_candidate';
  if (v.nextStep === 'branch_accept' || v.nextStep === 'approve_acceptance') return 'before_approval';
  if (v.nextStep === 'branch_convert' || v.nextStep === 'approve_conversion') return 'before_conversion';
  return 'regular';
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The action and input a form sends. */
export function requestOf(form: PipelineForm, v: FormValues) {
  switch (form) {
    case 'talk':
      return {
        action: 'pipeline.recordTalk' as const,
        input: {
          caseId: v.caseId,
          kind: v.talkKind,
          on: v.on,
          topics: v.topics,
          content: v.content,
          opinion: v.opinion,
          attachments: v.attachments,
        },
      };
    case 'assessment':
      return {
        action: 'pipeline.recordAssessment' as const,
        input: {
          personId: v.personId,
          unitId: v.unitId,
          kind: v.assessmentKind,
          on: v.on,
          content: v.content,
          opinion: v.opinion,
          attachments: v.attachments,
        },
      };
    case 'contacts':
      return {
        action: 'pipeline.setContacts' as const,
        input: { caseId: v.caseId, contactIds: v.picked, on: v.on },
      };
    case 'introducers':
      return {
        action: 'pipeline.setIntroducers' as const,
        input: { caseId: v.caseId, introducerIds: v.picked, on: v.on },
      };
    case 'review':
      return {
        action: 'pipeline.recordReview' as const,
        input: { caseId: v.caseId, on: v.on, conclusion: v.conclusion, summary: v.summary, attachments: v.attachments },
      };
    case 'step': {
      const months = Number.parseInt(v.extensionMonths, 10);
      return {
        action: 'pipeline.takeStep' as const,
        input: {
          caseId: v.caseId,
          step: v.step,
          meetingRef: v.meetingRef,
          voteId: opt(v.voteId),
          noticeId: opt(v.noticeId),
          approvalRef: opt(v.approvalRef),
          formIssuedOn: opt(v.formIssuedOn),
          extensionMonths: Number.isFinite(months) ? months : undefined,
          attachments: v.attachments,
        },
      };
    }
  }
}

/** One line of the branch's case list. */
export interface CaseLineVM {
  caseId: string;
  name: string;
  stage: string;
  next: string;
  due: string;
  overdue: boolean;
}

export function toCaseLineVM(c: CaseCardView): CaseLineVM {
  const n = c.next;
  return {
    caseId: c.caseId,
    name: c.personName,
    stage: c.stageLabel,
    next: n ? n.label : endedText(c.stage),
    due: n?.due ? `${n.overdue ? '已逾期 · ' : ''}${formatChineseDate(n.due)}前` : '',
    overdue: n?.overdue ?? false,
  };
}

export function stageLabelOf(stage: string): string {
  return (PIPELINE_STAGE_LABELS as Record<string, string>)[stage] ?? '全部';
}

/** A vote or a 公示 the officer may pick for the step, as the server described it. */
export interface EvidenceVM {
  id: string;
  title: string;
  /** Its day and result (a vote) or its window's end and state (a 公示). */
  meta: string;
  /** What the step's gate says of it when it would not do; '' when it would. */
  why: string;
  fits: boolean;
}

/** A step the case may take next, as the step form shows it: the server says who may take it and what it needs. */
export interface StepChoiceVM {
  value: PipelineStep;
  label: string;
  disabled: boolean;
  /** Why the caller may not take it ('' when they may). */
  reason: string;
  /** When the step cannot be taken yet: from which day ('' when it can). */
  notBefore: string;
  needsVote: boolean;
  /** '' (the step reads no 公示), 'required' or 'optional'. */
  notice: '' | 'required' | 'optional';
  needsApproval: boolean;
  needsFormIssued: boolean;
  needsMonths: boolean;
  votes: EvidenceVM[];
  notices: EvidenceVM[];
  moreVotes: boolean;
  moreNotices: boolean;
}

export function toStepChoiceVM(o: StepOptionView): StepChoiceVM {
  return {
    value: o.step,
    label: o.label,
    disabled: !o.mayTake,
    reason: o.reason ?? '',
    notBefore: o.notBefore ? `${formatChineseDate(o.notBefore)}起方可办理` : '',
    needsVote: o.needs.vote,
    notice: o.needs.notice ?? '',
    needsApproval: o.needs.approvalRef,
    needsFormIssued: o.needs.formIssuedOn,
    needsMonths: o.needs.extensionMonths,
    votes: o.votes.map((v) => ({
      id: v.id,
      title: v.title,
      meta: [formatChineseDate(v.date), v.resultLabel ? `本人${v.resultLabel}` : ''].filter(Boolean).join(' · '),
      why: v.why ?? '',
      fits: v.fits,
    })),
    notices: o.notices.map((n) => ({
      id: n.id,
      title: n.title,
      meta: [n.stateLabel, n.windowEnd ? `公示至${formatChineseDate(n.windowEnd)}` : ''].filter(Boolean).join(' · '),
      why: n.why ?? '',
      fits: n.fits,
    })),
    moreVotes: o.moreVotes,
    moreNotices: o.moreNotices,
  };
}

/** The step form's choices, and the one it opens on: the first the caller may take (else the first). */
export function stepChoicesOf(v: StepOptionsView): { choices: StepChoiceVM[]; first: StepChoiceVM | null } {
  const choices = v.steps.map(toStepChoiceVM);
  return { choices, first: choices.find((c) => !c.disabled) ?? choices[0] ?? null };
}

/** The evidence the form opens with: the first vote and 公示 that would do (none picked when none would). */
export function firstFitting(list: readonly EvidenceVM[]): string {
  return list.find((e) => e.fits)?.id ?? '';
}

/** The case as the step form's header shows it (from the step options, without a second call). */
export function stepSubjectOf(v: StepOptionsView): SubjectVM {
  const takeable = v.steps.filter((s) => s.mayTake).length;
  return {
    name: v.personName,
    stage: v.stageLabel,
    branch: v.branchName,
    next: v.steps.length
      ? takeable
        ? `可办理：${v.steps
            .filter((s) => s.mayTake)
            .map((s) => s.label)
            .join('、')}`
        : '下一步不由您办理'
      : '没有可办理的步骤',
  };
}

/** One member a temporary branch's officer may send an assessment about. */
export interface AssessableVM {
  key: string;
  personId: string;
  name: string;
  meta: string;
  unitId: string;
  unitName: string;
}

export function toAssessableVM(a: AssessableView): AssessableVM {
  return {
    key: `${a.personId}_${a.unitId}`,
    personId: a.personId,
    name: a.personName,
    meta: `${a.homeBranchName} · 经${a.unitName}报送`,
    unitId: a.unitId,
    unitName: a.unitName,
  };
}

export type { PipelineStage };
