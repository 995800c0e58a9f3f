/**
 * Stored shapes, collection names and derived ids of the votes actions, and the rules a stored vote runs under.
 *
 * SECRECY (F4: for secret votes store only participation plus aggregates, never voter-to-choice links):
 *   votes/<voteId>                     the vote, with the roster frozen at open. No running totals, ever.
 *   vote_participation/vp_<vote>_<person>
 *                                      who checked in (ballot issued, F2) and whether they have voted: created at
 *                                      check-in (the only record of presence: 实到 is counted from these, never
 *                                      kept as a counter on the vote), flipped `voted: true` in the same
 *                                      transaction that puts the ballot in the box. It is updated in place, so
 *                                      neither its fields nor its storage order say when the voter cast.
 *   (Limit: the one transaction that writes both is one entry of the database's own write log — the emulator's
 *   db.log line, CloudBase's oplog. Whoever reads that log, or watches the collections live, sees which ballot
 *   came with which participation. The stored documents do not.)
 *   ballots/bx_<vote>_<nn>             the ballot boxes: created when the vote opens, 32 for a branch and more for
 *                                      a large roster (about one box per four voters, up to 256: `ballotBoxesFor`),
 *                                      so that casts in flight at once rarely write the same box — CloudBase's
 *                                      transactions are optimistic, and two casts into one box conflict and retry. A
 *                                      ballot record {voteId, code, marks} goes into the box picked by its random
 *                                      code's leading bits and the box is kept sorted by code. No voter, no person id,
 *                                      no openid, no timestamp, no sequence — and no storage order either: the boxes
 *                                      were made before anyone voted and are updated in place, and inside a box the
 *                                      records are in code order, so the order of casting is stored nowhere. (Ballots
 *                                      as documents inserted at the cast would never conflict, but their storage
 *                                      order would be the order of casting, next to participation records stored in
 *                                      check-in order.)
 *   vote_results/r_<vote>              the sealed count, written once at close, with the sorted list of codes.
 *   vote_written/w_<vote>_<person>     signed written opinions (A14): not secret, counted as separate lines.
 *   vote_decisions/d_<vote>            the committee's own decision after 推优 or an evaluation (B4, C1).
 * Every collection is closed to clients (database/indexes.json); only the api function reads them.
 */
import { randomBytes } from 'node:crypto';
import type { CandidateView, Grade, TuiyouTarget, VoteKind, VoteOutcome, VoteState } from '../../../typings/actions';
import type { RuleVersion, UnitKind } from '../../../typings/domain';
import {
  type BallotSpec,
  ballotSpecFor,
  type FrozenRoster,
  type Mark,
  type ResolutionSheet,
  type RuleParams,
  type RuleSet,
  ruleSetWithParams,
  type TallyResult,
} from '../../domain/votes';

export const VOTES = 'votes';
export const PARTICIPATION = 'vote_participation';
export const BALLOTS = 'ballots';
export const RESULTS = 'vote_results';
export const WRITTEN = 'vote_written';
export const DECISIONS = 'vote_decisions';

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
  /** Ballot boxes made at open (`ballotBoxesFor` the roster); absent on votes opened before boxes scaled: 32. */
  boxes?: number;
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
  /** The vote's number of ballot boxes, copied at check-in so casting reads one document (absent: 32). */
  boxes?: number;
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
  /**
   * The vote's unit, so that the results alone answer what other modules ask of a closed vote (its kind, unit,
   * meeting day and outcome are on the sheet). Absent on results closed before it was kept.
   */
  unitId?: string;
  /** The vote's unit and the units above it (VoteDoc.unitScope), for the same reason. Absent on older results. */
  unitScope?: string[];
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
/** A box's id; the number is padded to the width of the vote's last box, so id order is box order. */
export const boxId = (voteId: string, box: number, boxes = BALLOT_BOXES) =>
  `bx_${voteId}_${String(box).padStart(Math.max(2, String(boxes - 1).length), '0')}`;
export const resultsId = (voteId: string) => `r_${voteId}`;
export const writtenId = (voteId: string, personId: string) => `w_${voteId}_${personId}`;
export const decisionId = (voteId: string) => `d_${voteId}`;

/** 32 symbols without 0/O/1/I, in character order (so box order is code order): a byte modulo 32 is uniform. */
const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A ballot receipt: 8 symbols, 40 random bits (two equal codes among 1,000 ballots: about 1 in 2 million). */
export function newBallotCode(): string {
  return Array.from(randomBytes(8), (b) => CODE_ALPHABET[b & 31]).join('');
}

/** Boxes of a small vote: one per first symbol of the code (the fewest a vote has). */
export const BALLOT_BOXES = CODE_ALPHABET.length;
/**
 * The most boxes a vote has. Each is one insert in the open's transaction, one request after another: 256 are
 * about 4 s at CloudBase's ~15 ms a request, well inside the api function's 10 s.
 */
export const MAX_BALLOT_BOXES = 256;
/** Voters per box aimed at: with 100 casts in flight among 1,000 voters, a cast meets another in its box rarely. */
const VOTERS_PER_BOX = 4;
/** The code's first two symbols: 10 random bits, enough for 1,024 boxes. */
const LEAD_VALUES = BALLOT_BOXES * BALLOT_BOXES;

/**
 * How many ballot boxes a vote opens with: 32 × 2^k, the fewest with at most four voters a box, from 32 to 256
 * (a 1,000-voter meeting gets 256; a larger one shares them, more voters a box). Casts in flight at once conflict
 * only when they land in the same box (optimistic transactions), so the chance a cast is retried falls with the
 * number of boxes; every box is a document made at open and read at the count.
 */
export function ballotBoxesFor(voters: number): number {
  let boxes = BALLOT_BOXES;
  while (boxes < MAX_BALLOT_BOXES && boxes * VOTERS_PER_BOX < voters) boxes *= 2;
  return boxes;
}

/**
 * The box a ballot goes in, from its code's first two symbols (10 random bits), keeping as many leading bits as the
 * vote has boxes (a power of two up to 1,024): a uniform, meaningless spread, and box order is code order.
 */
export function boxOf(code: string, boxes = BALLOT_BOXES): number {
  const lead = CODE_ALPHABET.indexOf(code[0]) * BALLOT_BOXES + CODE_ALPHABET.indexOf(code[1]);
  return Math.floor((lead * boxes) / LEAD_VALUES);
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
