/** The resolution (表决结果) page and its plain-text export: aggregates only, never a voter next to a choice. */
import type { DecisionView, ResolutionLineView, ResolutionView } from '../../../typings/actions/votes';
import { GRADE_LABELS, GRADES } from '../../typings/vocabulary';
import { formatChineseDate } from '../format';
import { formatBallotCode, type TagTheme, UNVERIFIED_RULE_WARNING } from './common';

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
  /**
   * An evaluation seen by a rater who is not an officer (C2, C4): no per-person lines; the decision lists the 优秀
   * only, and `myGradeText` gives the rater's own grade.
   */
  restricted: boolean;
  myGradeText: string;
  /** What the section of the decision is called: 支部委员会决定, or 评为优秀 in the restricted view. */
  decisionTitle: string;
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
        ...GRADES.map((g) => ({ label: GRADE_LABELS[g], value: String(l.grades?.[g] ?? 0) })),
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
  // C2: probationary members rate without a vote: outside 应到 and 实到.
  if ((r.ratersWithoutVote ?? 0) > 0) {
    attendance.push({ label: '预备党员参加测评', value: `${r.ratersWithoutVote} 人` });
  }
  const restricted = r.gradesRestricted === true;
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
    restricted,
    myGradeText: restricted ? myGradeText(r) : '',
    decisionTitle: restricted ? '评为优秀' : '支部委员会决定',
  };
}

/** The rater's own line in the restricted view of an evaluation. */
function myGradeText(r: ResolutionView): string {
  if (!r.decision) return '支部委员会尚未评定等次，评定后您可在此查看本人等次';
  return r.myGrade ? `您的评议等次：${r.myGrade.gradeLabel}` : '您参加了测评，本次不评定您的等次';
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function ordinal(i: number): string {
  return i < ORDINALS.length ? ORDINALS[i] : String(i + 1);
}

function lineText(l: ResolutionLineView, i: number, writtenCounted: boolean): string {
  const head = `${ordinal(i)}、${l.name}：`;
  if (l.grades) {
    const grades = GRADES.map((g) => `${GRADE_LABELS[g]} ${l.grades?.[g] ?? 0} 票`).join('，');
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
    }${(r.ratersWithoutVote ?? 0) > 0 ? `；另有预备党员 ${r.ratersWithoutVote} 人参加测评（无表决权，不计入应到、实到）` : ''}。`,
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
