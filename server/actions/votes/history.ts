/**
 * Loads what earlier votes of a branch say about the candidates of a new one (server/domain/votes/eligibility.ts):
 * passed extensions of probation, 推优 recommendations, evaluation grades. Each lookup reads the closed votes of one
 * kind in one unit (index unit_scheduled) and their results or decisions by id, once per unit and kind.
 */
import type { VoteKind } from '../../../typings/actions/votes';
import type { Person, PoliticalStatus, UnitKind } from '../../../typings/domain';
import {
  type CandidateHistory,
  checkCandidateHistory,
  type EarlierVote,
  type EvaluationGrade,
  honorEvaluationKinds,
  needsHistory,
  type RuleSet,
} from '../../domain/votes';
import type { Store } from '../../store';
import {
  DECISIONS,
  type DecisionDoc,
  decisionId,
  RESULTS,
  type ResultsDoc,
  resultsId,
  VOTES,
  type VoteDoc,
} from './docs';

/** The latest day a person entered `status`, from the status history; null when not recorded. */
export function sinceOf(person: Person, status: PoliticalStatus): string | null {
  const days = person.statusHistory.filter((h) => h.status === status).map((h) => h.since);
  return days.length ? days.sort()[days.length - 1] : null;
}

/** The votes of one kind in one unit (cards plus the fields the rules read), newest first. */
export function votesOfUnit(store: Store, unitId: string, kind: VoteKind): Promise<VoteDoc[]> {
  return store.all<VoteDoc>(
    VOTES,
    { unitId, kind },
    {
      orderBy: [
        ['scheduledStart', 'desc'],
        ['_id', 'asc'],
      ],
      field: {
        _id: true,
        kind: true,
        state: true,
        outcome: true,
        scheduledStart: true,
        tuiyouTarget: true,
        extensionMonths: true,
        unitId: true,
      },
    },
  );
}

/** The earlier votes of a unit as the annual-evaluation rule reads them (C1). */
export async function earlierVotes(store: Store, unitId: string, kind: VoteKind): Promise<EarlierVote[]> {
  return (await votesOfUnit(store, unitId, kind)).map((v) => ({
    kind: v.kind,
    state: v.state,
    outcome: v.outcome,
    scheduledStart: v.scheduledStart,
  }));
}

/** The recorded decisions of the closed, counted votes of one kind in one unit, with their votes. */
export async function decisionsOfUnit(
  store: Store,
  unitId: string,
  kind: VoteKind,
): Promise<{ vote: VoteDoc; decision: DecisionDoc }[]> {
  const closed = (await votesOfUnit(store, unitId, kind)).filter(
    (v) => v.state === 'closed' && v.outcome === 'counted',
  );
  const docs = await Promise.all(closed.map((v) => store.get<DecisionDoc>(DECISIONS, decisionId(v._id))));
  return closed.flatMap((vote, i) => (docs[i] ? [{ vote, decision: docs[i] as DecisionDoc }] : []));
}

type Cache<T> = Map<string, Promise<T>>;
function cached<T>(cache: Cache<T>, key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key);
  if (!hit) {
    hit = load();
    cache.set(key, hit);
  }
  return hit;
}

/**
 * The history of each candidate that the vote's kind needs (none for kinds without history rules). Everyone's
 * history is read from their home branches: extensions in the home party branch, recommendations in the home
 * League branch, grades in the home branch of the evaluation's line.
 */
export async function loadCandidateHistories(
  store: Store,
  ruleSet: RuleSet,
  unitKind: UnitKind,
  people: readonly Person[],
  candidateIds: readonly string[],
): Promise<Map<string, CandidateHistory>> {
  const out = new Map<string, CandidateHistory>();
  if (!needsHistory(ruleSet.kind)) return out;
  const byId = new Map(people.map((p) => [p._id, p]));
  const extensionCache: Cache<{ vote: VoteDoc; results: ResultsDoc | null }[]> = new Map();
  const decisionCache: Cache<{ vote: VoteDoc; decision: DecisionDoc }[]> = new Map();
  const kind = ruleSet.kind;

  for (const id of candidateIds) {
    const person = byId.get(id);
    if (!person) continue;
    const h: CandidateHistory = {
      probationSince: sinceOf(person, 'probationary_member'),
      activistSince: sinceOf(person, 'activist'),
      extensions: [],
      recommendations: [],
      grades: [],
      leagueMember: person.homeLeagueBranchId !== null,
    };
    const partyBranch = person.homePartyBranchId;
    const leagueBranch = person.homeLeagueBranchId;
    if ((kind === 'extension' || kind === 'conversion') && partyBranch) {
      const earlier = await cached(extensionCache, partyBranch, async () => {
        const closed = (await votesOfUnit(store, partyBranch, 'extension')).filter(
          (v) => v.state === 'closed' && v.outcome === 'counted',
        );
        const results = await Promise.all(closed.map((v) => store.get<ResultsDoc>(RESULTS, resultsId(v._id))));
        return closed.map((vote, i) => ({ vote, results: results[i] }));
      });
      h.extensions = earlier
        .filter(({ results }) => results?.tally.candidates.some((c) => c.candidateId === id && c.outcome === 'passed'))
        // A20: an extension whose length was not recorded is read as the full year (the strict reading).
        .map(({ vote }) => ({ months: vote.extensionMonths ?? 12 }));
    }
    if ((kind === 'activist_determination' || kind === 'development_candidate_determination') && leagueBranch) {
      const decided = await cached(decisionCache, `tuiyou:${leagueBranch}`, () =>
        decisionsOfUnit(store, leagueBranch, 'tuiyou'),
      );
      h.recommendations = decided.flatMap(({ vote, decision }) =>
        decision.decision.type === 'tuiyou' && decision.decision.recommended.includes(id) && vote.tuiyouTarget
          ? [{ target: vote.tuiyouTarget, decidedOn: decision.decidedOn }]
          : [],
      );
    }
    if (kind === 'honor') {
      const grades: EvaluationGrade[] = [];
      for (const evalKind of honorEvaluationKinds(unitKind)) {
        const branch = evalKind === 'party_evaluation' ? partyBranch : leagueBranch;
        if (!branch) continue;
        const decided = await cached(decisionCache, `${evalKind}:${branch}`, () =>
          decisionsOfUnit(store, branch, evalKind),
        );
        for (const { decision } of decided) {
          if (decision.decision.type !== 'grades') continue;
          const g = decision.decision.grades.find((x) => x.personId === id);
          if (g) grades.push({ kind: evalKind, decidedOn: decision.decidedOn, grade: g.grade });
        }
      }
      h.grades = grades;
    }
    out.set(id, h);
  }
  return out;
}

/** Loads the candidates' history and applies the kind's history rules on the meeting day `on`. */
export async function checkCandidatesHistory(
  store: Store,
  ruleSet: RuleSet,
  unitKind: UnitKind,
  people: readonly Person[],
  candidateIds: readonly string[],
  on: string,
): Promise<void> {
  const histories = await loadCandidateHistories(store, ruleSet, unitKind, people, candidateIds);
  for (const id of candidateIds) {
    const h = histories.get(id);
    if (h) checkCandidateHistory(ruleSet, unitKind, id, h, on);
  }
}
