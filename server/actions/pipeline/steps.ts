/**
 * Taking a step: the officer names the evidence (who decided, the meeting, the vote, the 公示, attachments); the
 * step's gates run on the case's facts and on what the votes, notices and trainings modules say, and the case moves
 * on in the same transaction as its record, the person's political status and the audit entries. A failing gate
 * answers GATE_NOT_MET with its rule, source and what is missing, and nothing is written.
 */
import type { StepResultView } from '../../../typings/actions/pipeline';
import type { Person, PoliticalStatus } from '../../../typings/domain';
import { PIPELINE_STAGE_LABELS, PIPELINE_STEP_LABELS, type PipelineStep } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  awaitsHigherApproval,
  checklistOf,
  type GateFailure,
  nextItem,
  probationFrom,
  STEP_NOTICE_KINDS,
  STEP_VOTE_KINDS,
  type StepEvidence,
  sourceOf,
  stageAfter,
  standingFrom,
  stepInOrder,
} from '../../domain/pipeline';
import { FILES, fileOfCase } from '../activists/docs';
import { type LoadedVote, loadVote } from '../votes/load';
import { assertMayTake } from './access';
import { refuseGate } from './apply';
import { ATTACHMENT_ERRORS, attachmentsCheck } from './attachments';
import { CASES, type CaseDoc, RECORDS, withNext } from './docs';
import { introducerFactsOf, publicityFacts, type requireCase, trainingFacts, tuiyouDays, voteFactsOf } from './load';
import { baseRecord } from './records';
import { checklistFacts, nextView } from './views';

/** The steps that rest on a vote, and those that read a 公示 (the gates' own tables). */
const VOTED = Object.keys(STEP_VOTE_KINDS) as PipelineStep[];
const PUBLICISED = Object.keys(STEP_NOTICE_KINDS) as PipelineStep[];

/**
 * Loads exactly the evidence the step's gates read. The named vote (`loaded`) was read beside the case: it is closed
 * and sealed, so it need not wait for the case.
 */
async function evidenceFor(
  step: PipelineStep,
  c: CaseDoc,
  input: {
    voteId?: string;
    noticeId?: string;
    approvalRef?: string;
    formIssuedOn?: string;
    extensionMonths?: number;
    leavesOn?: string;
  },
  today: string,
  store: Parameters<typeof requireCase>[0],
  loaded: LoadedVote | null,
): Promise<StepEvidence> {
  const [vote, notice, tuiyou, training, introducers] = await Promise.all([
    VOTED.includes(step) ? voteFactsOf(loaded, c.personId) : undefined,
    PUBLICISED.includes(step) ? publicityFacts(store, input.noticeId) : undefined,
    step === 'determine_activist' || step === 'determine_candidate'
      ? tuiyouDays(
          store,
          c.personId,
          c.subject.homeLeagueBranchId,
          step === 'determine_activist' ? 'activist' : 'development_candidate',
        )
      : undefined,
    step === 'pre_examine' ? trainingFacts(store, c.personId, today) : undefined,
    step === 'pre_examine'
      ? store
          .byIds<Person>(
            PEOPLE,
            c.introducers.map((i) => i.id),
          )
          .then((m) => introducerFactsOf([...m.values()], today))
      : undefined,
  ]);
  return {
    today,
    meetingOn: vote?.meetingOn ?? today,
    birthDate: c.subject.birthDate,
    leagueMember: c.subject.homeLeagueBranchId !== null,
    vote,
    notice,
    tuiyou,
    training,
    introducers,
    approvalRef: step === 'determine_candidate' ? (input.approvalRef ?? null) : undefined,
    formIssuedOn: step === 'branch_accept' ? (input.formIssuedOn ?? null) : undefined,
    extensionMonths: step === 'extend_probation' ? (input.extensionMonths ?? null) : undefined,
    leavesOn: input.leavesOn ?? null,
  };
}

/** The case after the step (A19: probation from the meeting; A22: standing from the end of probation). */
function advance(step: PipelineStep, c: CaseDoc, ev: StepEvidence, actorName: string): CaseDoc {
  const stage = stageAfter(step, c.stage);
  const approvedBy =
    step === 'approve_acceptance' ||
    step === 'approve_conversion' ||
    step === 'approve_extension' ||
    step === 'approve_cancellation'
      ? [...new Set([...c.chain.approvedBy, actorName])]
      : c.chain.approvedBy;
  const base: CaseDoc = { ...c, stage, chain: { ...c.chain, approvedBy } };
  switch (step) {
    case 'determine_activist':
      return { ...base, activistSince: ev.meetingOn };
    case 'determine_candidate':
      return { ...base, candidateSince: ev.meetingOn };
    case 'pre_examine':
      return {
        ...base,
        preExamOn: ev.today,
        overridden: c.overridden.filter((r) => r !== 'A10'),
        chain: { ...base.chain, reviewedBy: [...new Set([...c.chain.reviewedBy, actorName])] },
      };
    case 'branch_accept':
      return {
        ...base,
        acceptedOn: probationFrom(ev.meetingOn),
        awaiting: { step: 'approve_acceptance', meetingOn: ev.meetingOn },
      };
    case 'approve_acceptance':
      return {
        ...base,
        awaiting: null,
        approvedOn: ev.today,
        overridden: c.overridden.filter((r) => r !== 'A17'),
      };
    case 'extend_probation':
      // A20: not final until the committee approves; the months wait on the case with the meeting.
      return {
        ...base,
        awaiting: {
          step: awaitsHigherApproval(step) ?? 'approve_extension',
          meetingOn: ev.meetingOn,
          months: ev.extensionMonths ?? undefined,
        },
      };
    case 'approve_extension':
      return {
        ...base,
        awaiting: null,
        extensionMonths: c.awaiting?.months ?? null,
        extensions: c.extensions + 1,
      };
    case 'branch_convert':
      return { ...base, awaiting: { step: 'approve_conversion', meetingOn: ev.meetingOn } };
    case 'approve_conversion':
      return { ...base, awaiting: null, fullSince: standingFrom(c.acceptedOn ?? c.appliedOn, c.extensionMonths) };
    case 'cancel':
      return {
        ...base,
        awaiting: { step: awaitsHigherApproval(step) ?? 'approve_cancellation', meetingOn: ev.meetingOn },
      };
    case 'approve_cancellation':
      return { ...base, awaiting: null };
  }
}

/** The person's status after the step, and since when (null: unchanged). */
function statusAfter(step: PipelineStep, next: CaseDoc, ev: StepEvidence): [PoliticalStatus, string] | null {
  switch (step) {
    case 'determine_activist':
      return ['activist', ev.meetingOn];
    case 'determine_candidate':
      return ['development_candidate', ev.meetingOn];
    case 'approve_acceptance':
      return ['probationary_member', next.acceptedOn ?? ev.today];
    case 'approve_conversion':
      return ['full_member', next.fullSince ?? ev.today];
    case 'approve_cancellation':
      return [next.subject.homeLeagueBranchId ? 'league_member' : 'masses', ev.today];
    default:
      return null;
  }
}

export const pipelineTakeStep = defineAction({
  name: 'pipeline.takeStep',
  summary:
    '办理发展步骤：按顺序（A24），由本人所在党支部书记、支委（预审、审批由上级党委，A11、A17）办理，关卡在同一事务中核验，不符合时返回规则、依据和所缺内容，不写入任何记录',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_BRANCH_OFFICER',
    'NOT_COMMITTEE',
    'STEP_OUT_OF_ORDER',
    'GATE_NOT_MET',
    'RECORD_IN_FUTURE',
    'CONFLICT',
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    if (input.formIssuedOn && input.formIssuedOn > today) throw new DomainError('RECORD_IN_FUTURE');
    const by = actor.requirePerson();
    // The case is read once, inside the transaction: the gates run on the state the step writes over, and a step
    // taken meanwhile by someone else makes this one conflict rather than pass on stale facts.
    // Round trips of a voted step (tests/integration/pipeline/cost.test.ts): the caller (before this action), the
    // transaction's start and commit, the case and the vote's results (read side by side), the case, its record and
    // the person written, and the audit chain's head read, entry and head write — 11, whatever the branch's size; a
    // League member's 推优 adds two, a 公示 two, 预审 the training ledger and the introducers.
    // S3: the attachments are read from storage beside the transaction and judged once the caller is in scope.
    const attachmentsChecked = attachmentsCheck(ports.files, input.caseId, input.attachments);
    const { next, warnings } = await write(async (tx) => {
      // The named vote is read beside the case (a round trip's wait, not one more round trip); what it says is
      // looked at only once the caller is known to be in scope and the step in order.
      const [c, loaded] = await Promise.all([
        tx.get<CaseDoc>(CASES, input.caseId),
        VOTED.includes(input.step) && input.voteId ? loadVote(store, input.voteId) : null,
      ]);
      if (!c) throw new DomainError('OUT_OF_SCOPE');
      assertMayTake(actor, c, input.step, today);
      await attachmentsChecked();
      if (!stepInOrder(input.step, c)) {
        throw new DomainError(
          'STEP_OUT_OF_ORDER',
          `当前为「${PIPELINE_STAGE_LABELS[c.stage]}」阶段，不能办理「${PIPELINE_STEP_LABELS[input.step]}」`,
        );
      }
      const ev = await evidenceFor(input.step, c, input, today, store, loaded);
      const items = checklistOf(input.step, checklistFacts(c), ev);
      for (const item of items) {
        if (item.outcome === 'at_step') {
          const missing: GateFailure = {
            pass: false,
            rule: item.rule,
            source: sourceOf(item.rule, c.ruleVersion),
            missing: `${item.label}：缺少依据`,
          };
          refuseGate(missing);
        } else refuseGate(item.outcome);
      }
      const warnings = items.flatMap((i) =>
        i.outcome !== 'at_step' && i.outcome.pass && i.outcome.warning ? [i.outcome.warning] : [],
      );
      const moved = withNext(advance(input.step, c, ev, by.name), nowIso);
      const change = statusAfter(input.step, moved, ev);
      const record = baseRecord(c, by, nowIso, {
        kind: 'step',
        statusChange: change ? { status: change[0], since: change[1] } : null,
        step: input.step,
        on: ev.meetingOn,
        title: PIPELINE_STEP_LABELS[input.step],
        text:
          [input.approvalRef ? `上级党委同意：${input.approvalRef}` : null, ...warnings].filter(Boolean).join('\n') ||
          null,
        meetingRef: input.meetingRef,
        voteId: input.voteId ?? null,
        noticeId: input.noticeId ?? null,
        attachments: input.attachments,
      });
      // The activist file opens with the step: one write, no read (its id follows from the person, and the step is
      // taken once per case, but for a case restarted by a new application, below), on the step's audit entry. Its
      // contacts are the case's, named next (A5).
      const file = input.step === 'determine_activist' ? fileOfCase(moved, by._id, nowIso, today) : null;
      await tx.put(CASES, moved);
      await tx.insert(RECORDS, record);
      // A1: a case restarted by a new application may already have the file of its void first run; it stays.
      const kept = file && c.reappliedOn ? await tx.get(FILES, file._id) : null;
      const opened = kept ? null : file;
      if (opened) await tx.insert(FILES, opened);
      tx.audit(
        'pipeline.step',
        `${RECORDS}/${record._id}`,
        null,
        opened ? { ...record, activistFile: opened } : record,
      );
      if (change) {
        // The status history grows by one line without reading the person (the record's audit entry names it).
        await tx.patch(PEOPLE, c.personId, {
          status: change[0],
          statusHistory: store.command.push([{ status: change[0], since: change[1] }]),
        });
      }
      return { next: moved, warnings };
    });
    const view: StepResultView = {
      caseId: next._id,
      stage: next.stage,
      next: nextView(nextItem(next), today),
      warnings,
    };
    return view;
  },
});
