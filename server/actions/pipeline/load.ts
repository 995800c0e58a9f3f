/**
 * Loaders of the development pipeline: a case (get-or-throw), its records in order, and the evidence a step's gates
 * read from the other modules — the votes module's result for the person, the notices module's 公示 with its
 * objections, the trainings ledger (its one entry point, `loadHoursLedger`), the League's 推优 decisions and the
 * introducers' records.
 */
import type { Person } from '../../../typings/domain';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import { publicityRaisesNoBar } from '../../domain/notices';
import {
  disciplineInForce,
  type IntroducerFacts,
  type PublicityFacts,
  type VoteFacts,
  versionsFilingCandidates,
} from '../../domain/pipeline';
import type { Store } from '../../store';
import { NOTICES, type NoticeDoc, type ObjectionDoc } from '../notices/docs';
import { toDomainObjection } from '../notices/filing';
import { objectionsOf } from '../notices/load';
import { loadHoursLedger } from '../trainings/load';
import { DECISIONS, type DecisionDoc, decisionId, type VoteDoc } from '../votes/docs';
import { votesOfUnit } from '../votes/history';
import type { LoadedVote } from '../votes/load';
import { CASES, type CaseDoc, RECORDS, type RecordDoc } from './docs';

/**
 * The case, or OUT_OF_SCOPE: case ids follow from student numbers, so a missing case answers exactly as a case the
 * caller may not see — nobody learns whether someone has applied to join the Party by asking.
 */
export async function requireCase(store: Store, caseId: string): Promise<CaseDoc> {
  const c = await store.get<CaseDoc>(CASES, caseId);
  if (!c) throw new DomainError('OUT_OF_SCOPE');
  return c;
}

/** Every record of a case in the order it happened (a case holds dozens). */
export function recordsOf(store: Store, caseId: string): Promise<RecordDoc[]> {
  return store.all<RecordDoc>(
    RECORDS,
    { caseId },
    {
      orderBy: [
        ['on', 'asc'],
        ['enteredAt', 'asc'],
      ],
    },
  );
}

export async function requirePerson(store: Store, personId: string): Promise<Person> {
  return store.require<Person>(PEOPLE, personId, ['NOT_FOUND', '找不到该人员']);
}

/** The day of a vote's meeting: the day it was opened (or scheduled), Shanghai time. */
export function meetingDayOf(vote: Pick<VoteDoc, 'openedAt' | 'scheduledStart'>): string {
  return (vote.openedAt ?? vote.scheduledStart).slice(0, 10);
}

/** The votes module's word on one person in a loaded vote (null when no vote is named). */
export function voteFactsOf(loaded: LoadedVote | null, personId: string): VoteFacts | null {
  if (!loaded) return null;
  const { results, vote } = loaded;
  const line = results?.tally.candidates.find((c) => c.candidateId === personId) ?? null;
  if (results?.unitId) {
    // Results are filed only by the close (with the vote's outcome on the tally): the vote is closed.
    return {
      kind: results.sheet.kind,
      unitId: results.unitId,
      closed: true,
      counted: results.tally.outcome === 'counted',
      outcome: line?.outcome ?? null,
      meetingOn: results.sheet.date,
    };
  }
  if (!vote) throw new DomainError('NOT_FOUND', '找不到关联的表决');
  return {
    kind: vote.kind,
    unitId: vote.unitId,
    closed: vote.state === 'closed',
    counted: vote.outcome === 'counted',
    outcome: line?.outcome ?? null,
    meetingOn: meetingDayOf(vote),
  };
}

/** The notices module's word on a 公示 (null when none is named): its window and its objections' outcome. */
export async function publicityFacts(store: Store, noticeId: string | undefined): Promise<PublicityFacts | null> {
  if (!noticeId) return null;
  const [notice, objections] = await Promise.all([
    store.get<NoticeDoc>(NOTICES, noticeId),
    objectionsOf(store, noticeId),
  ]);
  if (!notice) throw new DomainError('NOT_FOUND', '找不到关联的公示');
  return publicityFactsOf(notice, objections);
}

/** A 公示 as the gates read it, from the notice and its objections. */
export function publicityFactsOf(
  notice: Pick<NoticeDoc, 'kind' | 'unitId' | 'subjects' | 'status' | 'published'>,
  objections: readonly ObjectionDoc[],
): PublicityFacts {
  return {
    kind: notice.kind,
    unitId: notice.unitId,
    subjects: notice.subjects.map((s) => s.personId).filter((id): id is string => !!id),
    withdrawn: notice.status === 'withdrawn' || notice.status === 'draft',
    window: notice.published?.window ?? null,
    raisesNoBar: publicityRaisesNoBar(objections.map(toDomainObjection)),
  };
}

/** A10: the candidate training counted in the trainings ledger. */
export async function trainingFacts(
  store: Store,
  personId: string,
  today: string,
): Promise<{ hours: number; days: number }> {
  // The ledger applies the candidate requirement to a 发展对象; offices do not change that line (none are passed, so
  // the ledger reads no units).
  const candidate: Person = {
    _id: personId,
    openid: null,
    name: '',
    studentNo: '',
    collegeId: '',
    homePartyBranchId: null,
    homeLeagueBranchId: null,
    status: 'development_candidate',
    statusHistory: [],
    memberOf: [],
    reach: [],
    positions: [],
  };
  const ledger = await loadHoursLedger(store, candidate, today);
  const line = ledger.lines.find((l) => l.requirement.id === 'candidate_training');
  return { hours: line?.earned ?? 0, days: line?.days ?? 0 };
}

/**
 * B1/B3: the days of the home League branch's 推优 decisions recommending the person for `target`. Two round trips
 * however many 推优 votes the branch has held: its closed, counted ones, then their decisions by id in one query.
 */
export async function tuiyouDays(
  store: Store,
  personId: string,
  leagueBranchId: string | null,
  target: 'activist' | 'development_candidate',
): Promise<string[]> {
  if (!leagueBranchId) return [];
  const held = (await votesOfUnit(store, leagueBranchId, 'tuiyou')).filter(
    (v) => v.state === 'closed' && v.outcome === 'counted' && v.tuiyouTarget === target,
  );
  if (held.length === 0) return [];
  const decisions = await store.byIds<DecisionDoc>(
    DECISIONS,
    held.map((v) => decisionId(v._id)),
  );
  return [...decisions.values()].flatMap((d) =>
    d.decision.type === 'tuiyou' && d.decision.recommended.includes(personId) ? [d.decidedOn] : [],
  );
}

/** A8: the introducers as the rule reads them, on the day. */
export function introducerFactsOf(people: readonly Person[], on: string): IntroducerFacts[] {
  return people.map((p) => ({
    name: p.name,
    status: p.status,
    underDiscipline: disciplineInForce(p.partyDiscipline, on),
  }));
}

/**
 * The query of the cases in the committees' scope whose branch decisions wait for the acknowledgement of their filing
 * (A4; A7 under the versions that file the 发展对象): the same conditions as `filingAwaited`, as a database query, so
 * the list is one read; each row is checked again with `filingAwaited` when it is shown.
 */
export function filingsAwaitedWhere(store: Store, committees: readonly string[]): Record<string, unknown> {
  const _ = store.command;
  return _.and([
    { scope: _.in([...committees]), stage: _.neq('cancelled') },
    _.or([
      { activistSince: _.neq(null), 'filed.activist': _.exists(false) },
      {
        candidateSince: _.neq(null),
        'filed.candidate': _.exists(false),
        ruleVersion: _.in(versionsFilingCandidates()),
      },
    ]),
  ]);
}

/** The filing list's order: the earliest decisions first. */
export const FILINGS_ORDER: [string, 'asc' | 'desc'][] = [
  ['activistSince', 'asc'],
  ['_id', 'asc'],
];
