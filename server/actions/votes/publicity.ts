/**
 * The seam to 公示 (notices): after a 推优 decision (B5: the list is published for ≥ 5 working days before the
 * League committee approves) or an honor vote, the secretary publishes the result. This builds the draft input
 * for `notices.create` from the closed vote (`noticeDraftFromVote`, pure); `votes.noticeDraft` serves it to the
 * secretary's page, which sends it through notices.create — so the notice gets every check a hand-written draft gets.
 */
import type { z } from 'zod';
import { defineAction } from '../../action';
import type { noticesSchemas } from '../../../typings/actions/notices';
import { TUIYOU_TARGET_LABELS } from '../../../typings/actions/votes';
import { DomainError } from '../../domain/errors';
import { minimumWindowFor } from '../../domain/notices/requirements';
import {
  DECISIONS,
  type DecisionDoc,
  decisionId,
  nameOf,
  RESULTS,
  type ResultsDoc,
  requireVote,
  resultsId,
  type VoteDoc,
} from './shared';

export type NoticeDraftInput = z.input<(typeof noticesSchemas)['notices.create']>;

/**
 * The 公示 draft for a closed 推优 (the committee's recommended list, never the raw vote: B4 "考察不唯票") or
 * 评优 (the elected). `start` is the first day of publicity (YYYY-MM-DD). Throws VOTE_NOT_VALID when the vote
 * did not count, DECISION_INCOMPLETE when a 推优 has no committee decision yet, BAD_INPUT for other kinds.
 */
export function noticeDraftFromVote(
  vote: VoteDoc,
  results: ResultsDoc,
  decision: DecisionDoc | null,
  start: string,
): NoticeDraftInput {
  if (vote.state !== 'closed') throw new DomainError('RESULTS_SEALED');
  if (results.sheet.outcome !== 'counted') throw new DomainError('VOTE_NOT_VALID');
  let kind: 'tuiyou' | 'honor' | 'activist' | 'development_candidate';
  let subjectIds: string[];
  let what: string;
  if (vote.kind === 'tuiyou') {
    if (decision?.decision.type !== 'tuiyou') throw new DomainError('DECISION_INCOMPLETE');
    kind = 'tuiyou';
    subjectIds = decision.decision.recommended;
    what = vote.tuiyouTarget ? TUIYOU_TARGET_LABELS[vote.tuiyouTarget] : '推优';
  } else if (vote.kind === 'honor') {
    kind = 'honor';
    subjectIds = results.sheet.election?.elected ?? [];
    what = '评优结果';
  } else if (vote.kind === 'activist_determination' || vote.kind === 'development_candidate_determination') {
    // A4 / A7 (E2: tccu publicises activists and 发展对象): those the branch's vote passed.
    kind = vote.kind === 'activist_determination' ? 'activist' : 'development_candidate';
    subjectIds = results.sheet.lines.filter((l) => l.outcome === 'passed').map((l) => l.candidateId);
    what = kind === 'activist' ? '确定为入党积极分子' : '确定为发展对象';
  } else {
    throw new DomainError('BAD_INPUT', undefined, { voteId: '此类表决结果不需公示' });
  }
  const names = subjectIds.map((id) => nameOf(vote, id));
  const min = minimumWindowFor(kind, vote.ruleVersion).minimum ?? { length: 5, unit: 'workday' as const };
  const s = results.sheet;
  const body = [
    `经${vote.unitName}${s.date}会议${s.method}（应到 ${s.expected} 人，实到 ${s.present} 人）${
      kind === 'tuiyou' ? '及支部委员会考察决定' : ''
    }，拟${what}人选如下：`,
    names.join('、') || '（无）',
    '公示期间如有异议，请通过小程序实名或匿名反映。',
  ].join('\n');
  return {
    unitId: vote.unitId,
    ruleVersion: vote.ruleVersion,
    kind,
    title: `${vote.title}公示`.slice(0, 60),
    body,
    subjects: subjectIds.map((id) => ({ personId: id, name: nameOf(vote, id) })),
    scopeUnitIds: [vote.unitId],
    window: { start, length: min.length, unit: min.unit, counting: 'inclusive' },
  };
}

export const votesNoticeDraft = defineAction({
  name: 'votes.noticeDraft',
  summary:
    '由已结束的推优（支部委员会决定的人选）、确定入党积极分子、确定发展对象或评优表决生成公示草稿内容，供提交 notices.create',
  access: { kind: 'permission', permission: 'vote.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'RESULTS_SEALED', 'VOTE_NOT_VALID', 'DECISION_INCOMPLETE'],
  async run({ actor, store, today }, input) {
    const vote = await requireVote(store, input.voteId);
    actor.authorize('vote.manage', vote.unitScope);
    if (vote.state !== 'closed') throw new DomainError('RESULTS_SEALED');
    const [results, decision] = await Promise.all([
      store.get<ResultsDoc>(RESULTS, resultsId(vote._id)),
      store.get<DecisionDoc>(DECISIONS, decisionId(vote._id)),
    ]);
    if (!results) throw new DomainError('NOT_FOUND', '找不到表决结果');
    return noticeDraftFromVote(vote, results, decision, input.start ?? today);
  },
});
