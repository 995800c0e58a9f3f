/**
 * The seam to 公示 (notices): `votes.noticeDraft` serves the draft the domain builds from a closed vote
 * (`noticeDraftFromVote`) to the secretary's page, which sends it through notices.create — so the notice gets every
 * check a hand-written draft gets.
 */
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { noticeDraftFromVote } from '../../domain/votes';
import { requirementTable } from '../notices/authority';
import { requireManagedVote } from './access';
import { DECISIONS, type DecisionDoc, decisionId } from './docs';
import { requireResults } from './load';

export const votesNoticeDraft = defineAction({
  name: 'votes.noticeDraft',
  summary:
    '由已结束的推优（支部委员会决定的人选）、确定入党积极分子、确定发展对象或评优表决生成公示草稿内容，供提交 notices.create',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'RESULTS_SEALED', 'VOTE_NOT_VALID', 'DECISION_INCOMPLETE'],
  async run({ actor, store, today }, input) {
    const vote = await requireManagedVote(actor, store, input.voteId);
    if (vote.state !== 'closed') throw new DomainError('RESULTS_SEALED');
    const [results, decision, table] = await Promise.all([
      requireResults(store, vote._id),
      store.get<DecisionDoc>(DECISIONS, decisionId(vote._id)),
      requirementTable(store),
    ]);
    return noticeDraftFromVote(vote, results, decision, input.start ?? today, table);
  },
});
