/**
 * At the meeting: check-in (a ballot is issued, F2), casting, written opinions before the meeting (A14, F3),
 * and checking one's receipt after the count.
 *
 * Casting is the hot path: everyone votes within seconds of each other. One transaction reads the voter's
 * participation document, marks it voted and adds the ballot to the box — so a second ballot from the same voter is
 * impossible (the participation id is derived from the vote and the voter: the emulator serialises
 * transactions, CloudBase aborts one of two concurrent writers of the same document), and a ballot cannot exist
 * without its participation or the other way round.
 *
 * The cast is deliberately NOT an entry of the audit hash chain. A chained entry would put a sequence number and
 * a time of voting next to each voter — the one thing the ballot side is built not to have, and enough to join
 * them for anyone who saw the ballot boxes change; it would cost three more round trips (chain head read, entry,
 * head write) and make every cast in the school queue on the one chain head. The participation record is the
 * trail of the cast (who voted, not when or how), and the close seals every participation record into the chain
 * (the votes.results entry), so none can be altered afterwards unnoticed.
 */
import { createHash } from 'node:crypto';
import type { Person } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import { DomainError } from '../../domain/errors';
import {
  acceptWrittenOpinion,
  assertMayCast,
  assertMayCheckIn,
  assertResultsUnsealed,
  validateBallot,
  writtenOpinionCutoff,
} from '../../domain/votes';
import { afterWrongCode, type CheckInGuard, checkInCodeGate, wrongCodeAnswer } from '../../domain/votes/checkin';
import { branchMemberOf } from '../../domain/votes/roster';
import { existsOnce } from '../../store';
import { assertMayReadResults } from './access';
import {
  BALLOTS,
  type BallotBoxDoc,
  type BallotRecord,
  boxId,
  boxOf,
  draftBallot,
  newBallotCode,
  PARTICIPATION,
  type ParticipationDoc,
  participationId,
  RESULTS,
  type ResultsDoc,
  resultsId,
  ruleSetOf,
  VOTES,
  WRITTEN,
  type WrittenDoc,
  writtenId,
} from './docs';
import { requireVote, txVote } from './load';

/** Wrong check-in codes per vote (one document per vote, id = vote id): see server/domain/votes/checkin.ts. */
export const CHECK_IN_GUARDS = 'vote_checkin_guards';
type CheckInGuardDoc = CheckInGuard & { _id: string };

/** The guard counts wrong entries against the code now shown; its digest tells when the code has changed. */
function checkInCodeDigest(voteId: string, code: string | null): string {
  return createHash('sha256')
    .update(`lingyan:check-in:${voteId}:${code ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}

/**
 * 签到: the member with the code on the meeting screen, or an officer for a member. Issues one ballot.
 * Code entry is attempt-limited (CHECK_IN_TRIES_PER_PERSON per member and vote, CHECK_IN_WRONG_CODES_PER_VOTE per
 * code): a wrong entry is recorded in its own committed transaction and then refused, so the count cannot be
 * dodged by the refusal rolling it back. An officer's check-in by name is never limited.
 */
export const votesCheckIn = defineAction({
  name: 'votes.checkIn',
  summary: '会场签到（本人凭会议屏幕上的签到码，或会议工作人员代为登记）；签到即领取一张选票。签到码输错有次数限制',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'VOTE_NOT_OPEN',
    'VOTE_CLOSED',
    'NOT_ON_ROSTER',
    'ALREADY_CHECKED_IN',
    'CHECK_IN_CODE_INVALID',
    'CHECK_IN_LOCKED',
    'CHECK_IN_CODE_EXHAUSTED',
  ],
  async run({ actor, store, write, nowIso }, input) {
    const me = actor.requirePerson();
    const personId = input.personId ?? me._id;
    const _ = store.command;
    type Outcome =
      | { refused: 'CHECK_IN_CODE_INVALID' | 'CHECK_IN_LOCKED' | 'CHECK_IN_CODE_EXHAUSTED' }
      | { personId: string; checkedInAt: string; present: number };
    // The member already holds a ballot: the insert of the same participation id is refused.
    const outcome = await existsOnce('ALREADY_CHECKED_IN', () =>
      write(async (tx): Promise<Outcome> => {
        const vote = await txVote(tx, input.voteId);
        if (input.personId !== undefined) actor.authorize('vote.manage', vote.unitScope);
        if (vote.sealing) throw new DomainError('VOTE_CLOSED');
        const id = participationId(vote._id, personId);
        // A second check-in is caught by the insert of the same id below (ALREADY_CHECKED_IN): no read needed.
        assertMayCheckIn(vote.state, vote.roster!, personId, false);
        if (input.code !== undefined) {
          const digest = checkInCodeDigest(vote._id, vote.checkInCode);
          const guard = await tx.get<CheckInGuardDoc>(CHECK_IN_GUARDS, vote._id);
          const gate = checkInCodeGate(guard, personId, digest);
          if (gate !== 'open') throw new DomainError(gate);
          if (input.code !== vote.checkInCode) {
            const after: CheckInGuardDoc = { _id: vote._id, ...afterWrongCode(guard, personId, digest) };
            await tx.put(CHECK_IN_GUARDS, after);
            const answer = wrongCodeAnswer(after, personId);
            // The trail records the lockouts (who was locked out, when the code stopped working), not every typo.
            if (answer !== 'CHECK_IN_CODE_INVALID') {
              tx.audit(
                `votes.checkIn.${answer === 'CHECK_IN_LOCKED' ? 'locked' : 'codeExhausted'}`,
                `${CHECK_IN_GUARDS}/${vote._id}`,
                guard,
                after,
              );
            }
            return { refused: answer };
          }
        }
        const doc: ParticipationDoc = {
          _id: id,
          voteId: vote._id,
          personId,
          checkedInAt: nowIso,
          checkedInBy: me._id,
          voted: false,
          sealed: false,
          ballot: vote.ballot!,
          secret: vote.secret,
        };
        await tx.insert(PARTICIPATION, doc);
        await tx.patch(VOTES, vote._id, { present: _.inc(1) });
        tx.audit('votes.checkIn', `${PARTICIPATION}/${id}`, null, doc);
        return { personId, checkedInAt: nowIso, present: vote.present + 1 };
      }),
    );
    if ('refused' in outcome) throw new DomainError(outcome.refused);
    return outcome;
  },
});

type CastOutcome = { ok: true; code: string } | { ok: false; reason: 'missing' | 'sealed' | 'voted' };

/**
 * 投票. Round trips on success: the pipeline's identity read, then start, participation get, participation
 * update, ballot box update, commit — 6, whatever the size of the branch. The reason for a refusal is worked out
 * afterwards from the vote (an extra read only on that path).
 */
export const votesCast = defineAction({
  name: 'votes.cast',
  summary: '投票：每位候选人赞成/反对/弃权（或评定等次）；选票不记录投票人，返回一次性票据码',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'VOTE_NOT_OPEN',
    'VOTE_CLOSED',
    'NOT_ON_ROSTER',
    'NOT_CHECKED_IN',
    'ALREADY_VOTED',
    'BALLOT_MALFORMED',
    'TOO_MANY_MARKS',
  ],
  async run({ actor, store, write, nowIso }, { voteId, marks }) {
    const personId = actor.requirePerson()._id;
    const _ = store.command;
    const outcome = await write<CastOutcome>(async (tx) => {
      const p = await tx.get<ParticipationDoc>(PARTICIPATION, participationId(voteId, personId));
      if (!p) return { ok: false, reason: 'missing' };
      if (p.sealed) return { ok: false, reason: 'sealed' };
      if (p.voted) return { ok: false, reason: 'voted' };
      // F2 checked against the ballot copied at check-in: two marks, unknown candidates, over-marking.
      const filled = validateBallot(marks, p.ballot);
      const code = newBallotCode();
      const ballot: BallotRecord = { voteId, code, marks: filled };
      // 记名投票 (only where the rules leave it open): the ballot names its voter.
      if (!p.secret) ballot.voterId = personId;
      await tx.patch(PARTICIPATION, p._id, { voted: true });
      // Into the box chosen by the code, kept in code order: where a ballot sits says nothing about when.
      await tx.patch(BALLOTS, boxId(voteId, boxOf(code)), { ballots: _.push({ each: [ballot], sort: { code: 1 } }) });
      return { ok: true, code };
    });
    if (outcome.ok) return { code: outcome.code, castAt: nowIso };
    if (outcome.reason === 'sealed') throw new DomainError('VOTE_CLOSED');
    // Why not, from the vote as it stands (a vote being sealed takes no more ballots): the domain's cast rule.
    const vote = await requireVote(store, voteId);
    const voted = outcome.reason === 'voted';
    assertMayCast(vote.sealing ? 'closed' : vote.state, vote.roster!, personId, { checkedIn: voted, voted });
    throw new DomainError('NOT_CHECKED_IN');
  },
});

/**
 * A14 / F3: a voting member who cannot attend gives a formal written opinion BEFORE the meeting starts; it is
 * signed (not secret) and counted as its own line. An officer may record a signed paper opinion for the member.
 */
export const votesAddWrittenOpinion = defineAction({
  name: 'votes.addWrittenOpinion',
  summary: '会前提交书面意见（因故不能到会的有表决权成员；会议开始后提交无效），单独计入',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'VOTE_CLOSED',
    'WRITTEN_OPINION_NOT_ALLOWED',
    'WRITTEN_OPINION_TOO_LATE',
    'WRITTEN_OPINION_EXISTS',
    'NOT_ON_ROSTER',
    'BALLOT_MALFORMED',
    'TOO_MANY_MARKS',
  ],
  async run({ actor, store, write, now, nowIso }, input) {
    const me = actor.requirePerson();
    const vote = await requireVote(store, input.voteId);
    const voterId = input.voterId ?? me._id;
    if (input.voterId !== undefined && input.voterId !== me._id) actor.authorize('vote.manage', vote.unitScope);
    if (vote.state === 'closed' || vote.state === 'cancelled') throw new DomainError('VOTE_CLOSED');
    const voter = voterId === me._id ? me : await store.get<Person>(PEOPLE, voterId);
    if (!voter) throw new DomainError('NOT_ON_ROSTER');
    const ruleSet = ruleSetOf(vote);
    const unit = { _id: vote.unitId, kind: vote.unitKind };
    const cutoff = writtenOpinionCutoff(new Date(vote.scheduledStart), vote.openedAt ? new Date(vote.openedAt) : null);
    const filled = acceptWrittenOpinion({
      ruleSet,
      unitKind: vote.unitKind,
      voter: branchMemberOf(voter, unit),
      spec: vote.ballot ?? draftBallot(vote),
      marks: input.marks,
      submittedAt: now,
      cutoff,
    });
    const doc: WrittenDoc = {
      _id: writtenId(vote._id, voterId),
      voteId: vote._id,
      voterId,
      marks: filled,
      submittedAt: nowIso,
      recordedBy: me._id,
    };
    return existsOnce('WRITTEN_OPINION_EXISTS', () =>
      write(async (tx) => {
        if (await tx.get(WRITTEN, doc._id)) throw new DomainError('WRITTEN_OPINION_EXISTS');
        await tx.create('votes.addWrittenOpinion', WRITTEN, doc);
        return { voterId, submittedAt: nowIso };
      }),
    );
  },
});

/**
 * After the close: is the ballot with this code in the box, and is it in the published count? Reveals no
 * choice, so the code proves nothing to a third party about how the voter voted.
 */
export const votesVerifyBallot = defineAction({
  name: 'votes.verifyBallot',
  summary: '核对票据码：表决结束后确认自己的选票已计入（不显示所投内容）',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'RESULTS_SEALED'],
  async run({ actor, store }, { voteId, code }) {
    const vote = await requireVote(store, voteId);
    assertMayReadResults(actor, vote);
    assertResultsUnsealed(vote.state);
    const [box, results] = await Promise.all([
      store.get<BallotBoxDoc>(BALLOTS, boxId(voteId, boxOf(code))),
      store.get<ResultsDoc>(RESULTS, resultsId(voteId)),
    ]);
    return {
      found: box?.ballots.some((b) => b.code === code) ?? false,
      counted: results?.codes.includes(code) ?? false,
    };
  },
});
