/**
 * The gates of the development pipeline: one function per rule, named after it. Each takes the facts the caller
 * loaded (dates are YYYY-MM-DD, Asia/Shanghai; nothing here reads a clock or a database) and the case's rule version,
 * and answers either a pass (possibly with a warning) or the rule code, its source and what is missing.
 */
import type { NoticeKind, VoteKind } from '../../../typings/actions';
import type { PoliticalStatus, RuleVersion } from '../../../typings/domain';
import {
  type PipelineStage,
  PRE_EXAM_CONCLUSION_LABELS,
  PRE_EXAM_LEVEL_LABELS,
  type PreExamLevel,
  type RecommendationSource,
} from '../../../typings/vocabulary';
import { checkStepPublicity, type PublicityWindow, type RequirementTable } from '../notices';
import { addMonthsClamped, probationEnd, recommendationValid } from '../votes';
import type { PreExamFacts } from './rings';
import { type PipelineRule, sourceOf, VERSION_RULES } from './rules';

export interface GatePass {
  pass: true;
  /** A rule that is guidance only under this version (A12 under 2014, A17 past three months). */
  warning?: string;
  /** Passed by a confirmed special-case override (A10, A17). */
  overridden?: boolean;
}

export interface GateFailure {
  pass: false;
  rule: PipelineRule;
  source: string;
  missing: string;
}

export type GateOutcome = GatePass | GateFailure;

const PASS: GatePass = { pass: true };

function fail(rule: PipelineRule, version: RuleVersion, missing: string): GateFailure {
  return { pass: false, rule, source: sourceOf(rule, version), missing };
}

/** Whole years between `birthDate` and `on` (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** A1 (细则 第五条; 党章 第一条): the applicant is at least 18 on the day of the application. */
export function applicantIsAdult(birthDate: string | null, appliedOn: string, v: RuleVersion): GateOutcome {
  if (!birthDate) return fail('A1', v, '未登记出生日期，无法核对年龄');
  if (ageOn(birthDate, appliedOn) < 18) {
    return fail('A1', v, `申请日 ${appliedOn} 未满十八周岁（${addMonthsClamped(birthDate, 216)} 年满十八周岁）`);
  }
  return PASS;
}

/** A1: the stages in which an application found void for age is made again by the person (before probation). */
const BEFORE_PROBATION: readonly PipelineStage[] = ['applicant', 'activist', 'development_candidate'];

/**
 * A1 re-checked on a case already opened, on every step after the application: the case's copy of the birth date
 * (which a committee's correction updates) against the application day. An application made under 18 was not a valid
 * application (细则 第五条), so no later step rests on it: before probation the person applies again once 18
 * (pipeline.apply restarts the case, see reapplicationForAge); a probationary member's case is the committee's to
 * handle (only its cancellation steps stay open). A birth date the case does not hold (a development carried over
 * from paper without one) is not judged again: the paper application was checked when it was made.
 */
export function applicationAgeStands(
  birthDate: string | null,
  appliedOn: string,
  stage: PipelineStage,
  v: RuleVersion,
): GateOutcome {
  if (!birthDate) return PASS;
  const outcome = applicantIsAdult(birthDate, appliedOn, v);
  if (outcome.pass) return outcome;
  const then = BEFORE_PROBATION.includes(stage)
    ? '该申请无效，须年满十八周岁后由本人重新递交入党申请'
    : '请上级党委按规定处理';
  return { ...outcome, missing: `${outcome.missing}，${then}` };
}

/**
 * A1: whether a person whose case exists applies again: the case's application fails A1 on its own day (after a
 * correction of the birth date) and the case is before probation. The new application is then checked like a first
 * one (18 on its own day).
 */
export function reapplicationForAge(c: {
  stage: PipelineStage;
  appliedOn: string;
  subject: { birthDate: string | null };
  ruleVersion: RuleVersion;
}): boolean {
  return (
    BEFORE_PROBATION.includes(c.stage) &&
    !applicationAgeStands(c.subject.birthDate, c.appliedOn, c.stage, c.ruleVersion).pass
  );
}

/**
 * A1 (a product rule serving A1): a birth date is entered once, at binding, application or import; a later source
 * (another import, a second application) with a different date changes nothing and is reported. Only the committee
 * corrects it, with a reason, through pipeline.correctBirthDate. 'set': the stored record has none and takes it.
 */
export function birthDateEnteredOnce(
  stored: string | null | undefined,
  incoming: string | null | undefined,
): 'keep' | 'set' | 'conflict' {
  if (!incoming) return 'keep';
  if (!stored) return 'set';
  return stored === incoming ? 'keep' : 'conflict';
}

/**
 * A2 (细则 第六条) and D6 (支部工作条例（试行）: a temporary branch does not develop members): a case belongs to a
 * regular party branch, and to the applicant's own.
 */
export function applicationToHomeBranch(branch: { kind: string; isHome: boolean }, v: RuleVersion): GateOutcome {
  if (branch.kind === 'temp_party_branch') return fail('D6', v, '临时党支部不接收入党申请，请向本人所在党支部提出');
  if (branch.kind !== 'party_branch') return fail('A2', v, '入党申请应向党支部提出');
  if (!branch.isHome) return fail('A2', v, '入党申请应向本人学习所在单位的党支部提出');
  return PASS;
}

/**
 * A3 (细则 第七条): the branch talks with the applicant within one month of receiving the application: the last
 * allowed day is the application day plus one month, clamped to the end of the month (31 January → 28/29 February).
 * A3: the duty is the organisation's; a talk held after the month is recorded as it happened and the gate passes
 * with a warning that stays on the step's record (the 细则 names no special case to override, and refusing would
 * bar the applicant for the organisation's delay). A talk back-dated into the month is refused (recordDateAllowed).
 */
export function firstTalkWithinMonth(appliedOn: string, talkOn: string | null, v: RuleVersion): GateOutcome {
  const last = addMonthsClamped(appliedOn, 1);
  if (!talkOn) return fail('A3', v, `尚无递交申请后的谈话记录（应于 ${last} 前完成）`);
  // A3: the month binds the organisation, not the applicant: a late talk is flagged on the case, never a bar.
  if (talkOn > last) return { pass: true, warning: `谈话于 ${talkOn}，晚于申请后一个月（${last}），属党组织逾期` };
  return PASS;
}

export interface RecommendationFacts {
  source: RecommendationSource;
  on: string;
}

/**
 * A4 (细则 第八条) with B1 (中组部1995意见; 中青发〔2019〕9号): an activist is proposed by party members or by the
 * League's 推优; a League member under 28 on the decision day needs a 推优 of the matching target that is still
 * valid (B3: two years).
 */
export function activistRecommended(
  rec: RecommendationFacts | null,
  youngLeagueMember: boolean,
  tuiyouDecidedOn: readonly string[],
  on: string,
  v: RuleVersion,
): GateOutcome {
  const validTuiyou = tuiyouDecidedOn.some((d) => recommendationValid(d, on));
  if (youngLeagueMember && !validTuiyou) return fail('B1', v, '28周岁以下的共青团员须经团组织推优（两年内有效）');
  if (!rec && !validTuiyou) return fail('A4', v, '尚无党员推荐或团组织推优记录');
  return PASS;
}

/** B1: the 推优 a League member under 28 needs for the 发展对象 step (target: development candidate). */
export function candidateTuiyouHeld(
  youngLeagueMember: boolean,
  tuiyouDecidedOn: readonly string[],
  on: string,
  v: RuleVersion,
): GateOutcome {
  if (!youngLeagueMember) return PASS;
  if (tuiyouDecidedOn.some((d) => recommendationValid(d, on))) return PASS;
  return fail('B1', v, '28周岁以下的共青团员确定为发展对象须经团组织推优（两年内有效）');
}

/** What the votes module says about one candidate in one vote. */
export interface VoteFacts {
  kind: VoteKind;
  unitId: string;
  closed: boolean;
  counted: boolean;
  /** This person's line: passed / failed, or null when not a candidate. */
  outcome: string | null;
  /** The day of the meeting (YYYY-MM-DD). */
  meetingOn: string;
}

const VOTE_RULE: Partial<Record<VoteKind, PipelineRule>> = {
  activist_determination: 'A4',
  development_candidate_determination: 'A7',
  acceptance: 'A14',
  conversion: 'A21',
  extension: 'A20',
  cancellation: 'A20',
};

/**
 * A4/A7 (the branch's decision), A14 (acceptance), A21 (conversion), A20 (extension, cancellation): the home
 * branch's vote of the step's kind was closed and counted, and this person passed (quorum and threshold on those
 * expected are the votes module's own checks), at a meeting held no earlier than the previous step (`notBefore`).
 */
export function branchVotePassed(
  kind: VoteKind,
  vote: VoteFacts | null,
  homeBranchId: string,
  v: RuleVersion,
  notBefore: string | null = null,
): GateOutcome {
  const rule = VOTE_RULE[kind] ?? 'A14';
  if (!vote) return fail(rule, v, '尚未关联本支部的表决');
  if (notBefore && vote.meetingOn < notBefore)
    return fail(rule, v, `表决于 ${vote.meetingOn}，早于上一环节（${notBefore}）`);
  if (vote.kind !== kind) return fail(rule, v, '关联的表决类型与本步骤不符');
  if (vote.unitId !== homeBranchId) return fail(rule, v, '表决不是本人所在党支部作出的');
  if (!vote.closed || !vote.counted) return fail(rule, v, '表决尚未结束或无效');
  if (vote.outcome === null) return fail(rule, v, '本人不是该表决的候选人');
  if (vote.outcome !== 'passed') return fail(rule, v, '表决未通过');
  return PASS;
}

/**
 * A5 (细则 第九条): the branch names one or two formal members (正式党员) as an activist's cultivation contacts; a
 * probationary member cannot be one, nor can the activist, nor the same person twice. The one check of the contacts
 * named (the development case holds them; the activist file reads them from it).
 */
export function contactsMayCultivate(
  activistId: string,
  contacts: readonly { id: string; name: string; status: PoliticalStatus }[],
  v: RuleVersion,
): GateOutcome {
  if (contacts.length < 1 || contacts.length > 2) return fail('A5', v, '培养联系人应为一至二名正式党员');
  if (new Set(contacts.map((c) => c.id)).size !== contacts.length) return fail('A5', v, '培养联系人不能重复');
  for (const c of contacts) {
    if (c.id === activistId) return fail('A5', v, '不能指定本人为培养联系人');
    if (c.status !== 'full_member') return fail('A5', v, `${c.name} 不是正式党员，不能作培养联系人`);
  }
  return PASS;
}

/** A5 (细则 第九条): by the 发展对象 step, one or two formal members are the activist's cultivation contacts. */
export function contactsAssigned(contacts: number, v: RuleVersion): GateOutcome {
  if (contacts < 1) return fail('A5', v, '尚未确定培养联系人（一至二名正式党员）');
  if (contacts > 2) return fail('A5', v, '培养联系人为一至二名');
  return PASS;
}

/**
 * A6 (细则 第十条、第十一条): the branch assesses each activist once every half year. The gate counts: by `on` there
 * are at least as many assessments since the activist date as full half years have passed. A half year that went
 * without one is a warning (A6: "warn if more than 6 months pass with no assessment"); it is caught up by an
 * assessment made now, never by one back-dated into the half year that has ended (see recordDeadline).
 */
export function halfYearlyAssessments(
  activistSince: string,
  assessedOn: readonly string[],
  on: string,
  v: RuleVersion,
): GateOutcome {
  const held = assessedOn.filter((d) => d >= activistSince && d <= on).length;
  let due = 0;
  const gaps: string[] = [];
  for (let k = 0; k < 100; k++) {
    const from = addMonthsClamped(activistSince, 6 * k);
    const to = addMonthsClamped(activistSince, 6 * (k + 1));
    if (to > on) break;
    due += 1;
    if (!assessedOn.some((d) => d >= from && d < to)) gaps.push(`${from} 至 ${to}`);
  }
  if (held < due) return fail('A6', v, `已满 ${due} 个半年，只有 ${held} 次考察（${gaps.join('、')} 未考察）`);
  return gaps.length ? { pass: true, warning: `${gaps.join('、')} 未按期考察，已补做` } : PASS;
}

/** A7 (细则 第十三条): at least one year as an activist before becoming a 发展对象 (a day short is not a year). */
export function activistForOneYear(activistSince: string, on: string, v: RuleVersion): GateOutcome {
  const year = addMonthsClamped(activistSince, 12);
  if (on < year) return fail('A7', v, `确定为入党积极分子满一年为 ${year}`);
  return PASS;
}

/** A7 (2026.05 第十三条): the higher committee agreed to the 发展对象; under 2014 it is filed, not approved. */
export function higherCommitteeAgreed(approvalRef: string | null, v: RuleVersion): GateOutcome {
  if (!VERSION_RULES[v].candidateNeedsHigherApproval) return PASS;
  if (!approvalRef) return fail('A7', v, '须经上级党委同意（请填写上级党委同意的文号或记录）');
  return PASS;
}

/**
 * A25 (四必谈) and A16 (the committee's talk before approval): the required talk was held, on or before the day of
 * the step.
 */
export function requiredTalkHeld(
  label: string,
  talkOn: string | null,
  stepOn: string,
  v: RuleVersion,
  rule: 'A25' | 'A16' = 'A25',
): GateOutcome {
  if (!talkOn || talkOn > stepOn) return fail(rule, v, `尚无${label}记录`);
  return PASS;
}

export interface IntroducerFacts {
  name: string;
  status: string;
  /** Under 留党察看 whose rights are not restored on the day. */
  underDiscipline: boolean;
}

/**
 * A8 (细则 第十四条): two formal members introduce the candidate; a probationary member, or one under 留党察看 whose
 * rights are not restored, may not.
 */
export function introducersEligible(introducers: readonly IntroducerFacts[], v: RuleVersion): GateOutcome {
  if (introducers.length !== 2) return fail('A8', v, '须有两名正式党员作入党介绍人');
  for (const i of introducers) {
    if (i.status !== 'full_member') return fail('A8', v, `${i.name} 不是正式党员，不能作入党介绍人`);
    if (i.underDiscipline) return fail('A8', v, `${i.name} 受留党察看处分、尚未恢复党员权利，不能作入党介绍人`);
  }
  return PASS;
}

/** A8: whether a 留党察看 recorded on a person is in force on `on` (from its start until the day rights are restored). */
export function disciplineInForce(
  d: { since: string; restoredOn: string | null } | null | undefined,
  on: string,
): boolean {
  return !!d && d.since <= on && (d.restoredOn ?? '9999-12-31') > on;
}

/**
 * A8 (细则 第十四条; 党章 on 留党察看): the party committee records a 留党察看 on a member (formal or probationary) who
 * has none in force, and lifts it (rights restored) on a day after it began. Answers what is wrong, or null.
 */
export function disciplineChange(
  current: { since: string; restoredOn: string | null } | null | undefined,
  change: 'impose' | 'restore',
  status: string,
  on: string,
): 'DISCIPLINE_NOT_MEMBER' | 'DISCIPLINE_IN_FORCE' | 'DISCIPLINE_NONE' | null {
  if (change === 'impose') {
    if (status !== 'full_member' && status !== 'probationary_member') return 'DISCIPLINE_NOT_MEMBER';
    if (current && (current.restoredOn === null || current.restoredOn > on)) return 'DISCIPLINE_IN_FORCE';
    return null;
  }
  if (!current || current.restoredOn !== null || on <= current.since) return 'DISCIPLINE_NONE';
  return null;
}

/**
 * A18 (细则 2014 接收预备党员后入党宣誓; 2026 第二十九条): the probationary member took the oath facing the Party flag
 * after the approval and before the branch meeting on conversion. Both versions list the oath in the 转正 stage before
 * the conversion application (A24), so it is a gate of the branch's conversion meeting.
 */
export function oathTaken(oathOn: string | null | undefined, meetingOn: string, v: RuleVersion): GateOutcome {
  if (!oathOn) return fail('A18', v, '尚无入党宣誓记录');
  if (oathOn > meetingOn) return fail('A18', v, `入党宣誓于 ${oathOn}，晚于支部大会（${meetingOn}）`);
  return PASS;
}

/**
 * A4 (both versions: 报上级党委备案) and A7 (2014: the 发展对象 is filed; 2026: agreed instead, see
 * higherCommitteeAgreed): the branch's decision is filed with the higher committee. Filing is not approval, so a
 * filing the committee has not yet acknowledged is a warning on the next step, never a bar. Null: not required.
 */
export function filingAcknowledged(
  decision: 'activist' | 'candidate',
  acknowledgedOn: string | undefined,
  v: RuleVersion,
): GateOutcome {
  if (decision === 'candidate' && VERSION_RULES[v].candidateNeedsHigherApproval) return PASS;
  if (acknowledgedOn) return PASS;
  const what = decision === 'activist' ? '确定入党积极分子' : '确定发展对象';
  return { pass: true, warning: `${what}的决定尚未经上级党委确认备案` };
}

/**
 * A18: whether the oath may be recorded on the case now (after the committee's approval, while a probationary member,
 * once, and not after the branch meeting on conversion or cancellation has decided). Answers what is wrong, or null.
 * The record action refuses with it and the case page offers the form from it.
 */
export function oathRecordable(c: {
  stage: string;
  oathOn?: string | null;
  awaiting: { step: string } | null;
}): { code: 'STEP_OUT_OF_ORDER' | 'OATH_RECORDED'; message?: string } | null {
  if (c.stage !== 'probationary_member') {
    return { code: 'STEP_OUT_OF_ORDER', message: '入党宣誓在党委审批接收为预备党员之后进行' };
  }
  if (c.oathOn) return { code: 'OATH_RECORDED' };
  if (c.awaiting?.step === 'approve_conversion' || c.awaiting?.step === 'approve_cancellation') {
    return { code: 'STEP_OUT_OF_ORDER', message: '支部大会已作出决定，不能再补记入党宣誓' };
  }
  return null;
}

/** The branch decisions a higher committee acknowledges the filing of (A4, A7). */
export const FILING_DECISIONS = ['activist', 'candidate'] as const;
export type FilingDecision = (typeof FILING_DECISIONS)[number];

/**
 * A4 and A7 (2014): whether the filing of the branch's decision awaits the committee's acknowledgement: the decision
 * was taken (the case not cancelled), the version files it (under 2026 the 发展对象 is agreed, not filed), and nobody
 * acknowledged it yet. Answers what is wrong, or null. The acknowledgement refuses with it; the case page, the
 * committee's filing list and its to-do list offer the acknowledgement from it.
 */
export function filingAwaited(
  c: {
    ruleVersion: RuleVersion;
    stage: string;
    activistSince: string | null;
    candidateSince: string | null;
    filed?: { activist?: string; candidate?: string };
  },
  decision: FilingDecision,
): { code: 'FILING_NOT_REQUIRED' | 'STEP_OUT_OF_ORDER' | 'FILING_ACKNOWLEDGED'; message?: string } | null {
  if (decision === 'candidate' && VERSION_RULES[c.ruleVersion].candidateNeedsHigherApproval) {
    return { code: 'FILING_NOT_REQUIRED' };
  }
  const decidedOn = decision === 'activist' ? c.activistSince : c.candidateSince;
  if (!decidedOn || c.stage === 'cancelled') return { code: 'STEP_OUT_OF_ORDER', message: '支部尚未作出该决定' };
  if (c.filed?.[decision]) return { code: 'FILING_ACKNOWLEDGED' };
  return null;
}

/** The rule versions under which the branch's 发展对象 decision is filed with the committee (A7, 2014). */
export function versionsFilingCandidates(): RuleVersion[] {
  return (Object.keys(VERSION_RULES) as RuleVersion[]).filter((v) => !VERSION_RULES[v].candidateNeedsHigherApproval);
}

/**
 * A11 (细则 第十九条: "一般不予发展"): a candidate expected to leave the unit (graduate) within three months of the
 * day is generally not admitted: a warning, not a bar (the word 一般 leaves it to the committee).
 */
export function notLeavingWithinThreeMonths(leavesOn: string | null | undefined, on: string): GateOutcome {
  if (!leavesOn) return PASS;
  const limit = addMonthsClamped(on, 3);
  if (leavesOn > limit) return PASS;
  return { pass: true, warning: `预计于 ${leavesOn} 离开本单位（三个月内），一般不予发展` };
}

/** A9 (细则 第十六条): a political review concluded 合格 before the pre-examination. */
export function politicalReviewConcluded(conclusion: 'qualified' | 'unqualified' | null, v: RuleVersion): GateOutcome {
  if (conclusion === null) return fail('A9', v, '政治审查尚未形成结论');
  if (conclusion !== 'qualified') return fail('A9', v, '政治审查结论为不合格');
  return PASS;
}

/** A10: the candidate training is at least 3 days or at least 24 学时 (from the trainings ledger). */
export const CANDIDATE_TRAINING_HOURS = 24;
export const CANDIDATE_TRAINING_DAYS = 3;

/** A10: centralised training of at least 3 days or 24 学时; only a recorded special case passes without it. */
export function candidateTrained(hours: number, days: number, v: RuleVersion, overridden = false): GateOutcome {
  if (hours >= CANDIDATE_TRAINING_HOURS || days >= CANDIDATE_TRAINING_DAYS) return PASS;
  if (overridden) return { pass: true, overridden: true, warning: '未完成集中培训，按特殊情况处理' };
  return fail(
    'A10',
    v,
    `发展对象培训 ${hours} 学时、${days} 天（须不少于 ${CANDIDATE_TRAINING_HOURS} 学时或 ${CANDIDATE_TRAINING_DAYS} 天）`,
  );
}

/** A11 (细则 第十九条): the committee's pre-examination passed, in writing, and the 志愿书 was issued after it. */
export function preExaminationPassed(
  preExamOn: string | null,
  formIssuedOn: string | null,
  v: RuleVersion,
): GateOutcome {
  if (!preExamOn) return fail('A11', v, '尚未通过党委预审');
  if (!formIssuedOn) return fail('A11', v, '尚未发放《入党志愿书》');
  if (formIssuedOn < preExamOn)
    return fail('A11', v, `《入党志愿书》发放于 ${formIssuedOn}，早于预审通过（${preExamOn}）`);
  return PASS;
}

/**
 * S7 (the "4453" model's review ring) before A11's written conclusion: the college's party committee and then the
 * school's have each pre-examined the candidate in writing and the latest conclusion of each level is a pass. A level
 * that returned the case (退回补充) bars the step until it examines the case again and passes it.
 */
export function twoLevelPreExamPassed(held: PreExamFacts, v: RuleVersion): GateOutcome {
  for (const level of ['college', 'school'] as const satisfies readonly PreExamLevel[]) {
    const exam = held[level];
    const name = PRE_EXAM_LEVEL_LABELS[level];
    if (!exam) return fail('S7', v, `尚无${name}的书面意见`);
    if (exam.conclusion !== 'passed') {
      return fail(
        'S7',
        v,
        `${name}结论为「${PRE_EXAM_CONCLUSION_LABELS[exam.conclusion]}」，须补充材料后经该级预审通过`,
      );
    }
  }
  return PASS;
}

/** A12: the branch meeting is held within a month of the pre-examination: an error under 2026, a warning under 2014. */
export function meetingWithinMonthOfPreExam(preExamOn: string, meetingOn: string, v: RuleVersion): GateOutcome {
  const last = addMonthsClamped(preExamOn, 1);
  if (meetingOn <= last) return PASS;
  const text = `支部大会于 ${meetingOn}，晚于预审后一个月（${last}）`;
  return VERSION_RULES[v].meetingWithinMonthIsHard ? fail('A12', v, text) : { pass: true, warning: text };
}

/** What the notices module says about the 公示 linked to a step. */
export interface PublicityFacts {
  kind: NoticeKind;
  unitId: string;
  /** The named people of the notice. */
  subjects: readonly string[];
  withdrawn: boolean;
  window: PublicityWindow | null;
  /** The notices module's check on objections (`publicityRaisesNoBar`). */
  raisesNoBar: boolean;
}

/**
 * E2 with A7 (2026.05 第十三条): the 公示 the version requires for this step was published by the home branch, named
 * the person, met its minimum, ended before the step's day and raised nothing that bars the step.
 */
export function publicityClosedClean(
  kind: NoticeKind,
  notice: PublicityFacts | null,
  personId: string,
  homeBranchId: string,
  stepOn: string,
  v: RuleVersion,
  table?: RequirementTable,
): GateOutcome {
  const rule: PipelineRule = kind === 'development_candidate' ? 'A7' : 'E2';
  if (notice && (notice.kind !== kind || notice.unitId !== homeBranchId || !notice.subjects.includes(personId))) {
    return fail(rule, v, '关联的公示与本步骤、本人或本支部不符');
  }
  const window = notice && !notice.withdrawn ? notice.window : null;
  const problem = checkStepPublicity({ kind, ruleVersion: v, window, stepDate: stepOn, table });
  if (problem === 'PUBLICITY_REQUIRED') return fail(rule, v, '本步骤须先经公示');
  if (problem === 'WINDOW_TOO_SHORT') return fail(rule, v, '公示期短于规定');
  if (problem === 'PUBLICITY_NOT_FINISHED') return fail(rule, v, `公示至 ${window?.end} 结束，须在公示期满后办理`);
  if (notice && window && !notice.raisesNoBar) return fail(rule, v, '公示中有异议尚未核实或异议成立');
  return PASS;
}

/**
 * A17 (acceptance): the committee decides within three months of the branch meeting; a special case (confirmed
 * override) up to six months, never more. A22 (conversion): within three months; later is overdue, a warning that
 * does not stop the conversion (the member's standing does not depend on the committee's delay).
 */
export function approvalWithinDeadline(
  meetingOn: string,
  on: string,
  rule: 'A17' | 'A22',
  v: RuleVersion,
  overridden = false,
): GateOutcome {
  const three = addMonthsClamped(meetingOn, 3);
  const six = addMonthsClamped(meetingOn, 6);
  if (on <= three) return PASS;
  if (rule === 'A17' && on <= six && overridden) {
    return { pass: true, overridden: true, warning: `超过三个月（${three}），按特殊情况延长审批` };
  }
  if (rule === 'A22') return { pass: true, warning: `转正审批已超过三个月（${three}）` };
  if (on > six) return fail('A17', v, `审批期限最长六个月，已于 ${six} 届满`);
  return fail(rule, v, `须在支部大会后三个月内（${three} 前）审批；特殊情况须经确认，最长六个月`);
}

/** A19/A20 (党章 第七条; 细则 第三十二条): probation, with any extension, has ended on the day of the meeting. */
export function probationHasEnded(
  probationSince: string,
  extensionMonths: number | null,
  meetingOn: string,
  v: RuleVersion,
): GateOutcome {
  const end = probationEnd(probationSince, extensionMonths);
  if (meetingOn < end) return fail('A19', v, `预备期至 ${end} 期满`);
  return PASS;
}

/** A20: probation is extended once only, by six to twelve months. */
export function extensionPermitted(earlier: number, months: number, v: RuleVersion): GateOutcome {
  if (earlier > 0) return fail('A20', v, '预备期已延长过一次');
  if (!Number.isInteger(months) || months < 6 || months > 12) return fail('A20', v, '延长预备期为六个月至一年');
  return PASS;
}

/**
 * A20 (细则 第三十二条: extension and cancellation "须经支部大会讨论通过和上级党组织批准"): the committee approves the
 * branch meeting's decision that waits for it, held on or before the day of approval.
 */
export function branchDecisionPending(
  awaiting: { step: string; meetingOn: string } | null,
  step: 'approve_extension' | 'approve_cancellation',
  v: RuleVersion,
): GateOutcome {
  if (!awaiting || awaiting.step !== step) return fail('A20', v, '没有待审批的支部大会决定');
  return PASS;
}

/** A22 (党章 第七条): party standing counts from the day probation ends (with any extension), not the meeting. */
export function standingFrom(probationSince: string, extensionMonths: number | null): string {
  return probationEnd(probationSince, extensionMonths);
}

/** A19: probation counts from the day of the branch meeting that accepted the member, not from the approval. */
export function probationFrom(meetingOn: string): string {
  return meetingOn;
}

/** The first failure of a list of gate outcomes, or null when every gate passed. */
export function firstFailure(outcomes: readonly GateOutcome[]): GateFailure | null {
  return (outcomes.find((o) => !o.pass) as GateFailure | undefined) ?? null;
}
