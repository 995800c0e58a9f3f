/** Reading votes: one vote, my votes, and the resolution after the close (never before: F3). */

import type { VoteCardView } from '../../../typings/actions';
import { defineAction } from '../../action';
import { assertResultsUnsealed } from '../../domain/votes';
import { emptyPage, mapPage } from '../../store';
import { assertMayRead, assertMayReadResults, canManage, onRoster } from './access';
import {
  DECISIONS,
  type DecisionDoc,
  decisionId,
  PARTICIPATION,
  type ParticipationDoc,
  participationId,
  WRITTEN,
  writtenId,
} from './docs';
import { countPresent, requireResults, requireVote, votePage } from './load';
import { toCard, toResolutionView, toVoteView } from './views';

export const votesGet = defineAction({
  name: 'votes.get',
  summary: '表决详情：规则要求、候选人、应到与实到、我的签到与投票状态（结束前不含任何计票结果）',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE'],
  async run({ actor, store }, { voteId }) {
    const vote = await requireVote(store, voteId);
    assertMayRead(actor, vote);
    const personId = actor.requirePerson()._id;
    const [p, w, present] = await Promise.all([
      vote.state === 'draft' ? null : store.get<ParticipationDoc>(PARTICIPATION, participationId(voteId, personId)),
      store.get(WRITTEN, writtenId(voteId, personId)),
      vote.roster ? countPresent(store, vote) : null,
    ]);
    return toVoteView(
      vote,
      {
        onRoster: onRoster(vote, personId),
        checkedIn: p !== null,
        voted: p?.voted ?? false,
        writtenOpinionSubmitted: w !== null,
      },
      canManage(actor, vote),
      present,
    );
  },
});

export const votesListMine = defineAction({
  name: 'votes.listMine',
  summary: '我所在组织的表决（最新在前），分页',
  access: { kind: 'member' },
  errors: [],
  async run({ actor, store }, { state, page, pageSize }) {
    const person = actor.requirePerson();
    const units = [
      ...new Set(
        [...person.memberOf, person.homePartyBranchId, person.homeLeagueBranchId].filter((u): u is string => !!u),
      ),
    ];
    if (units.length === 0) return emptyPage<VoteCardView>(page, pageSize);
    const where: Record<string, unknown> = { unitId: store.command.in(units) };
    if (state) where.state = state;
    return mapPage(await votePage(store, where, page, pageSize), toCard);
  },
});

export const votesResolution = defineAction({
  name: 'votes.resolution',
  summary: '表决结果（决议）：应到、实到、书面意见、每位候选人赞成/反对/弃权/无效、是否通过、方式、日期、规则版本',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'RESULTS_SEALED'],
  async run({ actor, store }, { voteId }) {
    const vote = await requireVote(store, voteId);
    assertMayReadResults(actor, vote);
    assertResultsUnsealed(vote.state);
    const [results, decision] = await Promise.all([
      requireResults(store, voteId),
      store.get<DecisionDoc>(DECISIONS, decisionId(voteId)),
    ]);
    // Evaluations: per-person grades and ratings to the officers of the branch and above only (C2, C4).
    return toResolutionView(vote, results, decision, { officer: canManage(actor, vote), personId: actor.personId });
  },
});
