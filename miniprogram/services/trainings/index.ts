/**
 * View models and calls of the 培训 pages. Every figure (seats left, waitlist place, 学时 required and earned) comes
 * from the server's views; this module only words them. The one transport is services/api.ts.
 */

import type {
  AttendanceView,
  CheckinTokenView,
  ExamView,
  HoursView,
  MeView,
  ProgramCardView,
  ProgramView,
  RatingAggregateView,
  ReportView,
  SessionView,
  TrainerRatingsView,
  TrainingRecordView,
} from '../../../typings/actions';
import type { ApiError, Result } from '../../../typings/errors';
import { scanFromCamera } from '../../utils/code-screen';
import { openDocument } from '../../utils/document';
import { call } from '../api';
import { formatDateTime } from '../format';

export interface ProgramCardVM {
  id: string;
  title: string;
  tags: string;
  unitName: string;
  seats: string;
  hours: string;
}

export function toProgramCardVM(p: ProgramCardView): ProgramCardVM {
  return {
    id: p.id,
    title: p.title,
    tags: `${p.levelLabel} · ${p.categoryLabel}`,
    unitName: `${p.unitName} · ${p.term}`,
    seats: p.remaining > 0 ? `剩余名额 ${p.remaining}/${p.capacity}` : `名额已满（${p.capacity}人）`,
    hours: `${p.sessions} 场 · 共 ${p.hoursOffered} 学时`,
  };
}

export interface SessionVM {
  id: string;
  title: string;
  when: string;
  where: string;
  hours: string;
  trainer: string;
  myState: string;
  canRate: boolean;
  canAskLeave: boolean;
}

export function toSessionVM(s: SessionView): SessionVM {
  const end = formatDateTime(s.end);
  return {
    id: s.id,
    title: s.title,
    when: `${formatDateTime(s.start)}–${end.slice(11)}`,
    where: s.online ? `线上${s.place ? ` · ${s.place}` : ''}` : s.place || '地点待定',
    hours: `${s.hours} 学时`,
    trainer: s.trainerName ? `讲师：${s.trainerName}` : '',
    myState: s.mine ? `${s.mine.stateLabel}${s.mine.leaveLabel ? `（请假${s.mine.leaveLabel}）` : ''}` : '',
    canRate: s.mine?.state === 'present' && !s.mine.rated,
    // Before the start the server takes a leave request; it says so itself if the session has begun.
    canAskLeave: s.mine?.state === 'expected' && s.mine.leave === null,
  };
}

export interface ProgramVM {
  id: string;
  unitId: string;
  title: string;
  tags: string;
  unitName: string;
  description: string;
  admission: string;
  seats: string;
  hoursMode: string;
  myState: string;
  waitlistText: string;
  canSignUp: boolean;
  canWithdraw: boolean;
  enrolled: boolean;
  canManage: boolean;
  /** The organiser enters scores: the program has an offline exam. */
  canRecordScores: boolean;
  exam: string;
  sessions: SessionVM[];
}

export function toProgramVM(p: ProgramView): ProgramVM {
  const state = p.me.state;
  return {
    id: p.id,
    unitId: p.unitId,
    title: p.title,
    tags: `${p.levelLabel} · ${p.categoryLabel}`,
    unitName: `${p.unitName} · ${p.term}`,
    description: p.description,
    admission: p.admissionLabel,
    seats:
      p.remaining > 0
        ? `已报名 ${p.enrolled}/${p.capacity}，剩余 ${p.remaining} 个名额`
        : `名额已满（${p.capacity}人）${p.waitlistLimit > 0 ? `，候补 ${p.waitlistLength}/${p.waitlistLimit}` : ''}`,
    hoursMode: p.hoursModeLabel,
    myState: p.me.stateLabel ?? '未报名',
    waitlistText: p.me.waitlistPosition ? `您在候补名单第 ${p.me.waitlistPosition} 位，有人退出时按顺序递补` : '',
    canSignUp: p.me.canSignUp,
    canWithdraw: state === 'enrolled' || state === 'waitlisted' || state === 'pending',
    enrolled: state === 'enrolled',
    canManage: p.canManage,
    canRecordScores: p.canManage && (p.exam?.offline ?? false),
    exam: p.exam
      ? `结业考试：满分 ${p.exam.total}，${p.exam.passMark} 分及格，${formatDateTime(p.exam.deadline)} 截止`
      : '',
    sessions: p.sessionList.map(toSessionVM),
  };
}

export interface HoursLineVM {
  id: string;
  label: string;
  figure: string;
  met: boolean;
  status: string;
  basis: string;
  sessions: { id: string; text: string }[];
}

export function toHoursVM(h: HoursView): { year: string; lines: HoursLineVM[] } {
  return {
    year: h.year,
    lines: h.lines.map((l) => ({
      id: l.id,
      label: `${l.label}${l.yearly ? `（${h.year}年度）` : ''}`,
      figure: `${l.earned} / ${l.required} 学时${l.requiredDays ? `（或 ${l.requiredDays} 天，已 ${l.days} 天）` : ''}`,
      met: l.met,
      status: l.met ? '已达到要求' : `还差 ${l.shortfall} 学时`,
      basis: `依据：${l.source}（${l.rule}）`,
      sessions: l.sessions.map((s) => ({ id: s.sessionId, text: `${s.date} ${s.title} · ${s.hours} 学时` })),
    })),
  };
}

export interface RecordVM {
  name: string;
  lines: HoursLineVM[];
  attendance: string;
  exams: { id: string; title: string; text: string; passed: boolean }[];
}

/** A person's training record: the ledger as on 我的学时, attendance at sessions that ended, and exam scores. */
export function toRecordVM(r: TrainingRecordView): RecordVM {
  const a = r.attendance;
  return {
    name: r.name,
    lines: toHoursVM(r.hours).lines,
    attendance: `已结束的场次：出勤 ${a.present} 场，请假 ${a.onLeave} 场，缺勤 ${a.absent} 场`,
    exams: r.exams.map((x) => ({
      id: x.programId,
      title: x.title,
      text: `${x.score} 分（满分 ${x.total}），${x.passed ? '合格' : '不合格'}`,
      passed: x.passed,
    })),
  };
}

export interface MyRatingsVM {
  trainers: string;
  rule: string;
  programs: { id: string; title: string; text: string; sessions: { id: string; title: string; text: string }[] }[];
}

/** A trainer's own ratings, aggregates only (the server sends no rater and hides what fewer than 3 gave). */
export function toMyRatingsVM(v: TrainerRatingsView): MyRatingsVM {
  return {
    trainers: v.trainers.map((t) => `${t.name}（${t.kindLabel}）`).join('、'),
    rule: `只显示评分汇总，不显示评价人；不足 ${v.minRatingsShown} 人评价的不显示。`,
    programs: v.programs.map((p) => ({
      id: p.programId,
      title: `${p.title} · ${p.unitName}`,
      text: ratingText(p.rating, p.ratings, v.minRatingsShown),
      sessions: p.sessions.map((s) => ({
        id: s.sessionId,
        title: `${formatDateTime(s.start).slice(0, 10)} ${s.title}`,
        text: ratingText(s.rating, s.ratings, v.minRatingsShown),
      })),
    })),
  };
}

/** onLoad of an organiser's page about one 培训项目 (报名名单, 录入成绩, 结业考试, 报告): keep its id, then load. */
export function onProgramLoad(
  this: { programId: string; load(): unknown },
  query: Record<string, string | undefined>,
): void {
  this.programId = query.programId ?? '';
  this.load();
}

export function canManageTrainings(me: MeView): boolean {
  return me.capabilities.includes('training.manage');
}

/** Reads people somewhere: worth asking the server which associations' backbones they look after (a hint only). */
export function canReadPeople(me: MeView): boolean {
  return me.capabilities.includes('people.read');
}

export interface TokenVM {
  token: string;
  title: string;
  hint: string;
  refreshInMs: number;
}

export function toTokenVM(t: CheckinTokenView): TokenVM {
  const what = t.purpose === 'in' ? '签到码' : '签退码';
  return {
    token: t.token,
    title: what,
    hint: `${what}每 ${Math.round(t.slotMs / 1000)} 秒自动更换，转发的截图很快失效。请学员在领雁小程序内扫码。`,
    refreshInMs: t.refreshInMs,
  };
}

/**
 * Opens the camera (never the album: a forwarded picture of the code is no way in) and sends what it read. Null when
 * the person closed the scanner.
 */
export async function scanAndCheckIn(
  sessionId?: string,
): Promise<Result<{ sessionId: string; purpose: 'in' | 'out'; at: string; already: boolean }> | null> {
  const token = await scanFromCamera();
  if (token === null) return null;
  return call('trainings.checkIn', sessionId ? { token, sessionId } : { token });
}

export function checkInMessage(r: { purpose: 'in' | 'out'; at: string; already: boolean }): string {
  const what = r.purpose === 'in' ? '签到' : '签退';
  return r.already ? `您已${what}（${formatDateTime(r.at).slice(11)}）` : `${what}成功`;
}

export interface AttendanceRowVM {
  personId: string;
  name: string;
  state: string;
  detail: string;
  leavePending: boolean;
  present: boolean;
}

export interface AttendanceVM {
  title: string;
  when: string;
  summary: string;
  rows: AttendanceRowVM[];
}

export function toAttendanceVM(a: AttendanceView): AttendanceVM {
  return {
    title: a.title,
    when: `${formatDateTime(a.start)}–${formatDateTime(a.end).slice(11)} · ${a.hours} 学时`,
    summary: `应到 ${a.enrolled} 人，已签到 ${a.present} 人，请假 ${a.onLeave} 人，缺勤 ${a.noShows} 人`,
    rows: a.rows.map((r) => {
      const parts: string[] = [];
      if (r.checkedInAt) parts.push(`签到 ${formatDateTime(r.checkedInAt).slice(11)}`);
      if (r.checkedOutAt) parts.push(`签退 ${formatDateTime(r.checkedOutAt).slice(11)}`);
      if (r.state === 'present') parts.push(`${r.hours} 学时`);
      if (r.handMarked) parts.push('手工登记');
      if (r.leave)
        parts.push(
          `请假${r.leave === 'pending' ? '待批准' : r.leave === 'approved' ? '已批准' : '未批准'}：${r.leaveReason ?? ''}`,
        );
      return {
        personId: r.personId,
        name: r.name,
        state: r.stateLabel,
        detail: parts.join(' · '),
        leavePending: r.leave === 'pending',
        present: r.state === 'present',
      };
    }),
  };
}

function ratingText(r: RatingAggregateView | null, n: number, min: number): string {
  if (!r) return n === 0 ? '暂无评价' : `${n} 人评价，不足 ${min} 人，暂不显示`;
  return `综合 ${r.overall} · 内容 ${r.content} · 讲授 ${r.delivery} · 收获 ${r.usefulness}（${r.n} 人评价）`;
}

export interface ReportVM {
  title: string;
  figures: { label: string; value: string }[];
  bands: { label: string; count: string }[];
  sessions: { id: string; title: string; text: string }[];
  trainers: { id: string; name: string; text: string }[];
  comments: string[];
}

export function toReportVM(r: ReportView): ReportVM {
  const pct = (v: number | null) => (v === null ? '—' : `${v}%`);
  return {
    title: r.title,
    figures: [
      { label: '报名人数', value: `${r.enrolled} 人${r.waitlisted ? `（候补 ${r.waitlisted} 人）` : ''}` },
      { label: '已举办场次', value: `${r.sessionsHeld} 场` },
      { label: '出勤率', value: pct(r.attendanceRate) },
      { label: '完成学时', value: `${r.hoursDelivered} 人·学时` },
      ...(r.exam
        ? [
            { label: '考试提交', value: `${r.exam.submitted} 人，通过 ${r.exam.passed} 人` },
            { label: '通过率', value: pct(r.exam.passRate) },
          ]
        : []),
    ],
    bands: r.exam ? r.exam.bands.map((b) => ({ label: b.label, count: `${b.count} 人` })) : [],
    sessions: r.sessions.map((s) => ({
      id: s.sessionId,
      title: `${s.title}（到场 ${s.present} 人）`,
      text: ratingText(s.rating, s.ratings, r.minRatingsShown),
    })),
    trainers: r.trainers.map((t) => ({
      id: t.trainerId,
      name: t.name,
      text: ratingText(t.rating, t.ratings, r.minRatingsShown),
    })),
    comments: r.comments.flatMap((c) => c.texts),
  };
}

/** Downloads the exported workbook and opens it in the document viewer. */
export const openWorkbook = (url: string): Promise<boolean> => openDocument(url, 'xlsx');

export interface ExamQuestionVM {
  id: string;
  title: string;
  multiple: boolean;
  options: { index: number; text: string; selected: boolean }[];
}

export interface ExamVM {
  rules: string;
  offline: boolean;
  result: string;
  passed: boolean;
  questions: ExamQuestionVM[];
}

/** The paper as the trainee sees it (never a key: the server does not send one), with the choices made so far. */
export function toExamVM(e: ExamView, chosen: Record<string, number[]>): ExamVM {
  return {
    rules: `满分 ${e.total}，${e.passMark} 分及格，${formatDateTime(e.deadline)} 截止，只能提交一次`,
    offline: e.offline,
    result: e.mine ? `${e.mine.score} 分（满分 ${e.total}），${e.mine.passed ? '合格' : '不合格'}` : '',
    passed: e.mine?.passed ?? false,
    questions: e.questions.map((q, i) => ({
      id: q.id,
      title: `${i + 1}. ${q.text}（${q.kindLabel}，${q.points} 分）`,
      multiple: q.kind === 'multiple',
      options: q.options.map((text, index) => ({
        index,
        text,
        selected: (chosen[q.id] ?? []).includes(index),
      })),
    })),
  };
}

/** A tap on an option: single choice and true/false replace, multiple choice toggles. */
export function choose(chosen: Record<string, number[]>, questionId: string, index: number, multiple: boolean) {
  const cur = chosen[questionId] ?? [];
  const next = multiple ? (cur.includes(index) ? cur.filter((i) => i !== index) : [...cur, index].sort()) : [index];
  return { ...chosen, [questionId]: next };
}

/** A question as the setup form holds it: options one per line, the key as letters (A, AC). */
export interface QuestionDraft {
  kind: 'single' | 'multiple' | 'truefalse';
  kindLabel: string;
  text: string;
  options: string;
  answer: string;
  points: string;
}

const LETTERS = 'ABCDEFGH';

/** The drafts as the server's questions; null with the first problem a person can fix here. */
export function toQuestions(drafts: readonly QuestionDraft[]):
  | {
      ok: true;
      questions: {
        id: string;
        kind: QuestionDraft['kind'];
        text: string;
        options: string[];
        answer: number[];
        points: number;
      }[];
    }
  | { ok: false; message: string } {
  const questions = [];
  for (const [i, d] of drafts.entries()) {
    const n = i + 1;
    const options =
      d.kind === 'truefalse'
        ? ['正确', '错误']
        : d.options
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean);
    const letters = d.answer.toUpperCase().replace(/[^A-H]/g, '');
    const answer = [...new Set([...letters].map((c) => LETTERS.indexOf(c)))].sort();
    if (!d.text.trim()) return { ok: false, message: `第 ${n} 题：请填写题干` };
    if (options.length < 2) return { ok: false, message: `第 ${n} 题：至少两个选项，每行一个` };
    if (answer.length === 0 || answer.some((a) => a >= options.length)) {
      return { ok: false, message: `第 ${n} 题：答案请填选项字母（如 A 或 AC），且在选项范围内` };
    }
    if (!/^\d+$/.test(d.points) || Number(d.points) < 1) return { ok: false, message: `第 ${n} 题：分值为正整数` };
    questions.push({ id: `q${n}`, kind: d.kind, text: d.text.trim(), options, answer, points: Number(d.points) });
  }
  return { ok: true, questions };
}

export type { ApiError };
