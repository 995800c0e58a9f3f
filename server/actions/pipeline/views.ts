/** View mappers of the development pipeline: the case page, the list card, the next item and the to-do line. */
import type {
  CaseCardView,
  CaseMayView,
  CaseRecordView,
  CaseView,
  FilingDecisionView,
  FilingView,
  GateView,
  NextView,
} from '../../../typings/actions/pipeline';
import type { Person } from '../../../typings/domain';
import {
  FILING_DECISION_LABELS,
  PIPELINE_RECORD_LABELS,
  PIPELINE_STAGE_LABELS,
  PIPELINE_STEPS,
  PIPELINE_TODO_LABELS,
  type PipelineStep,
  RULE_VERSION_LABELS,
} from '../../../typings/vocabulary';
import {
  type CaseChecklistFacts,
  type ChecklistItem,
  checklistOf,
  FILING_DECISIONS,
  filingAwaited,
  isOverdue,
  type NextItem,
  nextItem,
  oathRecordable,
  reapplicationForAge,
  sourceOf,
} from '../../domain/pipeline';
import { isBranchOfficer, isCommitteeOver, mayAct } from './access';
import type { CaseDoc, RecordDoc } from './docs';

export function checklistFacts(c: CaseDoc): CaseChecklistFacts {
  return {
    ...c,
    contacts: c.contacts.length,
    recommendation: c.recommendation,
    reviewConclusion: c.review?.conclusion ?? null,
  };
}

export function nextView(item: NextItem | null, today: string): NextView | null {
  if (!item) return null;
  return {
    kind: item.kind,
    label: PIPELINE_TODO_LABELS[item.kind],
    due: item.due,
    notBefore: item.notBefore,
    overdue: isOverdue(item, today),
  };
}

/** The step the case's next item leads to (a talk or an assessment leads to the step it is a gate of). */
export function nextStepOf(c: CaseDoc): PipelineStep | null {
  const item = nextItem(c);
  if (!item) return null;
  if ((PIPELINE_STEPS as readonly string[]).includes(item.kind)) return item.kind as PipelineStep;
  if (item.kind === 'oath') return 'branch_convert';
  return item.kind === 'application_talk' ? 'determine_activist' : 'determine_candidate';
}

export function cardView(c: CaseDoc, today: string): CaseCardView {
  return {
    caseId: c._id,
    personId: c.personId,
    personName: c.personName,
    stage: c.stage,
    stageLabel: PIPELINE_STAGE_LABELS[c.stage],
    ruleVersion: c.ruleVersion,
    next: nextView(nextItem(c), today),
  };
}

function recordView(r: RecordDoc): CaseRecordView {
  return {
    id: r._id,
    kind: r.kind,
    label: PIPELINE_RECORD_LABELS[r.kind],
    on: r.on,
    title: r.title,
    byName: r.byName,
    fromUnitName: r.fromUnitName,
    text: r.text,
    attachments: r.attachments,
    meetingRef: r.meetingRef,
    voteId: r.voteId,
    noticeId: r.noticeId,
  };
}

/** One gate of a checklist as the case page shows it. */
export function gateView(g: ChecklistItem, version: CaseDoc['ruleVersion']): GateView {
  const source = sourceOf(g.rule, version);
  if (g.outcome === 'at_step') {
    return { rule: g.rule, source, label: g.label, state: 'at_step', missing: null, warning: null };
  }
  return g.outcome.pass
    ? { rule: g.rule, source, label: g.label, state: 'pass', missing: null, warning: g.outcome.warning ?? null }
    : {
        rule: g.rule,
        source: g.outcome.source,
        label: g.label,
        state: 'fail',
        missing: g.outcome.missing,
        warning: null,
      };
}

/** The gates of the next step on the case's own facts; evidence held elsewhere shows as checked at the step. */
export function gateViews(c: CaseDoc, step: PipelineStep | null, today: string): GateView[] {
  if (!step) return [];
  const ev = {
    today,
    meetingOn: today,
    birthDate: c.subject.birthDate,
    leagueMember: c.subject.homeLeagueBranchId !== null,
  };
  return checklistOf(step, checklistFacts(c), ev).map((g) => gateView(g, c.ruleVersion));
}

/** The responsibility chain, with the links cases opened before S6/S7 lack shown empty. */
export function chainView(c: CaseDoc): CaseView['chain'] {
  return { ...c.chain, evaluatedBy: c.chain.evaluatedBy ?? [], preExaminedBy: c.chain.preExaminedBy ?? [] };
}

export function caseView(c: CaseDoc, records: readonly RecordDoc[], viewer: Person | null, today: string): CaseView {
  const step = nextStepOf(c);
  return {
    ...cardView(c, today),
    branchId: c.branchId,
    branchName: c.branchName,
    ruleVersionLabel: RULE_VERSION_LABELS[c.ruleVersion],
    appliedOn: c.appliedOn,
    nextStep: step,
    gates: gateViews(c, step, today),
    records: records.map(recordView),
    chain: chainView(c),
    standingSince: c.fullSince,
    probationSince:
      c.acceptedOn && (c.stage === 'probationary_member' || c.stage === 'full_member') ? c.acceptedOn : null,
    canAct: mayAct(viewer, c, step, today),
    may: mayView(viewer, c, today),
    mayReapply: viewer?._id === c.personId && reapplicationForAge(c),
  };
}

/** A4/A7: the branch decisions on the case whose filing waits for the committee's acknowledgement. */
export function filingDecisions(c: CaseDoc): FilingDecisionView[] {
  return FILING_DECISIONS.flatMap((decision) => {
    const on = decision === 'activist' ? c.activistSince : c.candidateSince;
    if (filingAwaited(c, decision) || !on) return [];
    return [{ decision, label: FILING_DECISION_LABELS[decision], decidedOn: on }];
  });
}

export function filingView(c: CaseDoc): FilingView {
  return {
    caseId: c._id,
    personName: c.personName,
    branchName: c.branchName,
    stageLabel: PIPELINE_STAGE_LABELS[c.stage],
    decisions: filingDecisions(c),
  };
}

/** What the viewer may do on the case besides its steps, by the same rules the record actions check (A18, A4/A7). */
export function mayView(viewer: Person | null, c: CaseDoc, today: string): CaseMayView {
  return {
    oath: isBranchOfficer(viewer, c.branchId, today) && oathRecordable(c) === null,
    filing: isCommitteeOver(viewer, c, today) ? filingDecisions(c) : [],
  };
}
