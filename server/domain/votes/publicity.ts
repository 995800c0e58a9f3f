/**
 * The seam to 公示: after a 推优 decision (B5: the list is published for at least 5 working days before the League
 * committee approves) or an honor vote, the secretary publishes the result. This builds the draft input for
 * `notices.create` from the closed vote, so the notice gets every check a hand-written draft gets.
 */
import type { z } from 'zod';
import type { noticesSchemas } from '../../../typings/actions/notices';
import {
  type CandidateView,
  TUIYOU_TARGET_LABELS,
  type TuiyouTarget,
  type VoteKind,
  type VoteState,
} from '../../../typings/actions/votes';
import type { RuleVersion } from '../../../typings/domain';
import { DomainError } from '../errors';
import { minimumWindowFor, PUBLICITY_REQUIREMENTS, type RequirementTable } from '../notices/requirements';
import { assertVoteCounted } from './lifecycle';
import type { ResolutionSheet } from './resolution';

export type NoticeDraftInput = z.input<(typeof noticesSchemas)['notices.create']>;

/** What a vote's names and its 公示 draft read of the stored vote. */
export interface NamedVote {
  names: Record<string, string>;
  candidates: readonly CandidateView[];
}

export interface ClosedVote extends NamedVote {
  state: VoteState;
  kind: VoteKind;
  tuiyouTarget: TuiyouTarget | null;
  title: string;
  unitId: string;
  unitName: string;
  ruleVersion: RuleVersion;
}

/** A person's name as it stood when the vote opened (roster, candidates, subjects, officials). */
export function nameOf(vote: NamedVote, id: string): string {
  return vote.names[id] ?? vote.candidates.find((c) => c.id === id)?.name ?? '（未知）';
}

/**
 * The 公示 draft for a closed 推优 (the committee's recommended list, never the raw vote: B4 "考察不唯票") or
 * 评优 (the elected). `start` is the first day of publicity (YYYY-MM-DD), `table` the minimum windows in force (the school's own). Throws VOTE_NOT_VALID when the vote
 * did not count, DECISION_INCOMPLETE when a 推优 has no committee decision yet, BAD_INPUT for other kinds.
 */
export function noticeDraftFromVote(
  vote: ClosedVote,
  results: { sheet: ResolutionSheet },
  decision: { decision: { type: 'tuiyou'; recommended: string[] } | { type: 'grades' } } | null,
  start: string,
  table: RequirementTable = PUBLICITY_REQUIREMENTS,
): NoticeDraftInput {
  if (vote.state !== 'closed') throw new DomainError('RESULTS_SEALED');
  assertVoteCounted(results.sheet.outcome);
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
  // E2: the school's own table where it is stricter, so the draft is never refused as too short when published.
  const min = minimumWindowFor(kind, vote.ruleVersion, table).minimum ?? { length: 5, unit: 'workday' as const };
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
