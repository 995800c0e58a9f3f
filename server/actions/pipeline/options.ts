/**
 * What the step form offers: the steps a case may take next, and for each whether the caller may take it, the
 * evidence it asks for, and the home branch's votes and 公示 naming the person to pick from; and, for a temporary
 * branch's officers (D6: records flow home), the members they may send assessments about.
 */
import type {
  AssessablePageView,
  AssessableView,
  StepNoticeOptionView,
  StepOptionView,
  StepVoteOptionView,
} from '../../../typings/actions/pipeline';
import type { Person, Unit } from '../../../typings/domain';
import {
  CANDIDATE_OUTCOME_LABELS,
  type CandidateOutcome,
  NOTICE_STATE_LABELS,
  PIPELINE_LIMITS,
  PIPELINE_STAGE_LABELS,
  PIPELINE_STEP_LABELS,
  PIPELINE_STEPS,
  type PipelineStep,
  type VoteKind,
} from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { effectiveState } from '../../domain/notices';
import {
  acceptsRecords,
  type CaseChecklistFacts,
  type StepEvidenceNeeded,
  stepEvidenceNeeded,
  stepInOrder,
  stepNotBefore,
  stepPublicityGate,
  stepVoteGate,
} from '../../domain/pipeline';
import type { Store } from '../../store';
import { NOTICES, type NoticeDoc, OBJECTIONS, type ObjectionDoc } from '../notices/docs';
import { unitsById } from '../org/load';
import { RESULTS, type ResultsDoc, resultsId, VOTES, type VoteDoc } from '../votes/docs';
import { assertMayTake, assertSees, officerBranches } from './access';
import { CASES, type CaseDoc, caseIdFor } from './docs';
import { meetingDayOf, publicityFactsOf, requireCase, voteFactsOf } from './load';
import { checklistFacts } from './views';

const EVIDENCE_MAX = PIPELINE_LIMITS.evidenceMax;
/** The kinds of unit that are temporary branches (D6: they send records home, never own a case). */
const TEMP_BRANCH_KINDS: readonly string[] = ['temp_party_branch', 'temp_league_branch'];

/** Whether the caller may take `step`, and the Chinese reason when not (assertMayTake's own answer). */
function mayTake(actor: Actor, c: CaseDoc, step: PipelineStep, today: string): string | null {
  try {
    assertMayTake(actor, c, step, today);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
}

/**
 * The home branch's closed votes of `kinds` naming the person, newest first, with their sealed results: two round
 * trips side by side with the 公示, whatever the branch has held (the query is on the unit's index, limited).
 */
async function closedVotesNaming(
  store: Store,
  c: CaseDoc,
  kinds: readonly VoteKind[],
): Promise<{ vote: VoteDoc; results: ResultsDoc | null }[]> {
  if (!kinds.length) return [];
  const _ = store.command;
  const votes = await store.find<VoteDoc>(
    VOTES,
    { unitId: c.branchId, kind: _.in([...kinds]), state: 'closed', 'candidates.id': c.personId },
    {
      orderBy: [
        ['scheduledStart', 'desc'],
        ['_id', 'asc'],
      ],
      limit: (EVIDENCE_MAX + 1) * kinds.length,
      field: {
        _id: true,
        unitId: true,
        kind: true,
        title: true,
        state: true,
        outcome: true,
        openedAt: true,
        scheduledStart: true,
      },
    },
  );
  if (!votes.length) return [];
  const results = await store.byIds<ResultsDoc>(
    RESULTS,
    votes.map((v) => resultsId(v._id)),
  );
  return votes.map((vote) => ({ vote, results: results.get(resultsId(vote._id)) ?? null }));
}

/** The home branch's 公示 of `kinds` naming the person (published ones), newest first, with their objections. */
async function noticesNaming(
  store: Store,
  c: CaseDoc,
  kinds: readonly string[],
): Promise<{ notice: NoticeDoc; objections: ObjectionDoc[] }[]> {
  if (!kinds.length) return [];
  const _ = store.command;
  const notices = await store.find<NoticeDoc>(
    NOTICES,
    { unitId: c.branchId, kind: _.in([...kinds]), posted: true, 'subjects.personId': c.personId },
    {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'asc'],
      ],
      limit: (EVIDENCE_MAX + 1) * kinds.length,
      field: { body: false, objectorTally: false, scopeUnits: false },
    },
  );
  if (!notices.length) return [];
  const objections = await store.all<ObjectionDoc>(
    OBJECTIONS,
    { noticeId: _.in(notices.map((n) => n._id)) },
    { field: { _id: true, noticeId: true, anonymous: true, handling: true, submittedAt: true } },
  );
  return notices.map((notice) => ({ notice, objections: objections.filter((o) => o.noticeId === notice._id) }));
}

function voteOption(
  step: PipelineStep,
  facts: CaseChecklistFacts,
  loaded: { vote: VoteDoc; results: ResultsDoc | null },
): StepVoteOptionView {
  // Sealed results answer alone; results kept before they carried the unit are read beside the vote (as loadVote).
  const vote = voteFactsOf(loaded, facts.personId);
  const line = loaded.results?.tally.candidates.find((x) => x.candidateId === facts.personId)?.outcome ?? null;
  const gate = stepVoteGate(step, facts, vote);
  return {
    id: loaded.vote._id,
    title: loaded.vote.title,
    date: loaded.results?.sheet.date ?? meetingDayOf(loaded.vote),
    resultLabel: line ? (CANDIDATE_OUTCOME_LABELS[line as CandidateOutcome] ?? '') : '',
    passed: line === 'passed',
    fits: gate.pass,
    why: gate.pass ? null : gate.missing,
  };
}

function noticeOption(
  step: PipelineStep,
  facts: CaseChecklistFacts,
  found: { notice: NoticeDoc; objections: ObjectionDoc[] },
  today: string,
  now: Date,
): StepNoticeOptionView {
  const gate = stepPublicityGate(step, facts, publicityFactsOf(found.notice, found.objections), today);
  const state = effectiveState(found.notice, now);
  return {
    id: found.notice._id,
    title: found.notice.title,
    windowEnd: found.notice.published?.window.end ?? null,
    state,
    stateLabel: NOTICE_STATE_LABELS[state],
    fits: gate.pass,
    why: gate.pass ? null : gate.missing,
  };
}

/** `day` when it is after today, else null (the step form only says when a step cannot be taken yet). */
function laterThan(day: string | null, today: string): string | null {
  return day !== null && day > today ? day : null;
}

function needsView(n: StepEvidenceNeeded): StepOptionView['needs'] {
  return {
    vote: n.vote !== null,
    notice: n.notice ? (n.notice.required ? 'required' : 'optional') : null,
    approvalRef: n.approvalRef,
    formIssuedOn: n.formIssuedOn,
    extensionMonths: n.extensionMonths,
  };
}

export const pipelineStepOptions = defineAction({
  name: 'pipeline.stepOptions',
  summary:
    '办理发展步骤的选项：当前可办理的下一步（A24）、本人能否办理及原因、所需依据，以及本支部已结束的相关表决和公示供选择（可见该档案者）',
  access: { kind: 'member' },
  errors: ['CASE_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store, today, now }, input) {
    const c = await requireCase(store, input.caseId);
    assertSees(actor, c, today);
    const facts = checklistFacts(c);
    const steps = PIPELINE_STEPS.filter((s) => stepInOrder(s, c)).map((step) => ({
      step,
      reason: mayTake(actor, c, step, today),
      needs: stepEvidenceNeeded(step, facts, today),
    }));
    // Evidence only for the steps the caller may take: nobody else is shown the branch's votes and 公示.
    const takeable = steps.filter((s) => s.reason === null);
    const voteKinds = [...new Set(takeable.flatMap((s) => (s.needs.vote ? [s.needs.vote] : [])))];
    const noticeKinds = [...new Set(takeable.flatMap((s) => (s.needs.notice ? [s.needs.notice.kind] : [])))];
    const [votes, notices] = await Promise.all([
      closedVotesNaming(store, c, voteKinds),
      noticesNaming(store, c, noticeKinds),
    ]);
    return {
      caseId: c._id,
      personName: c.personName,
      stageLabel: PIPELINE_STAGE_LABELS[c.stage],
      branchName: c.branchName,
      steps: steps.map(({ step, reason, needs }): StepOptionView => {
        const mine = reason === null;
        const ownVotes = mine ? votes.filter((v) => v.vote.kind === needs.vote) : [];
        const ownNotices = mine ? notices.filter((n) => n.notice.kind === needs.notice?.kind) : [];
        return {
          step,
          label: PIPELINE_STEP_LABELS[step],
          mayTake: mine,
          reason,
          notBefore: laterThan(stepNotBefore(step, facts), today),
          needs: needsView(needs),
          votes: ownVotes.slice(0, EVIDENCE_MAX).map((v) => voteOption(step, facts, v)),
          moreVotes: ownVotes.length > EVIDENCE_MAX,
          notices: ownNotices.slice(0, EVIDENCE_MAX).map((n) => noticeOption(step, facts, n, today, now)),
          moreNotices: ownNotices.length > EVIDENCE_MAX,
        };
      }),
    };
  },
});

/** The caller's temporary branches today, where they are a secretary or committee member (D6). */
async function tempBranchesOf(store: Store, person: Person, today: string): Promise<Unit[]> {
  const ids = officerBranches(person, today);
  if (!ids.length) return [];
  const units = await unitsById(store, ids);
  return ids.flatMap((id) => {
    const u = units.get(id);
    return u && TEMP_BRANCH_KINDS.includes(u.kind) ? [u] : [];
  });
}

/**
 * D6: the members of the caller's temporary branches with an open case at their home branch, by name. What is shown
 * is what sending an assessment needs and no more: the name, the home branch it flows to, the temporary branch it is
 * sent from. The stage, the dates and the records stay with the home branch (a temporary branch never sees the case);
 * that a member is on the development path is what the temporary branch must know to assess them at all.
 */
export const pipelineAssessable = defineAction({
  name: 'pipeline.assessable',
  summary:
    '临时党（团）支部考察：本人任书记、委员的临时支部中有发展档案的成员（仅姓名与所在党支部），用于报送考察和活动表现（D6）',
  access: { kind: 'member' },
  errors: ['OUT_OF_SCOPE'],
  async run({ actor, store, today }, input) {
    const me = actor.requirePerson();
    const mine = await tempBranchesOf(store, me, today);
    const units = input.unitId ? mine.filter((u) => u._id === input.unitId) : mine;
    if (!units.length) throw new DomainError('OUT_OF_SCOPE');
    const _ = store.command;
    const unitIds = units.map((u) => u._id);
    const members = await store.all<Person>(
      PEOPLE,
      { memberOf: _.in(unitIds) },
      { field: { _id: true, name: true, memberOf: true, homePartyBranchId: true } },
    );
    const others = members.filter((p) => p._id !== me._id && p.homePartyBranchId);
    // The cases by id, 100 ids to a query (the most an `in` list takes): one round trip per hundred members.
    const ids = others.map((p) => caseIdFor(p._id));
    const batches: string[][] = [];
    for (let i = 0; i < ids.length; i += 100) batches.push(ids.slice(i, i + 100));
    const found = (
      await Promise.all(
        batches.map((b) =>
          store.find<CaseDoc>(
            CASES,
            { _id: _.in(b) },
            {
              limit: 100,
              field: { _id: true, personId: true, personName: true, branchId: true, branchName: true, stage: true },
            },
          ),
        ),
      )
    ).flat();
    const byPerson = new Map(others.map((p) => [p._id, p]));
    const rows = found
      .flatMap((c): AssessableView[] => {
        const p = byPerson.get(c.personId);
        // The records flow to the case of the person's home branch (pipeline.recordAssessment refuses any other).
        if (!p || !acceptsRecords(c.stage) || c.branchId !== p.homePartyBranchId) return [];
        const from = units.find((u) => p.memberOf.includes(u._id));
        if (!from) return [];
        return [
          {
            personId: p._id,
            personName: c.personName,
            homeBranchName: c.branchName,
            unitId: from._id,
            unitName: from.name,
          },
        ];
      })
      .sort((a, b) => a.personName.localeCompare(b.personName, 'zh-Hans-CN') || a.personId.localeCompare(b.personId));
    const start = (input.page - 1) * input.pageSize;
    const view: AssessablePageView = {
      items: rows.slice(start, start + input.pageSize),
      page: input.page,
      pageSize: input.pageSize,
      hasMore: rows.length > start + input.pageSize,
      units: mine.map((u) => ({ id: u._id, name: u.name })),
    };
    return view;
  },
});
