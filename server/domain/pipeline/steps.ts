/**
 * The state machine of a development case (A24): which step may be taken from which stage, where it leads, what the
 * case waits for next and by when, and the product's rules on dates and on who sees a case.
 */
import type { RuleVersion } from '../../../typings/domain';
import type { PipelineStage, PipelineStep, PipelineTodoKind } from '../../../typings/vocabulary';
import { addDays } from '../time';
import { addMonthsClamped, probationEnd } from '../votes';

/** What a case knows about itself (stored on the case, updated with every record and step). */
export interface CaseFacts {
  ruleVersion: RuleVersion;
  stage: PipelineStage;
  appliedOn: string;
  activistSince: string | null;
  candidateSince: string | null;
  /** A19: the day of the branch meeting that accepted the member. */
  acceptedOn: string | null;
  /**
   * The branch meeting waiting for the committee's approval (acceptance, conversion; A20: an extension, with its
   * months, or a cancellation), or null.
   */
  awaiting: {
    step: 'approve_acceptance' | 'approve_conversion' | 'approve_extension' | 'approve_cancellation';
    meetingOn: string;
    months?: number;
  } | null;
  preExamOn: string | null;
  extensionMonths: number | null;
  fullSince: string | null;
  /** First day of each required talk held. */
  talks: Partial<Record<'application' | 'before_candidate' | 'before_approval' | 'before_conversion', string>>;
  assessedOn: string[];
  /** A17: the day the committee approved the acceptance (absent on cases approved before it was kept). */
  approvedOn?: string | null;
  /** A18: the day the probationary member took the oath (absent on cases opened before it was recorded). */
  oathOn?: string | null;
  /** A4/A7 (2014): the days the higher committee acknowledged the filing of the activist / 发展对象 decision. */
  filed?: { activist?: string; candidate?: string };
}

/** The step's starting point: the stage it is taken from, and whether it completes a waiting approval. */
const FROM: Record<PipelineStep, { stage: PipelineStage; awaiting: PipelineStep | null; preExam?: boolean }> = {
  determine_activist: { stage: 'applicant', awaiting: null },
  determine_candidate: { stage: 'activist', awaiting: null },
  pre_examine: { stage: 'development_candidate', awaiting: null, preExam: false },
  branch_accept: { stage: 'development_candidate', awaiting: null, preExam: true },
  approve_acceptance: { stage: 'development_candidate', awaiting: 'approve_acceptance' },
  extend_probation: { stage: 'probationary_member', awaiting: null },
  branch_convert: { stage: 'probationary_member', awaiting: null },
  approve_conversion: { stage: 'probationary_member', awaiting: 'approve_conversion' },
  cancel: { stage: 'probationary_member', awaiting: null },
  approve_extension: { stage: 'probationary_member', awaiting: 'approve_extension' },
  approve_cancellation: { stage: 'probationary_member', awaiting: 'approve_cancellation' },
};

/** A24: whether `step` is the next one the case may take (steps are taken in the flow's order). */
export function stepInOrder(step: PipelineStep, c: CaseFacts): boolean {
  const from = FROM[step];
  if (c.stage !== from.stage) return false;
  if ((c.awaiting?.step ?? null) !== from.awaiting) return false;
  if (from.preExam === true && !c.preExamOn) return false;
  if (from.preExam === false && c.preExamOn) return false;
  return true;
}

/**
 * Whether a case still takes records (talks, assessments, activity records): until it ends as a full member or is
 * cancelled. A temporary branch's officers list their members whose cases do (D6).
 */
export function acceptsRecords(stage: PipelineStage): boolean {
  return stage !== 'full_member' && stage !== 'cancelled';
}

/** The stage a step leads to (steps that record a meeting or a pre-examination keep it). */
export function stageAfter(step: PipelineStep, current: PipelineStage): PipelineStage {
  switch (step) {
    case 'determine_activist':
      return 'activist';
    case 'determine_candidate':
      return 'development_candidate';
    case 'approve_acceptance':
      return 'probationary_member';
    case 'approve_conversion':
      return 'full_member';
    case 'approve_cancellation':
      return 'cancelled';
    default:
      return current;
  }
}

/**
 * Steps that only a committee in the party line takes (A11 预审, A17/A22 approval, A20 approval of an extension or a
 * cancellation), not the branch.
 */
export function takenByCommittee(step: PipelineStep): boolean {
  return (
    step === 'pre_examine' ||
    step === 'approve_acceptance' ||
    step === 'approve_conversion' ||
    step === 'approve_extension' ||
    step === 'approve_cancellation'
  );
}

/**
 * A20 (细则 第三十二条): the branch meeting's decision to extend probation or to cancel it is not final until the
 * committee with approval authority approves it; the case waits for that approval.
 */
export function awaitsHigherApproval(step: PipelineStep): 'approve_extension' | 'approve_cancellation' | null {
  if (step === 'extend_probation') return 'approve_extension';
  if (step === 'cancel') return 'approve_cancellation';
  return null;
}

export interface NextItem {
  kind: PipelineTodoKind;
  /** The last day it is due (a deadline), or null when the rules set none. */
  due: string | null;
  /** The first day it may be taken (A7: one year as activist; A19: the end of probation), or null. */
  notBefore: string | null;
}

/**
 * What the case waits for next, with its due date: A3 (the talk within a month), A6 (the half-yearly assessment),
 * A7 (one year as activist), A12 (the meeting within a month of 预审), A17/A22 (approval within three months), A19
 * (conversion discussed when probation ends).
 */
/**
 * The first day `step` can be taken on the case where a rule sets one (null where none does): A7, a full year as an
 * activist before the 发展对象 decision; A21, conversion once probation, as extended (A20), has ended.
 */
export function stepNotBefore(step: PipelineStep, c: CaseFacts): string | null {
  switch (step) {
    case 'determine_candidate':
      return addMonthsClamped(c.activistSince ?? c.appliedOn, 12);
    case 'branch_convert':
      return probationEnd(c.acceptedOn ?? c.appliedOn, c.extensionMonths);
    default:
      return null;
  }
}

export function nextItem(c: CaseFacts): NextItem | null {
  if (c.stage === 'full_member' || c.stage === 'cancelled') return null;
  if (c.awaiting) {
    // A17/A22 set three months for approval; A20 sets none for an extension or a cancellation.
    const timed = c.awaiting.step === 'approve_acceptance' || c.awaiting.step === 'approve_conversion';
    return { kind: c.awaiting.step, due: timed ? addMonthsClamped(c.awaiting.meetingOn, 3) : null, notBefore: null };
  }
  switch (c.stage) {
    case 'applicant':
      if (!c.talks.application) {
        return { kind: 'application_talk', due: addMonthsClamped(c.appliedOn, 1), notBefore: null };
      }
      return { kind: 'determine_activist', due: null, notBefore: null };
    case 'activist': {
      const since = c.activistSince ?? c.appliedOn;
      const year = stepNotBefore('determine_candidate', c) ?? since;
      const halves = c.assessedOn.filter((d) => d >= since).length;
      const nextAssessment = addMonthsClamped(since, 6 * (halves + 1));
      if (nextAssessment <= year) return { kind: 'assessment', due: nextAssessment, notBefore: null };
      return { kind: 'determine_candidate', due: null, notBefore: year };
    }
    case 'development_candidate':
      if (!c.preExamOn) return { kind: 'pre_examine', due: null, notBefore: null };
      return { kind: 'branch_accept', due: addMonthsClamped(c.preExamOn, 1), notBefore: null };
    case 'probationary_member': {
      const end = stepNotBefore('branch_convert', c) ?? c.appliedOn;
      // A18: the oath comes first; it is due before the conversion is discussed.
      if (!c.oathOn) return { kind: 'oath', due: end, notBefore: null };
      return { kind: 'branch_convert', due: end, notBefore: end };
    }
    default:
      return null;
  }
}

/** Whether the item is overdue on `today` (its due day has passed). */
export function isOverdue(item: NextItem | null, today: string): boolean {
  return item?.due != null && item.due < today;
}

/**
 * P-dates (a product rule: "every link is recorded and every step is checked by someone" needs records entered as
 * they happen): a record may be dated at most this many days before the day it is entered.
 */
export const RECORD_GRACE_DAYS = 7;

/**
 * The product's back-dating rule: a record is dated no later than today and no earlier than the grace allows; and a
 * record dated on or before a deadline that had already passed when it is entered (`deadline`: A3's talk within a
 * month, A6's half-year) is refused, so that no back-dated record makes a gate pass.
 */
export function recordDateAllowed(
  on: string,
  today: string,
  earliest: string,
  deadline: string | null = null,
): 'ok' | 'future' | 'backdated' {
  if (on > today) return 'future';
  if (on < earliest) return 'backdated';
  if (deadline !== null && on <= deadline && deadline < today) return 'backdated';
  return 'ok';
}

/**
 * The deadline a record dated `on` counts towards: the application talk's month (A3), or the last day of the
 * half year of activist assessment it falls in (A6). Null for records without one.
 */
export function recordDeadline(
  kind: 'application_talk' | 'assessment' | 'other',
  c: CaseFacts,
  on: string,
): string | null {
  if (kind === 'application_talk') return addMonthsClamped(c.appliedOn, 1);
  if (kind !== 'assessment' || !c.activistSince || on < c.activistSince) return null;
  for (let k = 0; k < 100; k++) {
    const to = addMonthsClamped(c.activistSince, 6 * (k + 1));
    if (on < to) return addDays(to, -1);
  }
  return null;
}
