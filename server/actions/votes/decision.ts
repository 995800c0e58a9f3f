/**
 * The committee's own decision after the count, kept apart from it: 推优 — "考察不唯票" (B4), within the 20%
 * quota (B3); evaluations — the grades the committee proposes, 优秀 within its quota (C2, C4), probationary
 * members not graded (C2).
 */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import {
  assertNotOwnDecision,
  assertResultsUnsealed,
  assertVoteCounted,
  checkFinalGrades,
  checkTuiyouDecision,
  checkTuiyouPeriodQuota,
  TWENTY_PERCENT,
  tuiyouPeriodOf,
} from '../../domain/votes';
import { existsOnce } from '../../store';
import { assertPostable } from '../content';
import { requireManagedVote } from './access';
import { DECISIONS, type DecisionDoc, decisionId, ruleSetOf, type StoredDecision } from './docs';
import { decisionsOfUnit } from './history';
import { requireResults } from './load';
import { toDecisionView } from './views';

export const votesRecordDecision = defineAction({
  name: 'votes.recordDecision',
  summary: '记录支部委员会的决定（推优人选或评议等次），与计票结果分开保存；检查名额比例',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'RESULTS_SEALED',
    'VOTE_NOT_VALID',
    'DECISION_NOT_PASSED',
    'DECISION_REASON_REQUIRED',
    'DECISION_INCOMPLETE',
    'DECISION_ALREADY_RECORDED',
    'QUOTA_EXCEEDED',
    'NOT_GRADED',
    'NOT_ON_ROSTER',
    'SELF_DECISION',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, nowIso }, input) {
    const vote = await requireManagedVote(actor, store, input.voteId);
    assertResultsUnsealed(vote.state);
    const [results, recorded] = await Promise.all([
      requireResults(store, vote._id),
      store.get<DecisionDoc>(DECISIONS, decisionId(vote._id)),
    ]);
    if (recorded) throw new DomainError('DECISION_ALREADY_RECORDED');
    const ruleSet = ruleSetOf(vote);
    const roster = vote.roster!;
    const person = actor.requirePerson();
    // Nobody records a decision about themselves: a 推优 candidate, or a member graded in this evaluation.
    assertNotOwnDecision(
      ruleSet.mode === 'grades' ? roster.subjects : results.tally.candidates.map((c) => c.candidateId),
      person._id,
    );
    let decision: StoredDecision;
    if (input.decision.type === 'tuiyou') {
      decision = {
        type: 'tuiyou',
        recommended: input.decision.recommended,
        declined: input.decision.declined.map((d) => ({ candidateId: d.candidateId, reason: d.reason })),
      };
      checkTuiyouDecision(ruleSet, roster, results.tally, decision);
      // The reasons for declining a candidate go on the record the branch and the higher committee read.
      const reasons = decision.declined.map((d) => d.reason.trim()).filter(Boolean);
      if (reasons.length > 0) await assertPostable(ports, actor.openid, reasons.join('\n'));
      // B3: the quota holds across every 推优 of the branch in the semester, not per vote.
      const period = tuiyouPeriodOf(input.decidedOn);
      const earlier = (await decisionsOfUnit(store, vote.unitId, 'tuiyou')).filter(
        (d) => d.vote._id !== vote._id && tuiyouPeriodOf(d.decision.decidedOn) === period,
      );
      checkTuiyouPeriodQuota({
        earlierInPeriod: earlier.reduce(
          (n, d) => n + (d.decision.decision.type === 'tuiyou' ? d.decision.decision.recommended.length : 0),
          0,
        ),
        now: decision.recommended.length,
        leagueMembers: roster.quotaBase,
        quota: ruleSet.recommendQuota ?? TWENTY_PERCENT,
        period,
      });
    } else {
      // C4: grades follow a valid rating; C1/C2: every graded member once, 优秀 within the quota.
      checkFinalGrades(ruleSet, roster, input.decision.grades);
      assertVoteCounted(results.tally.outcome);
      decision = { type: 'grades', grades: input.decision.grades };
    }
    const doc: DecisionDoc = {
      _id: decisionId(vote._id),
      voteId: vote._id,
      decidedOn: input.decidedOn,
      minutesRef: input.minutesRef,
      recordedBy: person._id,
      recordedByName: person.name,
      recordedAt: nowIso,
      decision,
    };
    return existsOnce('DECISION_ALREADY_RECORDED', () =>
      write(async (tx) => {
        if (await tx.get(DECISIONS, doc._id)) throw new DomainError('DECISION_ALREADY_RECORDED');
        await tx.create('votes.recordDecision', DECISIONS, doc);
        return toDecisionView(vote, doc);
      }),
    );
  },
});
