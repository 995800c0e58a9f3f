/**
 * Closing a vote: the ballot box is sealed, the count computed with integer arithmetic against 应到, and the
 * resolution sheet written once (vote_results). A closed vote never reopens: every action that changes a vote
 * refuses a closed one, and the results document's id is derived from the vote, so it can be written only once.
 *
 * The seal happens before the count, in two steps, so that no ballot can land after it:
 *   1. the vote is marked `sealing` (check-in reads the vote in its transaction, so none is issued after this);
 *   2. every issued ballot not yet cast is marked `sealed` (casting reads the participation document in its
 *      transaction, so none is cast after this). On CloudBase, where transactions are optimistic, a cast racing
 *      step 2 writes the same participation document and one of the two is aborted; in the emulator they are
 *      serialised.
 * Only then are the ballots read and counted.
 */
import { defineAction } from '../../action';
import { assertOpen } from '../../domain/votes';
import { requireManagedVote } from './access';
import { PARTICIPATION, type ParticipationDoc, VOTES } from './docs';
import { countVote, fileResults } from './filing';
import { countPresent, loadAllOf, txVote } from './load';
import { toResolutionView } from './views';

export const votesClose = defineAction({
  name: 'votes.close',
  summary: '结束表决并当场计票：封存票箱，按应到人数整数计算，生成表决结果（决议）并公布已计入的票据码',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'VOTE_NOT_OPEN', 'VOTE_CLOSED'],
  async run({ actor, store, write, nowIso }, { voteId }) {
    const vote = await requireManagedVote(actor, store, voteId);
    assertOpen(vote.state);
    const closedBy = actor.requirePerson()._id;

    // 1. No more check-ins (idempotent: a close that failed half-way is simply run again).
    if (!vote.sealing) {
      await write(async (tx) => {
        const before = await txVote(tx, voteId);
        assertOpen(before.state);
        if (before.sealing) return;
        await tx.patch(VOTES, voteId, { sealing: true });
        // 实到 as it stands at the seal, counted from the participation records (there is no counter to copy).
        const present = await countPresent(store, before);
        tx.audit('votes.seal', `${VOTES}/${voteId}`, before, { ...before, sealing: true, present });
      });
    }

    // 2. No more ballots: seal each issued ballot that has not been cast.
    const issued = await loadAllOf<ParticipationDoc>(store, PARTICIPATION, voteId);
    const unused = issued.filter((p) => !p.voted && !p.sealed);
    if (unused.length > 0) {
      await write(async (tx) => {
        for (const p of unused) await tx.patch(PARTICIPATION, p._id, { sealed: true });
        // Who held a ballot and did not cast it (participation, never a choice), so the seal is on the trail too.
        tx.audit('votes.sealBallots', `${VOTES}/${voteId}`, null, { sealed: unused.map((p) => p._id).sort() });
      });
    }

    // 3. Count what is in the box; 4. record the result and close (./filing.ts).
    const count = await countVote(store, vote, nowIso);
    return write(async (tx) => toResolutionView(await fileResults(tx, count, closedBy, nowIso), count.results, null));
  },
});
