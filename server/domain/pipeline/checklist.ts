/**
 * The gates of each step, in order, from what the case knows and what the caller loaded for the step. A gate whose
 * evidence lives elsewhere (a vote, a 公示, the training ledger, the 推优 decisions, the introducers' records) is
 * `at_step` when that evidence was not loaded (the case page), and checked when the step is taken.
 */
import type { NoticeKind, VoteKind } from '../../../typings/actions';
import type { RuleVersion } from '../../../typings/domain';
import type { PipelineStep } from '../../../typings/vocabulary';
import {
  activistForOneYear,
  activistRecommended,
  ageOn,
  applicationAgeStands,
  approvalWithinDeadline,
  branchDecisionPending,
  branchVotePassed,
  candidateTrained,
  candidateTuiyouHeld,
  contactsAssigned,
  extensionPermitted,
  filingAcknowledged,
  firstTalkWithinMonth,
  type GateOutcome,
  halfYearlyAssessments,
  higherCommitteeAgreed,
  type IntroducerFacts,
  introducersEligible,
  meetingWithinMonthOfPreExam,
  notLeavingWithinThreeMonths,
  oathTaken,
  type PublicityFacts,
  politicalReviewConcluded,
  preExaminationPassed,
  probationHasEnded,
  publicityClosedClean,
  type RecommendationFacts,
  requiredTalkHeld,
  twoLevelPreExamPassed,
  type VoteFacts,
} from './gates';
import type { PreExamFacts } from './rings';
import type { PipelineRule } from './rules';
import type { CaseFacts } from './steps';

/** The case's own records the gates read. */
export interface CaseChecklistFacts extends CaseFacts {
  personId: string;
  branchId: string;
  contacts: number;
  recommendation: RecommendationFacts | null;
  reviewConclusion: 'qualified' | 'unqualified' | null;
  extensions: number;
  /** Rules with a confirmed special-case override (A10, A17). */
  overridden: readonly string[];
  /** S7: the latest conclusion of each level of the two-level pre-examination (absent until one is recorded). */
  preExams?: PreExamFacts;
}

/** What the caller loaded for the step; `undefined` = not loaded (shown as checked at the step). */
export interface StepEvidence {
  /** The day the step is taken. */
  today: string;
  /** The day of the meeting the step rests on (the vote's day), or today. */
  meetingOn: string;
  /** The case's copy of the birth date (A1, B1). */
  birthDate: string | null;
  leagueMember: boolean;
  vote?: VoteFacts | null;
  notice?: PublicityFacts | null;
  training?: { hours: number; days: number };
  /** Days of the valid-or-not 推优 decisions naming the person for the step's target. */
  tuiyou?: readonly string[];
  introducers?: readonly IntroducerFacts[];
  approvalRef?: string | null;
  formIssuedOn?: string | null;
  extensionMonths?: number | null;
  /** A11: the day the candidate is expected to leave the unit (graduation), when the officer gives it. */
  leavesOn?: string | null;
}

export interface ChecklistItem {
  rule: PipelineRule;
  label: string;
  outcome: GateOutcome | 'at_step';
}

/** B1: a League member under 28 on the day (an unknown birth date is read strictly: under 28). */
export function youngLeagueMember(leagueMember: boolean, birthDate: string | null, on: string): boolean {
  return leagueMember && (birthDate === null || ageOn(birthDate, on) < 28);
}

function loaded<T>(value: T | undefined, f: (v: T) => GateOutcome): GateOutcome | 'at_step' {
  return value === undefined ? 'at_step' : f(value);
}

/** The vote each voted step rests on: A4 (activist), A7 (发展对象), A14 (acceptance), A20 (extension, cancellation), A21. */
export const STEP_VOTE_KINDS: Partial<Record<PipelineStep, VoteKind>> = {
  determine_activist: 'activist_determination',
  determine_candidate: 'development_candidate_determination',
  branch_accept: 'acceptance',
  extend_probation: 'extension',
  branch_convert: 'conversion',
  cancel: 'cancellation',
};

/** The 公示 each publicised step reads (E2; A7 for the 发展对象 under 2026.05). Whether it is required is the version's. */
export const STEP_NOTICE_KINDS: Partial<Record<PipelineStep, NoticeKind>> = {
  determine_activist: 'activist',
  determine_candidate: 'development_candidate',
  branch_accept: 'acceptance',
  branch_convert: 'conversion',
};

/** The day of the step before `step`: its meeting is held no earlier (no earlier vote is reused). */
function previousStepOn(step: PipelineStep, c: CaseChecklistFacts): string | null {
  switch (step) {
    case 'determine_activist':
      return c.appliedOn;
    case 'determine_candidate':
      return c.activistSince;
    case 'branch_accept':
      return c.preExamOn;
    case 'extend_probation':
    case 'branch_convert':
    case 'cancel':
      return c.acceptedOn;
    default:
      return null;
  }
}

/**
 * A4/A7/A14/A20/A21: whether the vote named for `step` is the home branch's passed vote of the step's kind, held after
 * the step before it. The one check of a step's vote: the gates run it, and the step form uses it to say which of the
 * branch's votes would do.
 */
export function stepVoteGate(step: PipelineStep, c: CaseChecklistFacts, vote: VoteFacts | null): GateOutcome {
  const kind = STEP_VOTE_KINDS[step] ?? 'acceptance';
  return branchVotePassed(kind, vote, c.branchId, c.ruleVersion, previousStepOn(step, c));
}

/**
 * E2/A7: whether the 公示 named for `step` (or none) satisfies it on `stepOn`. The one check of a step's 公示: the gates
 * run it, and the step form uses it to say whether a 公示 is required and which of the branch's would do.
 */
export function stepPublicityGate(
  step: PipelineStep,
  c: CaseChecklistFacts,
  notice: PublicityFacts | null,
  stepOn: string,
): GateOutcome {
  const kind = STEP_NOTICE_KINDS[step] ?? 'acceptance';
  return publicityClosedClean(kind, notice, c.personId, c.branchId, stepOn, c.ruleVersion);
}

/** The evidence a step asks the officer for (the step form's fields). */
export interface StepEvidenceNeeded {
  /** The vote kind the step rests on, or null. */
  vote: VoteKind | null;
  /** The 公示 kind the step reads, and whether the case's version requires one; null when the step reads none. */
  notice: { kind: NoticeKind; required: boolean } | null;
  /** A7 (2026.05): the higher committee's agreement is named. */
  approvalRef: boolean;
  /** A11: the day the 《入党志愿书》 was issued. */
  formIssuedOn: boolean;
  /** A20: the months of the extension. */
  extensionMonths: boolean;
}

/** What `step` asks for on this case, read from the same gates that check it (a gate that fails on nothing needs it). */
export function stepEvidenceNeeded(step: PipelineStep, c: CaseChecklistFacts, today: string): StepEvidenceNeeded {
  const noticeKind = STEP_NOTICE_KINDS[step] ?? null;
  return {
    vote: STEP_VOTE_KINDS[step] ?? null,
    notice: noticeKind && { kind: noticeKind, required: !stepPublicityGate(step, c, null, today).pass },
    approvalRef: step === 'determine_candidate' && !higherCommitteeAgreed(null, c.ruleVersion).pass,
    formIssuedOn: step === 'branch_accept',
    extensionMonths: step === 'extend_probation',
  };
}

/**
 * The gates of `step` on a case under its version, in the order a secretary checks them: first A1 on the application
 * the case rests on (the birth date may have been corrected since), except for the steps that end a probationary
 * membership, which never rest on it being valid.
 */
export function checklistOf(step: PipelineStep, c: CaseChecklistFacts, ev: StepEvidence): ChecklistItem[] {
  const steps = stepGates(step, c, ev);
  if (step === 'cancel' || step === 'approve_cancellation') return steps;
  return [applicationAgeItem(c, ev.birthDate), ...steps];
}

/** A1 on the case's application day, from the case's copy of the birth date (as a correction leaves it). */
export function applicationAgeItem(
  c: Pick<CaseChecklistFacts, 'appliedOn' | 'stage' | 'ruleVersion'>,
  birthDate: string | null,
): ChecklistItem {
  return {
    rule: 'A1',
    label: '申请日年满十八周岁',
    outcome: applicationAgeStands(birthDate, c.appliedOn, c.stage, c.ruleVersion),
  };
}

function stepGates(step: PipelineStep, c: CaseChecklistFacts, ev: StepEvidence): ChecklistItem[] {
  const v: RuleVersion = c.ruleVersion;
  const on = ev.meetingOn;
  const young = youngLeagueMember(ev.leagueMember, ev.birthDate, on);
  const vote = (_kind: VoteKind) => loaded(ev.vote, (x) => stepVoteGate(step, c, x));
  const publicity = (_kind: NoticeKind) => loaded(ev.notice, (x) => stepPublicityGate(step, c, x, ev.today));
  switch (step) {
    case 'determine_activist':
      return [
        {
          rule: 'A3',
          label: '递交申请后一个月内谈话',
          outcome: firstTalkWithinMonth(c.appliedOn, c.talks.application ?? null, v),
        },
        {
          rule: 'A4',
          label: '党员推荐或团组织推优',
          outcome: loaded(ev.tuiyou, (t) => activistRecommended(c.recommendation, young, t, on, v)),
        },
        { rule: 'A4', label: '支部委员会研究决定', outcome: vote('activist_determination') },
        { rule: 'E2', label: '公示（按版本要求）', outcome: publicity('activist') },
      ];
    case 'determine_candidate': {
      const since = c.activistSince ?? c.appliedOn;
      return [
        { rule: 'A7', label: '确定为入党积极分子满一年', outcome: activistForOneYear(since, on, v) },
        { rule: 'A5', label: '培养联系人', outcome: contactsAssigned(c.contacts, v) },
        { rule: 'A6', label: '每半年考察一次', outcome: halfYearlyAssessments(since, c.assessedOn, on, v) },
        {
          rule: 'A25',
          label: '确定发展对象前谈话',
          outcome: requiredTalkHeld('确定发展对象前的谈话', c.talks.before_candidate ?? null, ev.today, v),
        },
        { rule: 'B1', label: '团员推优', outcome: loaded(ev.tuiyou, (t) => candidateTuiyouHeld(young, t, on, v)) },
        {
          rule: 'A4',
          label: '确定入党积极分子报上级党委备案',
          outcome: filingAcknowledged('activist', c.filed?.activist, v),
        },
        { rule: 'A7', label: '支部委员会讨论同意', outcome: vote('development_candidate_determination') },
        {
          rule: 'A7',
          label: '上级党委同意（2026年修订）',
          outcome: ev.approvalRef === undefined ? 'at_step' : higherCommitteeAgreed(ev.approvalRef, v),
        },
        { rule: 'A7', label: '发展对象公示', outcome: publicity('development_candidate') },
      ];
    }
    case 'pre_examine':
      return [
        {
          rule: 'A7',
          label: '确定发展对象报上级党委备案（2014年细则）',
          outcome: filingAcknowledged('candidate', c.filed?.candidate, v),
        },
        { rule: 'A11', label: '三个月内不离开本单位', outcome: notLeavingWithinThreeMonths(ev.leavesOn, ev.today) },
        { rule: 'A8', label: '两名入党介绍人', outcome: loaded(ev.introducers, (i) => introducersEligible(i, v)) },
        { rule: 'A9', label: '政治审查结论', outcome: politicalReviewConcluded(c.reviewConclusion, v) },
        {
          rule: 'A10',
          label: '发展对象集中培训',
          outcome: loaded(ev.training, (t) => candidateTrained(t.hours, t.days, v, c.overridden.includes('A10'))),
        },
        { rule: 'S7', label: '学院、学校两级书面预审通过', outcome: twoLevelPreExamPassed(c.preExams ?? {}, v) },
      ];
    case 'branch_accept':
      return [
        {
          rule: 'A11',
          label: '预审通过后发放《入党志愿书》',
          outcome:
            ev.formIssuedOn === undefined ? 'at_step' : preExaminationPassed(c.preExamOn, ev.formIssuedOn ?? null, v),
        },
        {
          rule: 'A12',
          label: '预审后一个月内提交支部大会',
          outcome: c.preExamOn
            ? ev.vote === undefined
              ? 'at_step'
              : meetingWithinMonthOfPreExam(c.preExamOn, on, v)
            : preExaminationPassed(null, null, v),
        },
        { rule: 'A11', label: '三个月内不离开本单位', outcome: notLeavingWithinThreeMonths(ev.leavesOn, on) },
        { rule: 'A14', label: '支部大会表决通过', outcome: vote('acceptance') },
        { rule: 'E2', label: '公示（按版本要求）', outcome: publicity('acceptance') },
      ];
    case 'approve_acceptance':
      return [
        {
          rule: 'A16',
          label: '党委审批前谈话',
          outcome: requiredTalkHeld('审批前的谈话', c.talks.before_approval ?? null, ev.today, v, 'A16'),
        },
        {
          rule: 'A17',
          label: '三个月内审批',
          outcome: approvalWithinDeadline(
            c.awaiting?.meetingOn ?? ev.today,
            ev.today,
            'A17',
            v,
            c.overridden.includes('A17'),
          ),
        },
      ];
    case 'extend_probation':
      return [
        {
          rule: 'A20',
          label: '延长预备期一次，六个月至一年',
          outcome:
            ev.extensionMonths === undefined ? 'at_step' : extensionPermitted(c.extensions, ev.extensionMonths ?? 0, v),
        },
        {
          rule: 'A19',
          label: '预备期已满',
          outcome: probationHasEnded(c.acceptedOn ?? c.appliedOn, null, on, v),
        },
        { rule: 'A20', label: '支部大会表决通过', outcome: vote('extension') },
      ];
    case 'branch_convert':
      return [
        {
          rule: 'A19',
          label: '预备期已满',
          outcome: probationHasEnded(c.acceptedOn ?? c.appliedOn, c.extensionMonths, on, v),
        },
        {
          rule: 'A25',
          label: '转正前谈话',
          outcome: requiredTalkHeld('转正前的谈话', c.talks.before_conversion ?? null, ev.today, v),
        },
        { rule: 'A18', label: '面向党旗进行入党宣誓', outcome: oathTaken(c.oathOn, on, v) },
        { rule: 'A21', label: '支部大会表决通过', outcome: vote('conversion') },
        { rule: 'E2', label: '公示（按版本要求）', outcome: publicity('conversion') },
      ];
    case 'approve_conversion':
      return [
        {
          rule: 'A22',
          label: '三个月内审批',
          outcome: approvalWithinDeadline(c.awaiting?.meetingOn ?? ev.today, ev.today, 'A22', v),
        },
      ];
    case 'cancel':
      return [{ rule: 'A20', label: '支部大会表决通过', outcome: vote('cancellation') }];
    case 'approve_extension':
    case 'approve_cancellation':
      return [
        {
          rule: 'A20',
          label:
            step === 'approve_extension'
              ? '支部大会决定延长预备期，报上级党委审批'
              : '支部大会决定取消预备党员资格，报上级党委审批',
          outcome: branchDecisionPending(c.awaiting, step, v),
        },
      ];
  }
}
