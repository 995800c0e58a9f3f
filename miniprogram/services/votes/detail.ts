/** One vote as its detail page, the ballot and the 书面意见 page see it: where the voter stands and what is decided. */
import type { CandidateView, MarkValue, VoteView } from '../../../typings/actions/votes';
import type { ApiError, Result } from '../../../typings/errors';
import { TUIYOU_TARGET_LABELS, VOTE_KIND_FORM } from '../../typings/vocabulary';
import { scanFromCamera } from '../../utils/code-screen';
import { call } from '../api';
import { errorText, showError, toast } from '../errors';
import { formatDateTime } from '../format';
import { castMarks } from './ballot';
import { methodLabel, STATE_THEMES, type TagTheme, UNVERIFIED_RULE_WARNING } from './common';

/**
 * Where the voter stands: waiting for the meeting, to check in, to vote, done; or outside the vote (not on the
 * roster), after it (closed), or it was called off.
 */
export type VoterStage = 'waiting' | 'check_in' | 'ballot' | 'voted' | 'not_on_roster' | 'closed' | 'cancelled';

export function voterStage(v: Pick<VoteView, 'state' | 'me'>): VoterStage {
  switch (v.state) {
    case 'draft':
      return 'waiting';
    case 'closed':
      return 'closed';
    case 'cancelled':
      return 'cancelled';
    default:
      if (!v.me.onRoster) return 'not_on_roster';
      if (v.me.voted) return 'voted';
      return v.me.checkedIn ? 'ballot' : 'check_in';
  }
}

/**
 * What the ballot decides, in the words on the paper: `接收预备党员`, `推优入党 · 推荐为发展对象`,
 * `党支部委员会选举 · 应选 3 名`, `民主评议党员 · 评定等次`.
 */
export function decidingText(
  v: Pick<VoteView, 'kind' | 'kindLabel' | 'tuiyouTarget' | 'seats' | 'ballotForm'>,
): string {
  if (v.kind === 'tuiyou' && v.tuiyouTarget) return `${v.kindLabel} · ${TUIYOU_TARGET_LABELS[v.tuiyouTarget]}`;
  if (v.ballotForm === 'grades') return `${v.kindLabel} · 评定等次`;
  if (v.seats !== null && VOTE_KIND_FORM[v.kind].seats) return `${v.kindLabel} · 应选 ${v.seats} 名`;
  return v.kindLabel;
}

export interface VoteDetailVM {
  id: string;
  title: string;
  deciding: string;
  unitName: string;
  timeText: string;
  stateLabel: string;
  stateTheme: TagTheme;
  method: string;
  ruleVersionLabel: string;
  ruleWarning: string;
  requirements: string[];
  candidateNames: string;
  candidateCount: number;
  /** `应到 11 人 · 已签到 7 人` once the roster is frozen; '' before. */
  turnoutText: string;
  stage: VoterStage;
  canManage: boolean;
}

export function toVoteDetailVM(v: VoteView): VoteDetailVM {
  return {
    id: v.id,
    title: v.title,
    deciding: decidingText(v),
    unitName: v.unitName,
    timeText: formatDateTime(v.scheduledStart),
    stateLabel: v.stateLabel,
    stateTheme: STATE_THEMES[v.state],
    method: methodLabel(v.secret),
    ruleVersionLabel: v.ruleVersionLabel,
    ruleWarning: v.ruleVerified ? '' : UNVERIFIED_RULE_WARNING,
    requirements: v.requirements,
    candidateNames: v.candidates.map((c) => c.name).join('、'),
    candidateCount: v.candidates.length,
    turnoutText: v.expected !== null ? `应到 ${v.expected} 人 · 已签到 ${v.present ?? 0} 人` : '',
    stage: voterStage(v),
    canManage: v.canManage,
  };
}

/** The vote a voter's page (ballot, written opinion) is about, or the message to show instead. */
export async function loadVoteForVoter(
  voteId: string,
): Promise<{ ok: true; vote: VoteView } | { ok: false; message: string }> {
  if (!voteId) return { ok: false, message: '缺少表决编号，请从「我的票决」进入' };
  const res = await call('votes.get', { voteId });
  return res.ok ? { ok: true, vote: res.data } : { ok: false, message: errorText(res.error) };
}

/** What a marking page (ballot, written opinion) keeps on itself while the voter marks. */
export interface MarkingPage<TBlock> {
  voteId: string;
  candidates: CandidateView[];
  values: MarkValue[];
  marks: Record<string, MarkValue>;
  setData(data: Record<string, unknown>): void;
  showBlock(block: TBlock): void;
}

/**
 * Loads the vote for a marking page: on an error or a block (the page's own `blockOf`) it shows that and returns
 * null; otherwise it puts the candidates and mark values on the page with no marks yet and returns the vote.
 */
export async function openMarking<TBlock>(
  page: MarkingPage<TBlock>,
  blockOf: (v: VoteView) => TBlock | null,
): Promise<VoteView | null> {
  page.setData({ stage: 'loading' });
  const loaded = await loadVoteForVoter(page.voteId);
  if (!loaded.ok) {
    page.setData({ stage: 'error', message: loaded.message });
    return null;
  }
  const v = loaded.vote;
  const block = blockOf(v);
  if (block) {
    page.showBlock(block);
    return null;
  }
  page.candidates = v.candidates;
  page.values = v.markValues;
  page.marks = {};
  return v;
}

/** Opens the confirmation once every candidate is marked; otherwise says so (`missing`: the page's words). */
export function askToConfirm<TBlock>(page: MarkingPage<TBlock>, missing: (c: CandidateView) => string): void {
  const unmarked = page.candidates.find((c) => !page.marks[c.id]);
  if (unmarked) {
    toast(missing(unmarked));
    return;
  }
  page.setData({ confirmVisible: true });
}

/**
 * Sends a marking page's marks once the voter confirms (`send`: votes.cast or votes.addWrittenOpinion). On success
 * the marks leave the page and the answer is returned; a refusal in `blocking` shows its block (the marks leave
 * too); any other error is shown and the review stays to retry. Null when nothing was recorded.
 */
export async function submitMarks<TBlock, T>(
  page: MarkingPage<TBlock> & { data: { submitting: boolean } },
  send: (marks: ReturnType<typeof castMarks>) => Promise<Result<T>>,
  blocking: Partial<Record<ApiError['code'], TBlock>>,
): Promise<T | null> {
  if (page.data.submitting) return null;
  page.setData({ submitting: true });
  const res = await send(castMarks(page.candidates, page.marks));
  page.setData({ submitting: false, confirmVisible: false });
  if (res.ok) {
    page.marks = {};
    return res.data;
  }
  const block = blocking[res.error.code];
  if (block) {
    page.marks = {};
    page.showBlock(block);
  } else {
    // Malformed or over-marked (the server's F2 check), a conflict, the network: the review stays to retry.
    showError(res.error);
  }
  return null;
}

/**
 * Whether the detail page offers 提交书面意见 (A14 / F3): only before the meeting opens, only on the formal party
 * votes that count them, and only once. The roster is frozen at open, so before it `me.onRoster` is not yet known
 * for anyone; it still hides the button when the roster says the voter is out. The server decides voting rights
 * (NOT_ON_ROSTER) and the cutoff (WRITTEN_OPINION_TOO_LATE).
 */
export function writtenOpinionOffered(
  v: Pick<VoteView, 'state' | 'writtenOpinionsAllowed' | 'expected' | 'me'>,
): boolean {
  if (v.state !== 'draft' || !v.writtenOpinionsAllowed || v.me.writtenOpinionSubmitted) return false;
  return v.expected === null || v.me.onRoster;
}

/** Told on the 书面意见 page (A14 / F3): when it counts, how it counts, and that it is final. */
export const WRITTEN_OPINION_EXPLANATION =
  '无法到会时，可在会议开始前对每位候选人提交书面意见（赞成、反对或弃权），单独计入表决结果；会议开始后提交无效；提交后不可更改';

/**
 * 扫码签到: opens the camera (never the album: a forwarded picture of the meeting screen is no way in) and sends the
 * code read to votes.checkIn. Null when the voter closed the scanner.
 */
export async function scanAndCheckIn(
  voteId: string,
): Promise<Result<{ personId: string; checkedInAt: string }> | null> {
  const token = await scanFromCamera();
  if (token === null) return null;
  return call('votes.checkIn', { voteId, token });
}
