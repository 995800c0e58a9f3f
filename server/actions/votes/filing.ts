/**
 * Filing a vote's result: the count of what is in the sealed box, and the one transaction that writes the
 * resolution sheet (vote_results, once: its id is derived from the vote), closes the vote and seals the ballot boxes
 * and the participation records into the audit chain. votes.close seals the box first, then calls these.
 */
import { shanghaiDate } from '../../domain/time';
import { assertOpen, buildResolution, tally, writtenOpinionCutoff } from '../../domain/votes';
import type { Store, Tx } from '../../store';
import {
  BALLOTS,
  type BallotBoxDoc,
  PARTICIPATION,
  type ParticipationDoc,
  RESULTS,
  type ResultsDoc,
  resultsId,
  ruleSetOf,
  VOTES,
  type VoteDoc,
  WRITTEN,
  type WrittenDoc,
} from './docs';
import { loadAllOf, txVote } from './load';

/** A vote's count, with what the filing seals beside it. */
export interface VoteCount {
  results: ResultsDoc;
  boxes: BallotBoxDoc[];
  participation: ParticipationDoc[];
}

/** Counts the sealed box with integer arithmetic against 应到 (F2, F3) and builds the resolution sheet. */
export async function countVote(store: Store, vote: VoteDoc, nowIso: string): Promise<VoteCount> {
  const [participation, boxes, written] = await Promise.all([
    loadAllOf<ParticipationDoc>(store, PARTICIPATION, vote._id),
    loadAllOf<BallotBoxDoc>(store, BALLOTS, vote._id),
    loadAllOf<WrittenDoc>(store, WRITTEN, vote._id),
  ]);
  const ballots = boxes.flatMap((b) => b.ballots);
  const roster = vote.roster!;
  const ruleSet = ruleSetOf(vote);
  const voted = participation.filter((p) => p.voted).length;
  if (voted !== ballots.length) {
    // Ballots and participation are written in one transaction: a difference means the store was edited.
    console.error(`[lingyan] vote ${vote._id}: ${ballots.length} ballots but ${voted} voters marked as voted`);
  }
  const result = tally({
    ruleSet,
    roster,
    spec: vote.ballot!,
    checkedIn: participation.map((p) => p.personId),
    ballots: ballots.map((b) => b.marks),
    writtenOpinions: written.map((w) => ({
      voterId: w.voterId,
      marks: w.marks,
      submittedAt: new Date(w.submittedAt),
    })),
    cutoff: writtenOpinionCutoff(new Date(vote.scheduledStart), new Date(vote.openedAt!)),
  });
  const sheet = buildResolution({
    ruleSet,
    roster,
    result,
    date: shanghaiDate(new Date(vote.openedAt!)),
    secret: vote.secret,
    scrutineers: vote.scrutineerIds,
    tellers: vote.tellerIds,
  });
  const results: ResultsDoc = {
    _id: resultsId(vote._id),
    voteId: vote._id,
    unitId: vote.unitId,
    unitScope: vote.unitScope,
    sheet,
    tally: result,
    codes: ballots.map((b) => b.code).sort(),
    closedAt: nowIso,
  };
  return { results, boxes, participation };
}

/**
 * Records the result and closes the vote, with the participation records sealed into the audit chain. Returns the
 * vote as closed. VOTE_CLOSED when another close got there first.
 */
export async function fileResults(tx: Tx, count: VoteCount, closedBy: string, nowIso: string): Promise<VoteDoc> {
  const { results, boxes, participation } = count;
  const before = await txVote(tx, results.voteId);
  assertOpen(before.state);
  const after: VoteDoc = {
    ...before,
    state: 'closed',
    sealing: true,
    closedAt: nowIso,
    closedBy,
    outcome: results.tally.outcome,
  };
  // The resolution record carries the trail's position (entry number and head) at this moment: a copy kept
  // outside the trail, so a trail cut short or rewritten afterwards no longer matches it.
  await tx.insert(RESULTS, { ...results, auditAnchor: await tx.auditAnchor() });
  await tx.put(VOTES, after);
  // The sealed ballot boxes as counted: the trail keeps their digests, so a ballot changed later is found.
  for (const box of boxes) tx.seal(BALLOTS, box);
  // 实到 as counted (from the participation records): the vote keeps no counter, so the entry names it.
  tx.audit('votes.close', `${VOTES}/${after._id}`, before, { ...after, present: results.sheet.present });
  tx.audit('votes.results', `${RESULTS}/${results._id}`, null, {
    results,
    participation: participation.map((p) => ({ personId: p.personId, checkedInAt: p.checkedInAt, voted: p.voted })),
  });
  return after;
}
