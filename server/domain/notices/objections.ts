/**
 * Objections to a notice (E2: "record … objections received, and how each was handled"; S3: mass
 * supervision at key nodes). An objection may be real-name or anonymous; anonymity hides the
 * objector from everyone but themselves.
 */
import { OBJECTION_MAX_LENGTH, type ObjectionOutcome } from '../../../typings/actions/notices';
import { DomainError } from '../errors';
import type { Notice, Objection, Viewer } from './model';
import { effectiveState } from './state';

/** Objections are accepted only while the notice is open (its window, in Asia/Shanghai). */
export function canObject(notice: Notice, now: Date): boolean {
  return effectiveState(notice, now) === 'open';
}

function assertOpenForObjections(notice: Notice, now: Date): void {
  switch (effectiveState(notice, now)) {
    case 'open':
      return;
    case 'closed':
      throw new DomainError('NOTICE_CLOSED', '公示期已结束，无法提出异议');
    case 'withdrawn':
      throw new DomainError('NOTICE_WITHDRAWN');
    default:
      throw new DomainError('NOTICE_NOT_OPEN', '公示尚未开始，暂不能提出异议');
  }
}

/** The objection text after trimming: 1 to OBJECTION_MAX_LENGTH characters. */
export function objectionTextProblem(text: string): 'OBJECTION_EMPTY' | 'OBJECTION_TOO_LONG' | null {
  const t = text.trim();
  if (!t) return 'OBJECTION_EMPTY';
  return t.length > OBJECTION_MAX_LENGTH ? 'OBJECTION_TOO_LONG' : null;
}

/** Records an objection to an open notice. An anonymous objection does not store the objector's name. */
export function submitObjection(
  notice: Notice,
  input: { _id: string; objectorId: string; objectorName: string; anonymous: boolean; text: string },
  now: Date,
): Objection {
  assertOpenForObjections(notice, now);
  const problem = objectionTextProblem(input.text);
  if (problem) throw new DomainError(problem, undefined, { text: problem === 'OBJECTION_EMPTY' ? '不能为空' : '过长' });
  return {
    _id: input._id,
    noticeId: notice._id,
    anonymous: input.anonymous,
    objectorId: input.objectorId,
    objectorName: input.anonymous ? null : input.objectorName,
    text: input.text.trim(),
    submittedAt: now,
    handling: null,
  };
}

/** Records the investigation of an objection, once; it may happen after the window has closed. */
export function handleObjection(
  objection: Objection,
  input: { investigation: string; outcome: ObjectionOutcome; handledBy: string },
  now: Date,
): Objection {
  if (objection.handling) throw new DomainError('OBJECTION_ALREADY_HANDLED');
  const investigation = input.investigation.trim();
  if (!investigation) {
    throw new DomainError('OBJECTION_INVESTIGATION_REQUIRED', undefined, { investigation: '不能为空' });
  }
  return {
    ...objection,
    handling: { investigation, outcome: input.outcome, handledBy: input.handledBy, handledAt: now },
  };
}

/** An objection is visible only to the person who raised it and to the responsible officers of the notice. */
export function objectionVisibleTo(objection: Objection, viewer: Viewer): boolean {
  return isObjector(objection, viewer) || viewer.responsibleOfficer;
}

/** Who raised it is shown to the objector themselves, and to responsible officers only when it is real-name. */
export function objectorShownTo(objection: Objection, viewer: Viewer): boolean {
  return isObjector(objection, viewer) || (viewer.responsibleOfficer && !objection.anonymous);
}

function isObjector(objection: Objection, viewer: Viewer): boolean {
  return viewer.personId !== null && viewer.personId === objection.objectorId;
}

/**
 * A7: "if the publicity raises nothing that prevents development" the step may proceed: every objection has
 * been investigated and none was upheld.
 */
export function publicityRaisesNoBar(objections: readonly Objection[]): boolean {
  return objections.every((o) => o.handling !== null && o.handling.outcome === 'dismissed');
}
