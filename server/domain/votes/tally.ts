/**
 * The count at close. Ballots carry no voter (F4: secret votes keep participation apart from choices);
 * presence is the list of checked-in voters; written opinions are signed lines of their own.
 *
 * Order of judgement: (1) more ballots returned than issued → the round is void (F2); (2) quorum against
 * 应到 → without it nothing is decided; (3) each candidate against the pass rule, or the election ranking.
 * Counts are always reported, so the void or inquorate sheet still shows what was in the box.
 */
import { type CandidateOutcome, GRADES, type Grade, type VoteOutcome } from '../../../typings/actions/votes';
import { type BallotSpec, ballotProblems, type Mark, readBallot } from './ballot';
import { countsTowardQuorum, type FrozenRoster, isExpectedVoter } from './roster';
import type { RuleSet } from './rules';
import {
  acceptancePasses,
  ballotsExceedIssued,
  conversionPasses,
  determinationPasses,
  electionCandidatePasses,
  electionQuorumHolds,
  leagueEvaluationQuorumHolds,
  partyElectionCandidatePasses,
  probationDecisionPasses,
  quorumHolds,
  tuiyouPasses,
} from './thresholds';
import { type WrittenOpinion, writtenOpinionOnTime } from './written';

export interface ChoiceCounts {
  yes: number;
  no: number;
  abstain: number;
  invalid: number;
}

export interface CandidateTally {
  candidateId: string;
  /** Ballots cast in the room. On an evaluation form, `abstain` counts sections left without a grade. */
  room: ChoiceCounts;
  /** Written opinions given before the meeting (A14): a separate line. */
  written: { yes: number; no: number; abstain: number };
  /** Room plus written 赞成: what the pass rule compares. */
  totalYes: number;
  /** Evaluations: how many raters gave each grade. */
  grades: Record<Grade, number> | null;
  outcome: CandidateOutcome | null;
}

export interface ElectionResult {
  seats: number;
  /** In order of votes. */
  elected: string[];
  /** Tied at the last seat (再次投票 among them for `runoffSeats` seats). */
  runoff: string[];
  runoffSeats: number;
  /** Seats no candidate filled (另行选举). */
  unfilledSeats: number;
  /** Passing candidates, most votes first. */
  ranking: string[];
}

/** Written opinions not counted, by reason. */
export interface SetAsideOpinions {
  /** Submitted at or after the meeting start (F3: invalid). */
  late: number;
  /** The author checked in and voted in the room instead. */
  superseded: number;
  /** The author is not counted in 应到. */
  notExpected: number;
  /** A second opinion from the same voter. */
  duplicate: number;
  malformed: number;
}

export interface TallyResult {
  outcome: VoteOutcome;
  expected: number;
  /** 实到: checked-in voters counted in 应到 (with a voting right). */
  present: number;
  /** 民主评议党员: probationary members who checked in and rated without a vote (C2); not in `present`. */
  ratersWithoutVote: number;
  ballotsIssued: number;
  ballotsReturned: number;
  /** Ballots 无效 as a whole (over-marked or foreign); spoilt sections are in each candidate's `invalid`. */
  ballotsInvalid: number;
  writtenOpinions: number;
  setAside: SetAsideOpinions;
  quorumHolds: boolean;
  candidates: CandidateTally[];
  election: ElectionResult | null;
}

export interface TallyInput {
  ruleSet: RuleSet;
  roster: FrozenRoster;
  spec: BallotSpec;
  /** Voters checked in (participation only). One ballot token was issued to each. */
  checkedIn: readonly string[];
  ballots: readonly (readonly Mark[])[];
  writtenOpinions: readonly WrittenOpinion[];
  /** The meeting start (written.ts, writtenOpinionCutoff). */
  cutoff: Date;
}

/** The written opinions that count: on time, from an absent voter in 应到, well formed, one per voter. */
export function countableWrittenOpinions(
  input: Pick<TallyInput, 'ruleSet' | 'roster' | 'spec' | 'writtenOpinions' | 'cutoff'>,
  present: ReadonlySet<string>,
): { counted: WrittenOpinion[]; setAside: SetAsideOpinions } {
  const setAside: SetAsideOpinions = { late: 0, superseded: 0, notExpected: 0, duplicate: 0, malformed: 0 };
  const counted: WrittenOpinion[] = [];
  if (!input.ruleSet.writtenOpinions) {
    setAside.notExpected = input.writtenOpinions.length;
    return { counted, setAside };
  }
  const byTime = [...input.writtenOpinions].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const seen = new Set<string>();
  for (const o of byTime) {
    if (!writtenOpinionOnTime(o.submittedAt, input.cutoff)) setAside.late++;
    else if (!isExpectedVoter(input.roster, o.voterId)) setAside.notExpected++;
    else if (present.has(o.voterId)) setAside.superseded++;
    else if (seen.has(o.voterId)) setAside.duplicate++;
    else if (ballotProblems(o.marks, input.spec).length > 0) setAside.malformed++;
    else {
      seen.add(o.voterId);
      counted.push(o);
    }
  }
  return { counted, setAside };
}

function emptyGrades(): Record<Grade, number> {
  return { excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 0 };
}

const isGrade = (v: string): v is Grade => (GRADES as readonly string[]).includes(v);

/** Counts the ballots and applies the rule set. Pure; never throws on what is in the box. */
export function tally(input: TallyInput): TallyResult {
  const { ruleSet, roster, spec } = input;
  const presentSet = new Set(input.checkedIn.filter((id) => isExpectedVoter(roster, id)));
  // C2 / 党章 第七条: a probationary rater gets a ballot but is not 实到 for the quorum of members with a vote.
  const present = [...presentSet].filter((id) => countsTowardQuorum(roster, id)).length;
  const ratersWithoutVote = presentSet.size - present;
  const ballotsIssued = presentSet.size;
  const ballotsReturned = input.ballots.length;
  const { counted, setAside } = countableWrittenOpinions(input, presentSet);

  const rows = new Map<string, CandidateTally>(
    spec.candidateIds.map((id) => [
      id,
      {
        candidateId: id,
        room: { yes: 0, no: 0, abstain: 0, invalid: 0 },
        written: { yes: 0, no: 0, abstain: 0 },
        totalYes: 0,
        grades: ruleSet.ballotForm === 'grades' ? emptyGrades() : null,
        outcome: null,
      },
    ]),
  );

  let ballotsInvalid = 0;
  for (const marks of input.ballots) {
    const read = readBallot(marks, spec);
    if (read.invalid) ballotsInvalid++;
    for (const [id, value] of read.values) {
      const row = rows.get(id)!;
      if (value === 'invalid') row.room.invalid++;
      else if (value === 'yes' || value === 'no' || value === 'abstain') row.room[value]++;
      else if (isGrade(value) && row.grades) row.grades[value]++;
    }
  }
  for (const o of counted) {
    for (const m of o.marks) {
      const row = rows.get(m.candidateId)!;
      if (m.choice === 'yes' || m.choice === 'no' || m.choice === 'abstain') row.written[m.choice]++;
    }
  }
  for (const row of rows.values()) row.totalYes = row.room.yes + row.written.yes;

  const quorum = meetingQuorumHolds(ruleSet, present, roster.expected);
  const outcome: VoteOutcome = ballotsExceedIssued(ballotsReturned, ballotsIssued)
    ? 'void'
    : quorum
      ? 'counted'
      : 'inquorate';

  const candidates = [...rows.values()];
  let election: ElectionResult | null = null;
  if (outcome === 'counted' && ruleSet.mode === 'each') {
    for (const row of candidates)
      row.outcome = candidatePasses(ruleSet, row.totalYes, roster.expected, present) ? 'passed' : 'failed';
  }
  if (outcome === 'counted' && ruleSet.mode === 'seats') {
    election = rankElection(ruleSet, candidates, input.spec.maxYes ?? 0, roster.expected, present);
  }

  return {
    outcome,
    expected: roster.expected,
    present,
    ratersWithoutVote,
    ballotsIssued,
    ballotsReturned,
    ballotsInvalid,
    writtenOpinions: counted.length,
    setAside,
    quorumHolds: quorum,
    candidates,
    election,
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

/** The quorum rule of the kind (A13, C4, 选举工作条例), at the rule set's share of 应到. */
export function meetingQuorumHolds(ruleSet: RuleSet, present: number, expected: number): boolean {
  switch (ruleSet.kind) {
    case 'league_evaluation':
      return leagueEvaluationQuorumHolds(present, expected, ruleSet.quorum);
    case 'party_branch_election':
    case 'league_branch_election':
      return electionQuorumHolds(present, expected, ruleSet.quorum);
    default:
      return quorumHolds(present, expected, ruleSet.quorum);
  }
}

/**
 * The pass rule of the kind: yes votes (room plus written) strictly above the rule set's share of the base,
 * which is 应到 (A14, A21, B4) unless the rule set counts 实到 (party elections).
 */
export function candidatePasses(ruleSet: RuleSet, yes: number, expected: number, present: number): boolean {
  const pass = ruleSet.pass;
  if (pass === null) return false;
  const base = ruleSet.passBase === 'present' ? present : expected;
  switch (ruleSet.kind) {
    case 'acceptance':
      return acceptancePasses(yes, base, pass);
    case 'conversion':
      return conversionPasses(yes, base, pass);
    case 'extension':
    case 'cancellation':
      return probationDecisionPasses(yes, base, pass);
    case 'tuiyou':
      return tuiyouPasses(yes, base, pass);
    case 'activist_determination':
    case 'development_candidate_determination':
      return determinationPasses(yes, base, pass);
    case 'party_branch_election':
      return partyElectionCandidatePasses(yes, base, pass);
    default:
      return electionCandidatePasses(yes, base, pass);
  }
}

/**
 * 基层组织选举工作条例 (and the League rules alike): a candidate must pass the threshold to be elected; when
 * more pass than there are seats, the most votes win; a tie at the last seat is decided by a new vote among
 * the tied (runoff); seats nobody passed for stay unfilled (另行选举). Never fills a seat with a candidate below
 * the threshold.
 */
export function rankElection(
  ruleSet: RuleSet,
  rows: CandidateTally[],
  seats: number,
  expected: number,
  present: number,
): ElectionResult {
  const order = new Map(rows.map((r, i) => [r.candidateId, i]));
  const passing = rows
    .filter((r) => candidatePasses(ruleSet, r.totalYes, expected, present))
    .sort((a, b) => b.totalYes - a.totalYes || order.get(a.candidateId)! - order.get(b.candidateId)!);
  let elected: CandidateTally[];
  let runoff: CandidateTally[] = [];
  if (passing.length <= seats) {
    elected = passing;
  } else {
    const last = passing[seats - 1].totalYes;
    const next = passing[seats].totalYes;
    if (last > next) {
      elected = passing.slice(0, seats);
    } else {
      elected = passing.filter((r) => r.totalYes > last);
      runoff = passing.filter((r) => r.totalYes === last);
    }
  }
  const electedIds = new Set(elected.map((r) => r.candidateId));
  const runoffIds = new Set(runoff.map((r) => r.candidateId));
  for (const r of rows) {
    r.outcome = electedIds.has(r.candidateId) ? 'elected' : runoffIds.has(r.candidateId) ? 'runoff' : 'not_elected';
  }
  const runoffSeats = runoff.length > 0 ? seats - elected.length : 0;
  return {
    seats,
    elected: elected.map((r) => r.candidateId),
    runoff: runoff.map((r) => r.candidateId),
    runoffSeats,
    unfilledSeats: seats - elected.length - runoffSeats,
    ranking: passing.map((r) => r.candidateId),
  };
}
