/**
 * Stored shapes, ids, loaders and view mappers shared by the votes actions.
 *
 * SECRECY (F4: for secret votes store only participation plus aggregates, never voter-to-choice links):
 *   votes/<voteId>                     the vote, with the roster frozen at open. No running totals, ever.
 *   vote_participation/vp_<vote>_<person>
 *                                      who checked in (ballot issued, F2) and whether they have voted: created at
 *                                      check-in, flipped `voted: true` in the same transaction that puts the ballot in
 *                                      the box. It is updated in place, so neither its fields nor its storage order
 *                                      say when the voter cast.
 *   (Limit: the one transaction that writes both is one entry of the database's own write log — the emulator's
 *   db.log line, CloudBase's oplog. Whoever reads that log, or watches the collections live, sees which ballot
 *   came with which participation. The stored documents do not.)
 *   ballots/bx_<vote>_<nn>             the ballot box: 32 documents created when the vote opens. A ballot record
 *                                      {voteId, code, marks} goes into the box picked by its random code's first
 *                                      symbol and the box is kept sorted by code. No voter, no person id, no openid,
 *                                      no timestamp, no sequence — and no storage order either: the boxes were made
 *                                      before anyone voted and are updated in place, and inside a box the records
 *                                      are in code order, so the order of casting is stored nowhere.
 *   vote_results/r_<vote>              the sealed count, written once at close, with the sorted list of codes.
 *   vote_written/w_<vote>_<person>     signed written opinions (A14): not secret, counted as separate lines.
 *   vote_decisions/d_<vote>            the committee's own decision after 推优 or an evaluation (B4, C1).
 * Every collection is closed to clients (database/indexes.json); only the api function reads them.
 */
import { randomBytes, randomInt } from 'node:crypto';
import {
  type CandidateView,
  type DecisionView,
  GRADE_LABELS,
  type Grade,
  type ResolutionView,
  TUIYOU_TARGET_LABELS,
  type TuiyouTarget,
  VOTE_KIND_LABELS,
  VOTE_OUTCOME_LABELS,
  VOTE_STATE_LABELS,
  type VoteCardView,
  type VoteKind,
  type VoteOutcome,
  type VoteState,
  type VoteView,
} from '../../../typings/actions';
import { CANDIDATE_OUTCOME_LABELS } from '../../../typings/actions/votes';
import { type Person, RULE_VERSION_LABELS, type RuleVersion, type Unit, type UnitKind } from '../../../typings/domain';
import type { Actor } from '../../actor';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  type BallotSpec,
  ballotSpecFor,
  type FrozenRoster,
  type Mark,
  maxExcellent,
  meetingQuorumHolds,
  type ResolutionSheet,
  type RuleSet,
  requirementTexts,
  type RuleParams,
  ruleSetWithParams,
  type TallyResult,
  valuesOnForm,
} from '../../domain/votes';
import type { Store } from '../../store';

export const VOTES = 'votes';
export const PARTICIPATION = 'vote_participation';
export const BALLOTS = 'ballots';
export const RESULTS = 'vote_results';
export const WRITTEN = 'vote_written';
export const DECISIONS = 'vote_decisions';

/** Most rows one query returns to a cloud function. */
export const QUERY_LIMIT = 1000;

export interface VoteDoc {
  _id: string;
  unitId: string;
  unitKind: UnitKind;
  unitName: string;
  /** The unit and every unit above it: what vote.manage must reach. */
  unitScope: string[];
  kind: VoteKind;
  title: string;
  ruleVersion: RuleVersion;
  /** The school's parameters in force when the vote was created (settings/vote_rules); absent on older votes. */
  params?: RuleParams;
  secret: boolean;
  /** ISO +08:00. Written opinions must arrive before min(scheduledStart, openedAt). */
  scheduledStart: string;
  /** In ballot order. Empty for evaluations (their subjects come from the roster). */
  candidates: CandidateView[];
  seats: number | null;
  tuiyouTarget: TuiyouTarget | null;
  /** 延长预备期: the months asked for (A20: 6 to 12); null when not stated (read as 12). Absent on other kinds. */
  extensionMonths?: number | null;
  state: VoteState;
  /** Closing has begun: no more check-ins, the ballot box is being sealed. */
  sealing: boolean;
  createdBy: string;
  createdAt: string;
  openedAt: string | null;
  openedBy: string | null;
  roster: FrozenRoster | null;
  /** The ballot every voter receives, fixed at open. */
  ballot: BallotSpec | null;
  /** Names as they stood at open (roster, candidates, subjects, officials). */
  names: Record<string, string>;
  scrutineerIds: string[];
  tellerIds: string[];
  checkInCode: string | null;
  /** 实到 so far: incremented by each check-in. */
  present: number;
  closedAt: string | null;
  closedBy: string | null;
  /** A draft withdrawn before the meeting (votes.cancel): why, recorded with the audit entry. */
  cancelReason?: string;
  outcome: VoteOutcome | null;
}

/** Created at check-in (a ballot issued), marked voted with the ballot, sealed at close. */
export interface ParticipationDoc {
  _id: string;
  voteId: string;
  personId: string;
  checkedInAt: string;
  checkedInBy: string;
  voted: boolean;
  /** Set when the vote closes: no ballot can be cast against it any more. */
  sealed: boolean;
  /** A copy of the vote's ballot, so casting reads one document (the form is fixed once the vote opens). */
  ballot: BallotSpec;
  secret: boolean;
}

/** One ballot. `voterId` exists only on a named (记名) vote. */
export interface BallotRecord {
  voteId: string;
  code: string;
  marks: Mark[];
  voterId?: string;
}

/** One of a vote's ballot boxes: its records sorted by code. */
export interface BallotBoxDoc {
  _id: string;
  voteId: string;
  box: number;
  ballots: BallotRecord[];
}

export interface WrittenDoc {
  _id: string;
  voteId: string;
  voterId: string;
  marks: Mark[];
  submittedAt: string;
  recordedBy: string;
}

export interface ResultsDoc {
  _id: string;
  voteId: string;
  sheet: ResolutionSheet;
  tally: TallyResult;
  /** Codes of every ballot in the count, sorted (no order of casting). */
  codes: string[];
  closedAt: string;
}

export type StoredDecision =
  | { type: 'tuiyou'; recommended: string[]; declined: { candidateId: string; reason: string }[] }
  | { type: 'grades'; grades: { personId: string; grade: Grade }[] };

export interface DecisionDoc {
  _id: string;
  voteId: string;
  decidedOn: string;
  minutesRef: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
  decision: StoredDecision;
}

export const participationId = (voteId: string, personId: string) => `vp_${voteId}_${personId}`;
export const boxId = (voteId: string, box: number) => `bx_${voteId}_${String(box).padStart(2, '0')}`;
export const resultsId = (voteId: string) => `r_${voteId}`;
export const writtenId = (voteId: string, personId: string) => `w_${voteId}_${personId}`;
export const decisionId = (voteId: string) => `d_${voteId}`;

export function newVoteId(): string {
  return `v_${randomBytes(8).toString('hex')}`;
}

/** 32 symbols without 0/O/1/I, in character order (so box order is code order): a byte modulo 32 is uniform. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A ballot receipt: 8 symbols, 40 random bits (two equal codes among 1,000 ballots: about 1 in 2 million). */
export function newBallotCode(): string {
  return Array.from(randomBytes(8), (b) => CODE_ALPHABET[b & 31]).join('');
}

/** One box per first symbol of the code: a uniform, meaningless spread. */
export const BALLOT_BOXES = CODE_ALPHABET.length;

export function boxOf(code: string): number {
  return CODE_ALPHABET.indexOf(code[0]);
}

export function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The rules a vote runs under: its kind and version with the parameters copied at creation (votes.create). */
export function ruleSetOf(vote: Pick<VoteDoc, 'kind' | 'ruleVersion' | 'params'>): RuleSet {
  return ruleSetWithParams(vote.kind, vote.ruleVersion, vote.params ?? null);
}

/** The ballot form before open: candidates only (evaluations get their subjects from the roster at open). */
export function draftBallot(vote: VoteDoc): BallotSpec {
  return ballotSpecFor(
    ruleSetOf(vote),
    vote.candidates.map((c) => c.id),
    vote.seats,
  );
}

export async function requireVote(store: Store, voteId: string): Promise<VoteDoc> {
  const vote = await store.get<VoteDoc>(VOTES, voteId);
  if (!vote) throw new DomainError('NOT_FOUND', '找不到该表决');
  return vote;
}

/** The people of a unit: `memberOf` lists home branches too (Person.memberOf), so one indexed query finds them. */
export async function loadUnitPeople(store: Store, unitId: string): Promise<Person[]> {
  const where = { memberOf: unitId };
  const out: Person[] = [];
  for (let skip = 0; ; skip += QUERY_LIMIT) {
    const page = await store.find<Person>(PEOPLE, where, { orderBy: [['_id', 'asc']], skip, limit: QUERY_LIMIT });
    out.push(...page);
    if (page.length < QUERY_LIMIT) return out;
  }
}

/** Every document of a vote in one collection, in pages (ordered by id, which carries no casting order). */
export async function loadAllOf<T extends { _id: string }>(
  store: Store,
  collection: string,
  voteId: string,
): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += QUERY_LIMIT) {
    const page = await store.find<T>(collection, { voteId }, { orderBy: [['_id', 'asc']], skip, limit: QUERY_LIMIT });
    out.push(...page);
    if (page.length < QUERY_LIMIT) return out;
  }
}

export function canManage(actor: Actor, vote: Pick<VoteDoc, 'unitScope'>): boolean {
  return actor.holdsOver('vote.manage', vote.unitScope);
}

export function onRoster(vote: VoteDoc, personId: string | null): boolean {
  return personId !== null && (vote.roster?.voters.includes(personId) ?? false);
}

/** A member of the vote's unit (registered there or at home there). */
export function memberOfUnit(person: Person | null, unitId: string): boolean {
  if (!person) return false;
  return (
    person.memberOf.includes(unitId) || person.homePartyBranchId === unitId || person.homeLeagueBranchId === unitId
  );
}

/** Who may see a vote: its managers, the unit's members and anyone on its roster. */
export function assertMayRead(actor: Actor, vote: VoteDoc): void {
  if (canManage(actor, vote) || onRoster(vote, actor.personId) || memberOfUnit(actor.person, vote.unitId)) return;
  throw new DomainError('OUT_OF_SCOPE');
}

/** Results and the resolution: after the close, to the roster and the managers only. */
export function assertMayReadResults(actor: Actor, vote: VoteDoc): void {
  if (canManage(actor, vote) || onRoster(vote, actor.personId)) return;
  throw new DomainError('OUT_OF_SCOPE');
}

export function unitScopeOf(unit: Unit): string[] {
  return [unit._id, ...unit.ancestors];
}

export function nameOf(vote: VoteDoc, id: string): string {
  return vote.names[id] ?? vote.candidates.find((c) => c.id === id)?.name ?? '（未知）';
}

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

export function toVoteView(vote: VoteDoc, me: VoteView['me'], manager: boolean): VoteView {
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
    present: vote.roster ? vote.present : null,
    me,
    canManage: manager,
    checkInCode: manager && vote.state === 'open' && !vote.sealing ? vote.checkInCode : null,
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

/**
 * The fewest present for the meeting to be quorate under the vote's own rule set (what the presence bar aims at):
 * found by asking the quorum rule itself, so the number can never disagree with the close.
 */
export function quorumNeededFor(ruleSet: RuleSet, expected: number): number {
  let present = 0;
  while (present <= expected && !meetingQuorumHolds(ruleSet, present, expected)) present++;
  return present;
}

/** The most members who may be graded 优秀 on an evaluation under the vote's quota and roster; null without one. */
export function excellentLimitOf(ruleSet: RuleSet, roster: FrozenRoster | null): number | null {
  if (ruleSet.ballotForm !== 'grades' || ruleSet.excellentQuota === null || !roster) return null;
  return maxExcellent(ruleSet, roster.quotaBase);
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
