/**
 * View models for 票决: what the vote pages render, never the raw views. Times arrive as ISO-8601 (+08:00), the
 * meeting date as YYYY-MM-DD; people read them in Asia/Shanghai.
 *
 * Secrecy: nothing here ever puts a voter next to a choice. The ballot page keeps the voter's own marks on the
 * page until they are cast; the presence view has turnout only; the resolution has aggregates only.
 */
import type { PersonView, PositionView, UnitView } from '../../typings/actions/org';
import type { ApiError, Result } from '../../typings/errors';
import type {
  CandidateView,
  DecisionView,
  Grade,
  MarkValue,
  PresenceView,
  Ratio,
  ResolutionLineView,
  ResolutionView,
  RuleOverridesInput,
  RuleSettingView,
  VoteCardView,
  VoteKind,
  VoteState,
  VoteView,
} from '../../typings/actions/votes';
import type { PoliticalStatus, UnitKind } from '../../typings/domain';
import {
  DEFAULT_QUORUM,
  GRADE_LABELS,
  KIND_FORM,
  MARK_LABELS,
  TUIYOU_TARGET_LABELS,
  VOTE_KIND_LABELS,
  VOTE_KIND_ORDER,
  VOTE_MANAGER_ROLES,
} from '../strings/votes';
import { call } from './api';
import { errorText } from './errors';
import { formatChineseDate, formatDateTime, shanghaiToday } from './format';
import type { PickerOption } from './org';

export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const STATE_THEMES: Record<VoteState, TagTheme> = {
  draft: 'warning',
  open: 'primary',
  closed: 'default',
  cancelled: 'default',
};

const GRADE_ORDER: readonly Grade[] = ['excellent', 'qualified', 'basically_qualified', 'unqualified'];

/** 无记名投票 / 记名投票, as the resolution writes it (F1, F4). */
export function methodLabel(secret: boolean): string {
  return secret ? '无记名投票' : '记名投票';
}

/** Shown wherever a vote runs under a rule version whose primary text is not yet verified (domain-rules §0). */
export const UNVERIFIED_RULE_WARNING = '该版本细则的原文尚未核实，表决结果请以上级组织认定为准';

// ---------------------------------------------------------------------------------------------- cards

export interface VoteCardVM {
  id: string;
  title: string;
  kindLabel: string;
  unitName: string;
  state: VoteState;
  stateLabel: string;
  stateTheme: TagTheme;
  timeText: string;
}

export function toVoteCardVM(card: VoteCardView): VoteCardVM {
  return {
    id: card.id,
    title: card.title,
    kindLabel: card.kindLabel,
    unitName: card.unitName,
    state: card.state,
    stateLabel: card.stateLabel,
    stateTheme: STATE_THEMES[card.state],
    timeText: `会议时间 ${formatDateTime(card.scheduledStart)}`,
  };
}

/** The tabs of 我的票决, in the order shown: what needs the voter now comes first. */
export const MINE_TABS: readonly { state: VoteState; label: string; empty: string }[] = [
  { state: 'open', label: '进行中', empty: '暂无进行中的表决' },
  { state: 'draft', label: '未开始', empty: '暂无即将开始的表决' },
  { state: 'closed', label: '已结束', empty: '暂无已结束的表决' },
];

// ---------------------------------------------------------------------------------------------- one vote

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
  if (v.seats !== null && KIND_FORM[v.kind].seats) return `${v.kindLabel} · 应选 ${v.seats} 名`;
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

// ---------------------------------------------------------------------------------------------- ballot

export interface MarkOption {
  value: MarkValue;
  label: string;
}

/** The buttons of one ballot section, in the contract's order (grades end with 弃权). */
export function markOptions(values: readonly MarkValue[]): MarkOption[] {
  return values.map((value) => ({ value, label: MARK_LABELS[value] }));
}

export type Marks = Record<string, MarkValue>;

export function yesCount(marks: Marks): number {
  return Object.values(marks).filter((m) => m === 'yes').length;
}

/**
 * Whether `value` may be put against `candidateId` given the other marks: on an election ballot 赞成 is closed once
 * the seats are filled, except on a candidate who already has it (F2: more 赞成 than seats spoils the ballot).
 */
export function markAllowed(value: MarkValue, candidateId: string, marks: Marks, maxYes: number | null): boolean {
  if (value !== 'yes' || maxYes === null) return true;
  return marks[candidateId] === 'yes' || yesCount(marks) < maxYes;
}

/** The marks in ballot order, as votes.cast takes them. */
export function castMarks(
  candidates: readonly CandidateView[],
  marks: Marks,
): { candidateId: string; choice: MarkValue }[] {
  return candidates.filter((c) => marks[c.id]).map((c) => ({ candidateId: c.id, choice: marks[c.id] }));
}

export interface ReviewRowVM {
  id: string;
  index: number;
  name: string;
  label: string;
  value: MarkValue;
}

export function reviewRows(candidates: readonly CandidateView[], marks: Marks): ReviewRowVM[] {
  return candidates.map((c, i) => ({
    id: c.id,
    index: i,
    name: c.name,
    value: marks[c.id],
    label: marks[c.id] ? MARK_LABELS[marks[c.id]] : '未选择',
  }));
}

/** `赞成 3 · 反对 1 · 弃权 1` for the confirm dialog: counts only, in the form's order. */
export function marksSummary(values: readonly MarkValue[], marks: Marks): string {
  const all = Object.values(marks);
  return values
    .map((v) => ({ v, n: all.filter((m) => m === v).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${MARK_LABELS[x.v]} ${x.n}`)
    .join(' · ');
}

/** `K7Q2M9XP` -> `K7Q2 M9XP`: two groups of four read aloud more easily. */
export function formatBallotCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** What a person types as a code: spaces and case do not matter. */
export function normalizeBallotCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

// ---------------------------------------------------------------------------------------------- presence

/** The fewest present for `present` to exceed `quorum` of `expected` (den·present > num·expected), integers only. */
export function quorumNeeded(expected: number, quorum: Ratio): number {
  return Math.floor((quorum.num * expected) / quorum.den) + 1;
}

export interface PersonRowVM {
  id: string;
  name: string;
  note: string;
}

export interface PresenceVM {
  expected: number;
  present: number;
  ballotsIssued: number;
  ballotsReturned: number;
  quorumNeeded: number;
  quorumHolds: boolean;
  quorumText: string;
  checkedIn: PersonRowVM[];
  absent: PersonRowVM[];
  written: PersonRowVM[];
  excluded: PersonRowVM[];
}

/**
 * Turnout for the secretary: who is here and how many ballots are in, never what anyone marked. The quorum
 * indicator uses the national default of the kind (strings/votes.ts); the server decides at the close.
 */
export function toPresenceVM(p: PresenceView, kind: VoteKind): PresenceVM {
  const needed = quorumNeeded(p.expected, DEFAULT_QUORUM[kind]);
  const holds = p.present >= needed;
  return {
    expected: p.expected,
    present: p.present,
    ballotsIssued: p.ballotsIssued,
    ballotsReturned: p.ballotsReturned,
    quorumNeeded: needed,
    quorumHolds: holds,
    quorumText: holds
      ? `已达到法定人数（至少 ${needed} 人）`
      : `还差 ${needed - p.present} 人达到法定人数（至少 ${needed} 人）`,
    checkedIn: p.checkedIn.map((c) => ({ id: c.id, name: c.name, note: `${formatDateTime(c.at).slice(11)} 签到` })),
    // An absent member's written opinion counts (A14) but does not make them present.
    absent: p.absent.map((a) => ({
      id: a.id,
      name: a.name,
      note: p.writtenOpinions.some((w) => w.voterId === a.id) ? '已交书面意见，到会签到后以现场投票为准' : '',
    })),
    written: p.writtenOpinions.map((w) => ({
      id: w.voterId,
      name: w.name,
      note: `${formatDateTime(w.submittedAt)} 提交`,
    })),
    excluded: p.excluded.map((e) => ({ id: e.id, name: e.name, note: e.reasonLabel })),
  };
}

// ---------------------------------------------------------------------------------------------- resolution

export interface CountVM {
  label: string;
  value: string;
}

export interface LineVM {
  id: string;
  name: string;
  cells: CountVM[];
  /** `会前书面意见：赞成 1 · 反对 0 · 弃权 0`, '' when none was counted (the cells are then the room's). */
  writtenText: string;
  /** `赞成合计 9 票（会场 8 + 书面意见 1）`; '' on an evaluation. */
  totalText: string;
  outcomeLabel: string;
  outcomeTheme: TagTheme;
}

export interface DecisionVM {
  decidedOn: string;
  minutesRef: string;
  recordedBy: string;
  recommended: string;
  declined: { id: string; name: string; reason: string }[];
  grades: { id: string; name: string; gradeLabel: string }[];
}

export interface ResolutionVM {
  title: string;
  kindLabel: string;
  unitName: string;
  dateText: string;
  method: string;
  ruleVersionLabel: string;
  ruleWarning: string;
  /** 表决有效 / 表决无效 / 人数不足: the vote as a whole. */
  valid: boolean;
  outcomeLabel: string;
  /** 应到, 实到, 书面意见 (and 不计入应到 when any). */
  attendance: CountVM[];
  /** 发出, 收回, 无效 ballots. */
  ballots: CountVM[];
  /** Whether the line cells are the room's alone (written opinions are shown apart). */
  roomOnly: boolean;
  lines: LineVM[];
  electionText: string;
  scrutineers: string;
  tellers: string;
  requirements: string[];
  decision: DecisionVM | null;
  codes: string[];
}

const OUTCOME_THEMES: Record<string, TagTheme> = {
  passed: 'success',
  elected: 'success',
  failed: 'danger',
  not_elected: 'default',
  runoff: 'warning',
};

function wrote(l: ResolutionLineView): boolean {
  return l.writtenYes + l.writtenNo + l.writtenAbstain > 0;
}

function toLineVM(l: ResolutionLineView, writtenCounted: boolean): LineVM {
  const cells: CountVM[] = l.grades
    ? [
        ...GRADE_ORDER.map((g) => ({ label: GRADE_LABELS[g], value: String(l.grades?.[g] ?? 0) })),
        { label: '弃权', value: String(l.abstain) },
        { label: '无效', value: String(l.invalid) },
      ]
    : [
        { label: '赞成', value: String(l.yes) },
        { label: '反对', value: String(l.no) },
        { label: '弃权', value: String(l.abstain) },
        { label: '无效', value: String(l.invalid) },
      ];
  return {
    id: l.candidateId,
    name: l.name,
    cells,
    writtenText:
      writtenCounted && !l.grades
        ? `会前书面意见：赞成 ${l.writtenYes} · 反对 ${l.writtenNo} · 弃权 ${l.writtenAbstain}`
        : '',
    totalText: l.grades
      ? ''
      : writtenCounted
        ? `赞成合计 ${l.totalYes} 票（会场 ${l.yes} + 书面意见 ${l.writtenYes}）`
        : `赞成合计 ${l.totalYes} 票`,
    outcomeLabel: l.outcomeLabel ?? '',
    outcomeTheme: l.outcome ? OUTCOME_THEMES[l.outcome] : 'default',
  };
}

// ---------------------------------------------------------------------------------------------- grades (C1–C4)

/**
 * The national default 优秀 quota of each evaluation kind (server/domain/votes/rules.ts): C2 at most 1/3 of the
 * formal members whose relations are in the branch, C4 at most 30% of those evaluated. A school may set its own
 * on the server, which checks the grades again (QUOTA_EXCEEDED); the page only counts.
 */
export const EXCELLENT_QUOTA: Partial<Record<VoteKind, Ratio>> = {
  party_evaluation: { num: 1, den: 3 },
  league_evaluation: { num: 3, den: 10 },
};

/** An evaluation kind: the committee then proposes grades rather than a 推优 list. */
export function isEvaluation(kind: VoteKind): boolean {
  return kind === 'party_evaluation' || kind === 'league_evaluation';
}

/**
 * The most members who may be graded 优秀 among `graded` (C2: 3·优秀 ≤ formal members; C4: 10·优秀 ≤ 3·evaluated),
 * integers only; null when the kind has no quota. Both bases are the graded members: probationary members take
 * part in 民主评议党员 without a grade and count toward neither.
 */
export function excellentLimit(kind: VoteKind, graded: number): number | null {
  const q = EXCELLENT_QUOTA[kind];
  return q ? Math.floor((q.num * graded) / q.den) : null;
}

export interface GradeRowVM {
  id: string;
  name: string;
  /** The rating from the count, e.g. 「优秀 6 · 合格 3 · 基本合格 0 · 不合格 0 · 弃权 1」. */
  tallyText: string;
  grade: Grade | '';
  error: string;
}

/** One row per graded member, in the resolution's order, no grade chosen yet. */
export function gradeRows(lines: readonly ResolutionLineView[]): GradeRowVM[] {
  return lines.map((l) => ({
    id: l.candidateId,
    name: l.name,
    tallyText: [
      ...GRADE_ORDER.map((g) => `${GRADE_LABELS[g]} ${l.grades?.[g] ?? 0}`),
      `弃权 ${l.abstain}`,
      ...(l.invalid ? [`无效 ${l.invalid}`] : []),
    ].join(' · '),
    grade: '',
    error: '',
  }));
}

export interface GradeCounterVM {
  excellent: number;
  limit: number | null;
  /** 「优秀 2 / 上限 3」. */
  text: string;
  over: boolean;
}

export function gradeCounter(kind: VoteKind, rows: readonly Pick<GradeRowVM, 'grade'>[]): GradeCounterVM {
  const excellent = rows.filter((r) => r.grade === 'excellent').length;
  const limit = excellentLimit(kind, rows.length);
  return {
    excellent,
    limit,
    text: limit === null ? `优秀 ${excellent}` : `优秀 ${excellent} / 上限 ${limit}`,
    over: limit !== null && excellent > limit,
  };
}

function toDecisionVM(d: DecisionView): DecisionVM {
  return {
    decidedOn: formatChineseDate(d.decidedOn),
    minutesRef: d.minutesRef,
    recordedBy: d.recordedBy,
    recommended: d.recommended.map((c) => c.name).join('、'),
    declined: d.declined,
    grades: d.grades.map((g) => ({ id: g.id, name: g.name, gradeLabel: g.gradeLabel })),
  };
}

function electionText(r: ResolutionView): string {
  const e = r.election;
  if (!e) return '';
  const name = (id: string) => r.lines.find((l) => l.candidateId === id)?.name ?? id;
  const parts = [
    `应选 ${e.seats} 名`,
    `当选 ${e.elected.length} 名${e.elected.length ? `：${e.elected.map(name).join('、')}` : ''}`,
  ];
  if (e.runoff.length) parts.push(`${e.runoff.map(name).join('、')} 票数相等，须就 ${e.runoffSeats} 个名额再次投票`);
  if (e.unfilledSeats > 0) parts.push(`尚缺 ${e.unfilledSeats} 名`);
  return parts.join('；');
}

export function toResolutionVM(r: ResolutionView): ResolutionVM {
  const writtenCounted = r.writtenOpinions > 0 || r.lines.some(wrote);
  const attendance: CountVM[] = [
    { label: '应到', value: `${r.expected} 人` },
    { label: '实到', value: `${r.present} 人` },
    { label: '书面意见', value: `${r.writtenOpinions} 份` },
  ];
  if (r.excluded > 0) attendance.push({ label: '不计入应到', value: `${r.excluded} 人` });
  const ballots: CountVM[] = [
    { label: '发出选票', value: `${r.ballotsIssued} 张` },
    { label: '收回选票', value: `${r.ballotsReturned} 张` },
    { label: '无效票', value: `${r.ballotsInvalid} 张` },
  ];
  return {
    title: r.title,
    kindLabel: r.kindLabel,
    unitName: r.unitName,
    dateText: formatChineseDate(r.date),
    method: r.method,
    ruleVersionLabel: r.ruleVersionLabel,
    ruleWarning: r.ruleVerified ? '' : UNVERIFIED_RULE_WARNING,
    valid: r.outcome === 'counted',
    outcomeLabel: r.outcomeLabel,
    attendance,
    ballots,
    roomOnly: writtenCounted,
    lines: r.lines.map((l) => toLineVM(l, writtenCounted)),
    electionText: electionText(r),
    scrutineers: r.scrutineers.join('、'),
    tellers: r.tellers.join('、'),
    requirements: r.requirements,
    decision: r.decision ? toDecisionVM(r.decision) : null,
    codes: r.ballotCodes.map(formatBallotCode),
  };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function ordinal(i: number): string {
  return i < ORDINALS.length ? ORDINALS[i] : String(i + 1);
}

function lineText(l: ResolutionLineView, i: number, writtenCounted: boolean): string {
  const head = `${ordinal(i)}、${l.name}：`;
  if (l.grades) {
    const grades = GRADE_ORDER.map((g) => `${GRADE_LABELS[g]} ${l.grades?.[g] ?? 0} 票`).join('，');
    return `${head}${grades}，弃权 ${l.abstain} 票，无效 ${l.invalid} 票。`;
  }
  const room = `会场赞成 ${l.yes} 票，反对 ${l.no} 票，弃权 ${l.abstain} 票，无效 ${l.invalid} 票`;
  const written = writtenCounted
    ? `；会前书面意见赞成 ${l.writtenYes} 票，反对 ${l.writtenNo} 票，弃权 ${l.writtenAbstain} 票`
    : '';
  const outcome = l.outcomeLabel ? `，${l.outcomeLabel}` : '';
  return `${head}${room}${written}；赞成合计 ${l.totalYes} 票${outcome}。`;
}

/**
 * The resolution as plain text for 导出 (the clipboard): the F4 items — 应到, 实到, 书面意见, per candidate
 * 赞成/反对/弃权/无效 and the result, 表决方式, date, rule version — in the order a 决议 is written.
 */
export function resolutionText(r: ResolutionView): string {
  const writtenCounted = r.writtenOpinions > 0 || r.lines.some(wrote);
  const lines = [
    `${r.unitName}${r.kindLabel}表决结果`,
    `表决事项：${r.title}`,
    `会议日期：${formatChineseDate(r.date)}`,
    `表决方式：${r.method}`,
    `依据：${r.ruleVersionLabel}`,
    `应到会有表决权人数 ${r.expected} 人，实到 ${r.present} 人，会前书面意见 ${r.writtenOpinions} 份${
      r.excluded > 0 ? `，经批准不计入应到 ${r.excluded} 人` : ''
    }。`,
    `发出选票 ${r.ballotsIssued} 张，收回 ${r.ballotsReturned} 张，无效 ${r.ballotsInvalid} 张。`,
    `${r.outcomeLabel}。`,
    ...r.lines.map((l, i) => lineText(l, i, writtenCounted)),
  ];
  const election = electionText(r);
  if (election) lines.push(`选举结果：${election}。`);
  if (r.decision) {
    const d = r.decision;
    const parts = [`支部委员会决定（${formatChineseDate(d.decidedOn)}，${d.minutesRef}）`];
    if (d.recommended.length) parts.push(`推荐：${d.recommended.map((c) => c.name).join('、')}`);
    for (const x of d.declined) parts.push(`不推荐 ${x.name}：${x.reason}`);
    for (const g of d.grades) parts.push(`${g.name}：${g.gradeLabel}`);
    lines.push(`${parts.join('；')}。`);
  }
  if (r.scrutineers.length) lines.push(`监票人：${r.scrutineers.join('、')}`);
  if (r.tellers.length) lines.push(`计票人：${r.tellers.join('、')}`);
  if (!r.ruleVerified) lines.push(`注：${UNVERIFIED_RULE_WARNING}。`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------- managing

/** Units that hold meetings with votes: branches, temporary branches, associations and the federation. */
const HOST_KINDS: readonly UnitKind[] = [
  'party_branch',
  'league_branch',
  'temp_party_branch',
  'temp_league_branch',
  'association',
  'federation',
];

/**
 * The units where the person may run votes: each unit a managing position sits in and every unit below it that
 * holds meetings, position by position, nearest first.
 */
export function managedVoteUnits(positions: readonly PositionView[], units: readonly UnitView[]): PickerOption[] {
  const seen = new Set<string>();
  const out: PickerOption[] = [];
  const add = (u: UnitView) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    if (HOST_KINDS.includes(u.kind)) out.push({ label: u.name, value: u.id });
  };
  for (const p of positions) {
    if (!VOTE_MANAGER_ROLES.includes(p.role)) continue;
    const top = units.find((u) => u.id === p.unitId);
    if (!top) continue;
    let level = [top];
    while (level.length) {
      for (const u of level) add(u);
      const ids = level.map((u) => u.id);
      level = units.filter((u) => u.parentId !== null && ids.includes(u.parentId) && !seen.has(u.id));
    }
  }
  return out;
}

export const KIND_OPTIONS: PickerOption[] = VOTE_KIND_ORDER.map((k) => ({ label: VOTE_KIND_LABELS[k], value: k }));

/** A title to start from: `接收预备党员表决：冯晨、彭悦`, shortened to `…：冯晨等 5 人` past the contract's 60 characters. */
export function suggestedTitle(kind: VoteKind, names: readonly string[]): string {
  const base = `${VOTE_KIND_LABELS[kind]}表决`;
  if (!KIND_FORM[kind].candidates || names.length === 0) return base;
  const full = `${base}：${names.join('、')}`;
  return full.length <= 60 ? full : `${base}：${names[0]}等 ${names.length} 人`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The meeting dates offered: today and the next `days - 1` days, `11月25日 周二`. */
export function meetingDateOptions(now: number = Date.now(), days = 60): PickerOption[] {
  const today = shanghaiToday(now);
  const start = Date.parse(`${today}T00:00:00Z`);
  const out: PickerOption[] = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86_400_000);
    const value = d.toISOString().slice(0, 10);
    const label = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}${i === 0 ? '（今天）' : ''}`;
    out.push({ label, value });
  }
  return out;
}

/** Meeting times on the half hour, 07:00–22:30. */
export function meetingTimeOptions(): PickerOption[] {
  const out: PickerOption[] = [];
  for (let h = 7; h <= 22; h++) {
    for (const m of ['00', '30']) {
      const t = `${String(h).padStart(2, '0')}:${m}`;
      out.push({ label: t, value: t });
    }
  }
  return out;
}

/** `2025-11-20` + `14:30` -> `2025-11-20T14:30:00+08:00`: the meeting is in Beijing time whatever the phone says. */
export function scheduledIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** The recent dates a committee decision may carry: today and the `days - 1` before it, newest first. */
export function recentDateOptions(now: number = Date.now(), days = 30): PickerOption[] {
  const today = shanghaiToday(now);
  const start = Date.parse(`${today}T00:00:00Z`);
  const out: PickerOption[] = [];
  for (let i = 0; i < days; i++) {
    const value = new Date(start - i * 86_400_000).toISOString().slice(0, 10);
    out.push({ label: `${formatChineseDate(value)}${i === 0 ? '（今天）' : ''}`, value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- members

export interface PersonOptionVM {
  id: string;
  name: string;
  note: string;
}

export function toPersonOption(p: PersonView): PersonOptionVM {
  return { id: p.id, name: p.name, note: p.statusLabel };
}

/**
 * Who usually stands in each kind of vote (发展对象 for acceptance, 预备党员 for conversion ...): they are listed
 * first in the candidate picker. An ordering hint only; who is eligible is checked on the server.
 */
const LIKELY_CANDIDATES: Partial<Record<VoteKind, readonly PoliticalStatus[]>> = {
  acceptance: ['development_candidate'],
  conversion: ['probationary_member'],
  extension: ['probationary_member'],
  cancellation: ['probationary_member'],
  tuiyou: ['league_member', 'party_applicant', 'activist'],
};

/** The unit's members for the candidate picker: the kind's usual candidates first, otherwise in the server's order. */
export function candidateOptions(kind: VoteKind | '', members: readonly PersonView[]): PersonOptionVM[] {
  const likely = (kind && LIKELY_CANDIDATES[kind]) || [];
  const usual = (m: PersonView) => m.status !== null && likely.includes(m.status);
  const first = members.filter(usual);
  const rest = members.filter((m) => !usual(m));
  return [...first, ...rest].map(toPersonOption);
}

const MEMBER_PAGE_SIZE = 50;
const MEMBER_PAGES_MAX = 10;

/** Every member of a unit (people.list, page by page; a branch is far below the 500 this stops at). */
export async function fetchUnitMembers(unitId: string): Promise<Result<PersonView[]>> {
  const out: PersonView[] = [];
  for (let page = 1; page <= MEMBER_PAGES_MAX; page++) {
    const res = await call('people.list', { unitId, page, pageSize: MEMBER_PAGE_SIZE });
    if (!res.ok) return { ok: false, error: res.error as ApiError };
    out.push(...res.data.items);
    if (!res.data.hasMore) break;
  }
  return { ok: true, data: out };
}

// ---------------------------------------------------------------------------------------------- school settings

/** A share a school may pick, as the rules speak of it. */
export interface ShareOption {
  value: string;
  label: string;
}

const SHARE_CHOICES: { ratio: Ratio; label: string }[] = [
  { ratio: { num: 1, den: 2 }, label: '半数' },
  { ratio: { num: 3, den: 5 }, label: '五分之三' },
  { ratio: { num: 2, den: 3 }, label: '三分之二' },
  { ratio: { num: 3, den: 4 }, label: '四分之三' },
  { ratio: { num: 4, den: 5 }, label: '五分之四' },
];

export const ratioKey = (r: Ratio): string => `${r.num}/${r.den}`;

export function parseRatioKey(key: string): Ratio {
  const [num, den] = key.split('/').map(Number);
  return { num, den };
}

/**
 * The shares offered for a threshold: the national value (marked) and every stricter one. The rules fix the
 * national value as a floor; the server refuses anything looser anyway (RULE_OVERRIDE_LOOSER).
 */
export function shareOptions(national: Ratio): ShareOption[] {
  const stricter = SHARE_CHOICES.filter((c) => c.ratio.num * national.den > national.num * c.ratio.den);
  const nationalLabel =
    SHARE_CHOICES.find((c) => ratioKey(c.ratio) === ratioKey(national))?.label ?? ratioKey(national);
  return [
    { value: ratioKey(national), label: `${nationalLabel}（默认）` },
    ...stricter.map((c) => ({ value: ratioKey(c.ratio), label: c.label })),
  ];
}

export interface RuleSettingVM {
  kind: VoteKind;
  kindLabel: string;
  requirementsText: string;
  customised: boolean;
}

export function toRuleSettingVM(s: RuleSettingView): RuleSettingVM {
  return {
    kind: s.kind,
    kindLabel: s.kindLabel,
    requirementsText: s.requirements.join('；'),
    customised: Object.keys(s.overrides).length > 0,
  };
}

/** The edit form of one kind: the shares as picker values, the quota as a whole percentage ('' = national). */
export interface RuleFormVM {
  kind: VoteKind;
  kindLabel: string;
  quorum: string;
  quorumOptions: ShareOption[];
  pass: string;
  passOptions: ShareOption[];
  /** Which quota the kind has: 推优 recommends at most a share of members; evaluations grade at most a share 优秀. */
  quotaKind: 'recommendQuota' | 'excellentQuota' | null;
  quotaLabel: string;
  quotaNational: string;
  quotaPercent: string;
}

export function toRuleFormVM(s: RuleSettingView): RuleFormVM {
  const quotaKind = s.national.recommendQuota ? 'recommendQuota' : s.national.excellentQuota ? 'excellentQuota' : null;
  const nationalQuota = quotaKind ? s.national[quotaKind] : null;
  const setQuota = quotaKind ? s.overrides[quotaKind] : null;
  const percent = (r: Ratio) => String(Math.round((r.num * 100) / r.den));
  return {
    kind: s.kind,
    kindLabel: s.kindLabel,
    quorum: ratioKey(s.overrides.quorum ?? s.national.quorum),
    quorumOptions: shareOptions(s.national.quorum),
    pass: s.national.pass ? ratioKey(s.overrides.pass ?? s.national.pass) : '',
    passOptions: s.national.pass ? shareOptions(s.national.pass) : [],
    quotaKind,
    quotaLabel: quotaKind === 'recommendQuota' ? '推荐上限' : '优秀上限',
    quotaNational: nationalQuota ? `全国默认 ${percent(nationalQuota)}%` : '',
    quotaPercent: setQuota ? percent(setQuota) : '',
  };
}

/**
 * What the form asks the server to store: only what differs from the national value, so "全国默认" everywhere is
 * `{}`. Other settings the school made for this kind (minVoters …) are kept as they were.
 */
export function overridesFromForm(form: RuleFormVM, s: RuleSettingView): RuleOverridesInput {
  const out: RuleOverridesInput = { ...s.overrides };
  delete out.quorum;
  delete out.pass;
  if (form.quorum !== ratioKey(s.national.quorum)) out.quorum = parseRatioKey(form.quorum);
  if (s.national.pass && form.pass && form.pass !== ratioKey(s.national.pass)) out.pass = parseRatioKey(form.pass);
  if (form.quotaKind) {
    delete out[form.quotaKind];
    const p = form.quotaPercent.trim();
    if (p) out[form.quotaKind] = { num: Number(p), den: 100 };
  }
  return out;
}
