/** View mappers of the votes actions: cards, the vote, the committee's decision and the resolution sheet. */
import {
  type DecisionView,
  GRADE_LABELS,
  type ResolutionView,
  TUIYOU_TARGET_LABELS,
  VOTE_KIND_LABELS,
  VOTE_OUTCOME_LABELS,
  VOTE_STATE_LABELS,
  type VoteCardView,
  type VoteView,
} from '../../../typings/actions';
import { CANDIDATE_OUTCOME_LABELS } from '../../../typings/actions/votes';
import { RULE_VERSION_LABELS } from '../../../typings/domain';
import { excellentLimitOf, nameOf, requirementTexts, valuesOnForm } from '../../domain/votes';
import { type DecisionDoc, draftBallot, type ResultsDoc, ruleSetOf, type VoteDoc } from './docs';

export function toCard(vote: VoteDoc): VoteCardView {
  return {
    id: vote._id,
    kind: vote.kind,
    kindLabel: VOTE_KIND_LABELS[vote.kind],
    title: vote.title,
    unitId: vote.unitId,
    unitName: vote.unitName,
    state: vote.state,
    stateLabel: VOTE_STATE_LABELS[vote.state],
    scheduledStart: vote.scheduledStart,
    secret: vote.secret,
  };
}

/** `present`: 实到 counted from the participation records (./load.ts: countPresent), null before the roster exists. */
export function toVoteView(vote: VoteDoc, me: VoteView['me'], manager: boolean, present: number | null): VoteView {
  const ruleSet = ruleSetOf(vote);
  const ballot = vote.ballot ?? draftBallot(vote);
  const candidates =
    vote.candidates.length > 0 ? vote.candidates : ballot.candidateIds.map((id) => ({ id, name: nameOf(vote, id) }));
  return {
    ...toCard(vote),
    ruleVersion: vote.ruleVersion,
    ruleVersionLabel: RULE_VERSION_LABELS[vote.ruleVersion],
    ruleVerified: ruleSet.verified,
    requirements: requirementTexts(ruleSet),
    ballotForm: ruleSet.ballotForm,
    markValues: [...valuesOnForm(ruleSet.ballotForm)],
    candidates,
    seats: vote.seats,
    maxYes: ballot.maxYes,
    tuiyouTarget: vote.tuiyouTarget,
    writtenOpinionsAllowed: ruleSet.writtenOpinions,
    openedAt: vote.openedAt,
    closedAt: vote.closedAt,
    expected: vote.roster?.expected ?? null,
    present: vote.roster ? present : null,
    me,
    canManage: manager,
  };
}

export function toDecisionView(vote: VoteDoc, d: DecisionDoc): DecisionView {
  const person = (id: string) => ({ id, name: nameOf(vote, id) });
  return {
    voteId: vote._id,
    decidedOn: d.decidedOn,
    minutesRef: d.minutesRef,
    recordedBy: d.recordedByName,
    recommended: d.decision.type === 'tuiyou' ? d.decision.recommended.map(person) : [],
    declined:
      d.decision.type === 'tuiyou'
        ? d.decision.declined.map((x) => ({ ...person(x.candidateId), reason: x.reason }))
        : [],
    grades:
      d.decision.type === 'grades'
        ? d.decision.grades.map((g) => ({ ...person(g.personId), grade: g.grade, gradeLabel: GRADE_LABELS[g.grade] }))
        : [],
  };
}

/** Who reads a resolution: an officer over the vote's unit sees everything; anyone else what `restrictGrades` leaves. */
export interface ResolutionViewer {
  officer: boolean;
  personId: string | null;
}

/**
 * Evaluations (C2, C4; the 优秀 list may be published, C5): each person's grade and rating spread go to the
 * branch officers and the higher committee only. A rater sees the aggregate counts, their own grade and the 优秀
 * list — no per-person rating lines, nobody else's grade.
 */
export function restrictGrades(view: ResolutionView, personId: string | null): ResolutionView {
  const mine = view.decision?.grades.find((g) => g.id === personId) ?? null;
  return {
    ...view,
    lines: [],
    decision: view.decision
      ? { ...view.decision, grades: view.decision.grades.filter((g) => g.grade === 'excellent') }
      : null,
    gradesRestricted: true,
    myGrade: mine ? { grade: mine.grade, gradeLabel: mine.gradeLabel } : null,
  };
}

export function toResolutionView(
  vote: VoteDoc,
  results: ResultsDoc,
  decision: DecisionDoc | null,
  viewer: ResolutionViewer = { officer: true, personId: null },
): ResolutionView {
  const full = fullResolutionView(vote, results, decision);
  return ruleSetOf(vote).mode === 'grades' && !viewer.officer ? restrictGrades(full, viewer.personId) : full;
}

function fullResolutionView(vote: VoteDoc, results: ResultsDoc, decision: DecisionDoc | null): ResolutionView {
  const s = results.sheet;
  const ruleSet = ruleSetOf(vote);
  return {
    voteId: vote._id,
    kind: vote.kind,
    kindLabel:
      vote.kind === 'tuiyou' && vote.tuiyouTarget
        ? `${VOTE_KIND_LABELS.tuiyou}（${TUIYOU_TARGET_LABELS[vote.tuiyouTarget]}）`
        : VOTE_KIND_LABELS[vote.kind],
    title: vote.title,
    unitName: vote.unitName,
    date: s.date,
    method: s.method,
    ruleVersion: s.ruleVersion,
    ruleVersionLabel: RULE_VERSION_LABELS[s.ruleVersion],
    ruleVerified: s.ruleVerified,
    articles: s.articles,
    requirements: s.requirements,
    expected: s.expected,
    present: s.present,
    ratersWithoutVote: s.ratersWithoutVote ?? 0,
    excluded: s.excluded.length,
    writtenOpinions: s.writtenOpinions,
    ballotsIssued: s.ballotsIssued,
    ballotsReturned: s.ballotsReturned,
    ballotsInvalid: s.ballotsInvalid,
    outcome: s.outcome,
    outcomeLabel: VOTE_OUTCOME_LABELS[s.outcome],
    ballotForm: ruleSet.ballotForm,
    excellentLimit: excellentLimitOf(ruleSet, vote.roster),
    lines: s.lines.map((l) => ({
      candidateId: l.candidateId,
      name: nameOf(vote, l.candidateId),
      yes: l.yes,
      no: l.no,
      abstain: l.abstain,
      invalid: l.invalid,
      writtenYes: l.writtenYes,
      writtenNo: l.writtenNo,
      writtenAbstain: l.writtenAbstain,
      totalYes: l.totalYes,
      outcome: l.outcome,
      outcomeLabel: l.outcome ? CANDIDATE_OUTCOME_LABELS[l.outcome] : null,
      grades: l.grades,
    })),
    election: s.election
      ? {
          seats: s.election.seats,
          elected: s.election.elected,
          runoff: s.election.runoff,
          runoffSeats: s.election.runoffSeats,
          unfilledSeats: s.election.unfilledSeats,
        }
      : null,
    scrutineers: s.scrutineers.map((id) => nameOf(vote, id)),
    tellers: s.tellers.map((id) => nameOf(vote, id)),
    decision: decision ? toDecisionView(vote, decision) : null,
    ballotCodes: results.codes,
    gradesRestricted: false,
    myGrade: null,
  };
}
