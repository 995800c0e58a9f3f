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
import type { Person } from '../../../typings/domain';
import { defineAction } from '../../action';
import { PEOPLE } from '../../actor';
import {
  CHECKIN_SLOT_MS,
  checkinSecretFrom,
  checkinSlot,
  msUntilNextSlot,
  signCheckin,
  verifyCheckin,
} from '../../domain/checkin/token';
import { DomainError } from '../../domain/errors';
import {
  acceptWrittenOpinion,
  assertMayCast,
  assertMayCheckIn,
  assertOpen,
  assertResultsUnsealed,
  validateBallot,
  writtenOpinionCutoff,
} from '../../domain/votes';
import { branchMemberOf } from '../../domain/votes/roster';
import { existsOnce } from '../../store';
import { assertMayReadResults, requireManagedVote } from './access';
import {
  BALLOT_BOXES,
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
  type VoteDoc,
  WRITTEN,
  type WrittenDoc,
  writtenId,
} from './docs';
import { requireVote, txVote } from './load';

const TOKEN_ERRORS = {
  invalid: ['CHECKIN_TOKEN_INVALID', '签到码无效，请扫描会场屏幕上的二维码'],
  other_kind: ['CHECKIN_TOKEN_INVALID', '这不是表决会议的签到码，请扫描会场屏幕上的二维码'],
  expired: ['CHECKIN_TOKEN_EXPIRED', '签到码已过期，请重新扫描会场屏幕上的二维码'],
  other_subject: ['CHECKIN_TOKEN_OTHER_VOTE', undefined],
} as const;

/**
 * The meeting screen's rotating QR code (a product decision, the same mechanism as the training sessions'): signed on
 * the server for this vote and one slot, accepted in its slot and the next. Managers of the vote only, while it is
 * open and not being sealed.
 */
export const votesCheckInToken = defineAction({
  name: 'votes.checkInToken',
  summary: '会场签到二维码的当前内容（每 10 秒更换，由服务器签名；表决开始后、结束前可用）',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'VOTE_NOT_OPEN', 'VOTE_CLOSED'],
  async run({ actor, store, now }, { voteId }) {
    const vote = await requireManagedVote(actor, store, voteId);
    assertOpen(vote.state);
    if (vote.sealing) throw new DomainError('VOTE_CLOSED');
    const token = signCheckin(checkinSecretFrom(process.env), {
      subject: { kind: 'vote', voteId },
      slot: checkinSlot(now),
    });
    return { voteId, token, refreshInMs: msUntilNextSlot(now), slotMs: CHECKIN_SLOT_MS };
  },
});

/**
 * 签到: the member scans the rotating code on the meeting screen, or an officer checks a member in by name. Issues
 * one ballot (F2): the participation record, whose id is derived from the vote and the person, so a second scan is
 * the same id refused by the database (ALREADY_CHECKED_IN) and changes nothing.
 *
 * The scan is the hot path: a room checks in within seconds. It is the pipeline's identity read, one read of the
 * vote, one insert of the participation record and one read of the vote again — four round trips, whatever the size
 * of the room, and no write to any shared document: no counter on the vote (实到 is counted from the participation
 * records), no audit entry (every check-in in the school would queue on the one chain head; the participation record
 * is the trail of the scan, and the close seals every one of them into the chain). The second read of the vote closes
 * the race with the close: a check-in that read the vote before it was sealed but inserted after the close read the
 * issued ballots seals its own ballot (it is present, but cannot vote any more). An officer's check-in by name is a
 * person's decision about someone else's presence, and is audited.
 */
export const votesCheckIn = defineAction({
  name: 'votes.checkIn',
  summary: '会场签到（本人扫描会场屏幕上的二维码，或会议工作人员代为登记）；签到即领取一张选票，重复扫码不改变记录',
  access: { kind: 'member' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'VOTE_NOT_OPEN',
    'VOTE_CLOSED',
    'NOT_ON_ROSTER',
    'ALREADY_CHECKED_IN',
    'CHECKIN_TOKEN_INVALID',
    'CHECKIN_TOKEN_EXPIRED',
    'CHECKIN_TOKEN_OTHER_VOTE',
  ],
  async run({ actor, store, write, now, nowIso }, input) {
    const me = actor.requirePerson();
    if (input.token !== undefined) {
      const verdict = verifyCheckin(checkinSecretFrom(process.env), input.token, now, {
        kind: 'vote',
        voteId: input.voteId,
      });
      if (!verdict.ok) {
        const [code, message] = TOKEN_ERRORS[verdict.reason];
        throw new DomainError(code, message);
      }
      const vote = await requireVote(store, input.voteId);
      if (vote.sealing) throw new DomainError('VOTE_CLOSED');
      assertMayCheckIn(vote.state, vote.roster!, me._id, false);
      const doc = participationOf(vote, me._id, me._id, nowIso);
      await existsOnce('ALREADY_CHECKED_IN', () => store.collection(PARTICIPATION).add({ data: doc }));
      // Sealed meanwhile: the close may not have seen this ballot, so it is sealed here (see above).
      if ((await requireVote(store, vote._id)).sealing) {
        await store
          .collection(PARTICIPATION)
          .doc(doc._id)
          .update({ data: { sealed: true } });
      }
      return { personId: me._id, checkedInAt: nowIso };
    }

    const personId = input.personId!;
    return existsOnce('ALREADY_CHECKED_IN', () =>
      write(async (tx) => {
        const vote = await txVote(tx, input.voteId);
        actor.authorize('vote.manage', vote.unitScope);
        if (vote.sealing) throw new DomainError('VOTE_CLOSED');
        // A second check-in is caught by the insert of the same id below (ALREADY_CHECKED_IN): no read needed.
        assertMayCheckIn(vote.state, vote.roster!, personId, false);
        const doc = participationOf(vote, personId, me._id, nowIso);
        await tx.insert(PARTICIPATION, doc);
        tx.audit('votes.checkIn', `${PARTICIPATION}/${doc._id}`, null, doc);
        return { personId, checkedInAt: nowIso };
      }),
    );
  },
});

/** The participation record a check-in creates: the ballot issued (F2), not yet cast. */
function participationOf(vote: VoteDoc, personId: string, by: string, nowIso: string): ParticipationDoc {
  return {
    _id: participationId(vote._id, personId),
    voteId: vote._id,
    personId,
    checkedInAt: nowIso,
    checkedInBy: by,
    voted: false,
    sealed: false,
    ballot: vote.ballot!,
    secret: vote.secret,
    boxes: vote.boxes ?? BALLOT_BOXES,
  };
}

type CastOutcome = { ok: true; code: string } | { ok: false; reason: 'missing' | 'sealed' | 'voted' };

/**
 * 投票. Round trips on success: the pipeline's identity read, then start, participation get, participation
 * update, ballot box update, commit — 6, whatever the size of the branch. The only document a cast shares with
 * other voters is its ballot box, one of about voters ÷ 4 (`ballotBoxesFor`), picked by the random code. The reason for a refusal is worked out
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
      // Into the box chosen by the code, kept in code order: where a ballot sits says nothing about when. With about
      // four voters a box, two casts in flight rarely write the same one (an optimistic conflict, retried).
      const boxes = p.boxes ?? BALLOT_BOXES;
      await tx.patch(BALLOTS, boxId(voteId, boxOf(code, boxes), boxes), {
        ballots: _.push({ each: [ballot], sort: { code: 1 } }),
      });
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
      store.get<BallotBoxDoc>(BALLOTS, boxId(voteId, boxOf(code, vote.boxes), vote.boxes)),
      store.get<ResultsDoc>(RESULTS, resultsId(voteId)),
    ]);
    return {
      found: box?.ballots.some((b) => b.code === code) ?? false,
      counted: results?.codes.includes(code) ?? false,
    };
  },
});
