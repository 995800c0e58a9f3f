/** Setting a vote up and running the meeting: create, open (freeze the roster), list, presence. */
import type { PresenceView } from '../../../typings/actions';
import { EXCLUSION_REASON_LABELS } from '../../../typings/actions/votes';
import type { Person } from '../../../typings/domain';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { shanghaiDate, shanghaiIso } from '../../domain/time';
import {
  assertEditable,
  assertUnitCanHold,
  ballotSpecFor,
  checkCandidates,
  checkOfficials,
  evaluationHeldInYear,
  freezeRoster,
  paramsOf,
  presentCount,
  quorumNeededFor,
  resolveSecrecy,
  ruleSetFor,
  unitMembers,
} from '../../domain/votes';
import { mapPage, newId } from '../../store';
import { assertPostable } from '../content';
import { lineScopeOf, voteScopeOf } from '../org/authority';
import { requireUnit } from '../org/load';
import { requireManagedVote } from './access';
import {
  BALLOTS,
  type BallotBoxDoc,
  ballotBoxesFor,
  boxId,
  PARTICIPATION,
  type ParticipationDoc,
  ruleSetOf,
  VOTES,
  type VoteDoc,
  WRITTEN,
  type WrittenDoc,
} from './docs';
import { checkCandidatesHistory, earlierVotes, votesOfUnit } from './history';
import { loadAllOf, loadUnitPeople, txVote, votePage } from './load';
import { schoolOverrides } from './settings';
import { toCard } from './views';

export const votesCreate = defineAction({
  name: 'votes.create',
  summary: '发起表决（推优、接收预备党员、转正、评议、选举、评优）：规则版本、候选人、会议时间',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: [
    'UNIT_NOT_FOUND',
    'OUT_OF_SCOPE',
    'TEMP_BRANCH_CANNOT_HOLD',
    'UNIT_KIND_INVALID',
    'SECRET_BALLOT_REQUIRED',
    'TOO_FEW_CANDIDATES',
    'CANDIDATE_NOT_ELIGIBLE',
    'EVALUATION_ALREADY_HELD',
    'EXTENSION_ALREADY_USED',
    'PROBATION_NOT_ENDED',
    'TUIYOU_REQUIRED',
    'ACTIVIST_TOO_RECENT',
    'NOT_GRADED_EXCELLENT',
    'CONTENT_REJECTED',
  ],
  async run({ actor, store, ports, write, nowIso }, input) {
    const unit = await requireUnit(store, input.unitId);
    // Lines of authority: the vote's scope is its unit and the units above it in the line of its kind.
    const unitScope = await voteScopeOf(store, unit, input.kind, input.ruleVersion);
    actor.authorize('vote.manage', unitScope);
    const ruleSet = ruleSetFor(input.kind, input.ruleVersion, await schoolOverrides(store, input.kind));
    // D6 / B7: a temporary branch holds no acceptance, conversion or League development vote.
    assertUnitCanHold(ruleSet, unit.kind);
    const secret = resolveSecrecy(ruleSet, input.secret);
    // A20: only an extension states its length (6 to 12 months).
    if (input.extensionMonths !== undefined && input.kind !== 'extension') {
      throw new DomainError('BAD_INPUT', undefined, { extensionMonths: '仅延长预备期需要填写延长期限' });
    }
    const on = shanghaiDate(new Date(input.scheduledStart));
    if (
      ruleSet.mode === 'grades' &&
      evaluationHeldInYear(input.kind, await earlierVotes(store, unit._id, input.kind), on.slice(0, 4))
    ) {
      // C1 / C5: one evaluation per branch per year.
      throw new DomainError('EVALUATION_ALREADY_HELD', undefined, { scheduledStart: `${on.slice(0, 4)}年已组织` });
    }
    const people = await loadUnitPeople(store, unit._id);
    checkCandidates(ruleSet, unit.kind, unitMembers(people, unit), {
      candidateIds: input.candidateIds,
      seats: input.seats ?? null,
      tuiyouTarget: input.tuiyouTarget ?? null,
      on,
    });
    await checkCandidatesHistory(store, ruleSet, unit.kind, people, input.candidateIds, on);
    const byId = new Map(people.map((p) => [p._id, p]));
    const vote: VoteDoc = {
      _id: newId('v'),
      unitId: unit._id,
      unitKind: unit.kind,
      unitName: unit.name,
      unitScope,
      kind: input.kind,
      title: input.title,
      ruleVersion: input.ruleVersion,
      params: paramsOf(ruleSet),
      secret,
      scheduledStart: shanghaiIso(new Date(input.scheduledStart)),
      candidates: input.candidateIds.map((id) => ({ id, name: byId.get(id)?.name ?? id })),
      seats: input.seats ?? null,
      tuiyouTarget: input.tuiyouTarget ?? null,
      extensionMonths: input.kind === 'extension' ? (input.extensionMonths ?? null) : null,
      state: 'draft',
      sealing: false,
      createdBy: actor.requirePerson()._id,
      createdAt: nowIso,
      openedAt: null,
      openedBy: null,
      roster: null,
      ballot: null,
      names: {},
      scrutineerIds: [],
      tellerIds: [],
      closedAt: null,
      closedBy: null,
      outcome: null,
    };
    // The unit's members read the title (the rule's refusals come first).
    await assertPostable(ports, actor.openid, vote.title);
    return write(async (tx) => {
      await tx.create('votes.create', VOTES, vote);
      return { voteId: vote._id };
    });
  },
});

/**
 * The secretary opens the vote at the meeting: the roster is frozen from the unit's members with voting rights
 * for this kind, minus approved exclusions (A15), and the ballot is fixed. Nothing about the vote changes after.
 */
export const votesOpen = defineAction({
  name: 'votes.open',
  summary:
    '会上开始表决：冻结应到名单（排除须经上级批准并经会议同意），指定监票人、计票人（会场签到用 votes.checkInToken 的二维码）',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: [
    'NOT_FOUND',
    'OUT_OF_SCOPE',
    'VOTE_ALREADY_OPEN',
    'VOTE_CLOSED',
    'TEMP_BRANCH_CANNOT_HOLD',
    'UNIT_KIND_INVALID',
    'TOO_FEW_VOTERS',
    'EXCLUSION_NOT_APPROVED',
    'NOT_ON_ROSTER',
    'TOO_FEW_CANDIDATES',
    'CANDIDATE_NOT_ELIGIBLE',
    'OFFICIAL_NOT_VOTER',
    'OFFICIAL_IS_CANDIDATE',
    'EXTENSION_ALREADY_USED',
    'PROBATION_NOT_ENDED',
    'TUIYOU_REQUIRED',
    'ACTIVIST_TOO_RECENT',
    'NOT_GRADED_EXCELLENT',
    'EVALUATION_ALREADY_HELD',
  ],
  async run({ actor, store, write, nowIso, today }, input) {
    const draft = await requireManagedVote(actor, store, input.voteId);
    assertEditable(draft.state);
    const ruleSet = ruleSetOf(draft);
    const people = await loadUnitPeople(store, draft.unitId);
    const unit = { _id: draft.unitId, kind: draft.unitKind };
    const members = unitMembers(people, unit);
    // Statuses may have moved since the vote was created: the candidates must still be eligible.
    checkCandidates(ruleSet, unit.kind, members, {
      candidateIds: draft.candidates.map((c) => c.id),
      seats: draft.seats,
      tuiyouTarget: draft.tuiyouTarget,
      on: today,
    });
    const candidateIds = draft.candidates.map((c) => c.id);
    await checkCandidatesHistory(store, ruleSet, unit.kind, people, candidateIds, today);
    if (ruleSet.mode === 'grades') {
      // C1 / C5: two drafts created at the same moment both passed votes.create; only one of them is held.
      const year = draft.scheduledStart.slice(0, 4);
      const rivals = (await votesOfUnit(store, draft.unitId, draft.kind)).filter((v) => v._id !== draft._id);
      if (evaluationHeldInYear(draft.kind, rivals, year)) {
        throw new DomainError('EVALUATION_ALREADY_HELD', undefined, { scheduledStart: `${year}年已组织` });
      }
    }
    const roster = freezeRoster(ruleSet, unit.kind, members, input.exclusions);
    const byId = new Map(people.map((p) => [p._id, p]));
    const officials = [...input.scrutineerIds, ...input.tellerIds];
    // F3: officials are voters of this meeting, and no candidate oversees or counts the vote on themselves.
    checkOfficials(roster, candidateIds, input);
    const ballotIds = ruleSet.mode === 'grades' ? roster.subjects : draft.candidates.map((c) => c.id);
    const ballot = ballotSpecFor(ruleSet, ballotIds, draft.seats);
    const names: Record<string, string> = {};
    const named = new Set<string>([...roster.voters, ...roster.subjects, ...roster.ungraded, ...officials]);
    for (const id of named) names[id] = (byId.get(id) as Person).name;
    for (const c of draft.candidates) names[c.id] = byId.get(c.id)?.name ?? c.name;

    return write(async (tx) => {
      const before = await txVote(tx, draft._id);
      assertEditable(before.state);
      const after: VoteDoc = {
        ...before,
        state: 'open',
        openedAt: nowIso,
        openedBy: actor.requirePerson()._id,
        roster,
        ballot,
        names,
        scrutineerIds: [...new Set(input.scrutineerIds)],
        tellerIds: [...new Set(input.tellerIds)],
        boxes: ballotBoxesFor(roster.voters.length),
      };
      await tx.put(VOTES, after);
      // The ballot boxes exist before anyone votes, so their storage order carries nothing; enough of them that casts
      // in flight at once rarely share one (one write each, in box order).
      const boxes = after.boxes!;
      for (let box = 0; box < boxes; box++) {
        await tx.insert<BallotBoxDoc>(BALLOTS, {
          _id: boxId(after._id, box, boxes),
          voteId: after._id,
          box,
          ballots: [],
        });
      }
      tx.audit('votes.open', `${VOTES}/${after._id}`, before, after);
      return {
        voteId: after._id,
        expected: roster.expected,
        openedAt: nowIso,
      };
    });
  },
});

export const votesList = defineAction({
  name: 'votes.list',
  summary: '某组织的表决列表（管理用），可按状态、类型筛选，分页',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['UNIT_NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { unitId, state, kind, page, pageSize }) {
    const unit = await requireUnit(store, unitId);
    actor.authorize('vote.manage', await lineScopeOf(store, unit, 'own')); // the unit's own lines of authority
    const where: Record<string, unknown> = { unitId };
    if (state) where.state = state;
    if (kind) where.kind = kind;
    return mapPage(await votePage(store, where, page, pageSize), toCard);
  },
});

/**
 * Who is here (签到), who is absent, written opinions and exclusions, and how many ballots are in: turnout,
 * never how anyone voted. Managers only.
 */
/** A draft that will not be held is withdrawn with its reason; once open, a vote can only be closed and counted. */
export const votesCancel = defineAction({
  name: 'votes.cancel',
  summary: '取消尚未开始的表决（须写明理由）；已开始的表决只能结束计票',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'VOTE_ALREADY_OPEN', 'VOTE_CLOSED'],
  async run({ actor, write, nowIso }, { voteId, reason }) {
    return write(async (tx) => {
      const before = await txVote(tx, voteId);
      actor.authorize('vote.manage', before.unitScope);
      assertEditable(before.state);
      const after: VoteDoc = {
        ...before,
        state: 'cancelled',
        closedAt: nowIso,
        closedBy: actor.requirePerson()._id,
        cancelReason: reason,
      };
      await tx.put(VOTES, after);
      tx.audit('votes.cancel', `${VOTES}/${voteId}`, before, after);
      return { voteId, state: 'cancelled' as const };
    });
  },
});

export const votesPresence = defineAction({
  name: 'votes.presence',
  summary: '会场签到情况：应到、实到、缺席、书面意见、不计入应到人员、已投票数（不含任何计票结果）',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'VOTE_NOT_OPEN'],
  async run({ actor, store }, { voteId }) {
    const vote = await requireManagedVote(actor, store, voteId);
    const roster = vote.roster;
    if (vote.state === 'draft' || !roster) throw new DomainError('VOTE_NOT_OPEN');
    const [participation, written] = await Promise.all([
      loadAllOf<ParticipationDoc>(store, PARTICIPATION, voteId),
      loadAllOf<WrittenDoc>(store, WRITTEN, voteId),
    ]);
    const name = (id: string) => vote.names[id] ?? id;
    const excluded = new Set(roster.excluded.map((e) => e.personId));
    const here = new Set(participation.map((p) => p.personId));
    const view: PresenceView = {
      voteId,
      expected: roster.expected,
      // C2: a probationary rater holds a ballot but is not 实到 for the quorum. Counted from the records, no counter.
      present: presentCount(
        roster,
        participation.map((p) => p.personId),
      ),
      quorumNeeded: quorumNeededFor(ruleSetOf(vote), roster.expected),
      ballotsIssued: participation.length,
      ballotsReturned: participation.filter((p) => p.voted).length,
      checkedIn: [...participation]
        .sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt) || a.personId.localeCompare(b.personId))
        .map((p) => ({ id: p.personId, name: name(p.personId), at: p.checkedInAt })),
      absent: roster.voters.filter((id) => !here.has(id) && !excluded.has(id)).map((id) => ({ id, name: name(id) })),
      writtenOpinions: written.map((w) => ({ voterId: w.voterId, name: name(w.voterId), submittedAt: w.submittedAt })),
      excluded: roster.excluded.map((e) => ({
        id: e.personId,
        name: name(e.personId),
        reason: e.reason,
        reasonLabel: EXCLUSION_REASON_LABELS[e.reason],
      })),
    };
    return view;
  },
});
