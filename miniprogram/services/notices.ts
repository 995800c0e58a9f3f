/**
 * View models for 公示: what the notice pages render, never the raw views. Times arrive as ISO-8601 (+08:00) and
 * calendar dates as YYYY-MM-DD; people read them as Chinese dates in Asia/Shanghai.
 */
import type {
  MyObjectionView,
  NoticeArchiveView,
  NoticeCardView,
  NoticeDetailView,
  NoticeState,
  NoticeWindowView,
  ObjectionHandlingView,
  ObjectionOutcome,
  OfficerObjectionView,
} from '../../typings/actions/notices';
import type { ManagedUnitsView, UnitView } from '../../typings/actions/org';
import {
  NOTICE_KIND_LABELS,
  OBJECTION_OUTCOME_LABELS,
  WINDOW_COUNTING_LABELS,
  WINDOW_UNIT_LABELS,
} from '../typings/vocabulary';
import {
  formatChineseDate,
  formatDateRange,
  formatDateTime,
  formatShortDate,
  shanghaiDate,
  shanghaiToday,
} from './format';
import type { PickerOption } from './org';

/** Shown wherever a window reaches a year whose holiday arrangement the State Council has not published yet. */
export const PROVISIONAL_MARK = '（节假日安排未公布，暂按工作日推算）';

export type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const STATE_THEMES: Record<NoticeState, TagTheme> = {
  draft: 'default',
  scheduled: 'warning',
  open: 'primary',
  closed: 'default',
  withdrawn: 'default',
};

const OUTCOME_THEMES: Record<ObjectionOutcome, TagTheme> = { upheld: 'danger', dismissed: 'success' };

// ---------------------------------------------------------------------------------------------- window text

/** `5个工作日`, `7天`. */
export function windowLength(w: Pick<NoticeWindowView, 'length' | 'unit'>): string {
  return `${w.length}${WINDOW_UNIT_LABELS[w.unit]}`;
}

/** The rule of the window as people quote it: `自2026年9月28日起5个工作日（开始当日计入）`. */
export function windowRule(w: Pick<NoticeWindowView, 'start' | 'length' | 'unit' | 'counting'>): string {
  return `自${formatChineseDate(w.start)}起${windowLength(w)}（${WINDOW_COUNTING_LABELS[w.counting]}）`;
}

/** `剩余 3 个工作日`, `剩余 2 天`. */
export function remainingText(remaining: number, unit: NoticeWindowView['unit']): string {
  return `剩余 ${remaining} ${WINDOW_UNIT_LABELS[unit]}`;
}

/**
 * The one line of time on a card: the countdown while open, when it starts while scheduled, the dates otherwise.
 * `thisYear` decides whether dates need their year.
 */
export function cardTimeText(card: Pick<NoticeCardView, 'state' | 'window' | 'countdown'>, thisYear: string): string {
  const w = card.window;
  const end = formatShortDate(w.end, thisYear);
  const start = formatShortDate(w.start, thisYear);
  switch (card.state) {
    case 'open': {
      const remaining = card.countdown?.remaining ?? 0;
      // Open means at least one counted day is left; 0 would only come from a clock at the boundary.
      return remaining > 0 ? `${remainingText(remaining, w.unit)} · ${end}截止` : `${end}截止`;
    }
    case 'scheduled':
      return `${start}开始公示 · 共${windowLength(w)}`;
    case 'draft':
      return `拟于${start}开始 · 共${windowLength(w)}`;
    case 'withdrawn':
      return `原定公示期 ${start}至${end}`;
    default:
      return `公示期 ${start}至${end}`;
  }
}

// ---------------------------------------------------------------------------------------------- cards

export interface NoticeCardVM {
  id: string;
  title: string;
  kindLabel: string;
  unitName: string;
  stateLabel: string;
  stateTheme: TagTheme;
  timeText: string;
  /** The countdown is running: the time line carries the brand color. */
  live: boolean;
  provisional: boolean;
  /** How a closed notice ended, when the list carries it; '' otherwise. */
  outcomeLabel: string;
  /** `2 条异议待处理` on the officers' list; '' when none wait (or for readers). */
  pendingText: string;
}

/** A card as listed. */
export type ListedNotice = NoticeCardView;

export function toNoticeCardVM(card: ListedNotice, thisYear: string = shanghaiToday().slice(0, 4)): NoticeCardVM {
  return {
    id: card.id,
    title: card.title,
    kindLabel: card.kindLabel,
    unitName: card.unitName,
    stateLabel: card.stateLabel,
    stateTheme: STATE_THEMES[card.state],
    timeText: cardTimeText(card, thisYear),
    live: card.state === 'open',
    // A window that has ended is settled history; the mark matters while the end date is still ahead.
    provisional: card.window.provisional && card.state !== 'closed' && card.state !== 'withdrawn',
    outcomeLabel: card.state === 'closed' ? (card.closed?.outcomeLabel ?? '') : '',
    pendingText: card.pendingObjections ? `${card.pendingObjections} 条异议待处理` : '',
  };
}

// ---------------------------------------------------------------------------------------------- detail

export interface NoticeBannerVM {
  theme: 'closed' | 'withdrawn' | 'pending' | 'draft';
  title: string;
  text: string;
}

export interface NoticeAdminVM {
  edit: boolean;
  publish: boolean;
  withdraw: boolean;
  objections: boolean;
  /** `待处理 1 · 共 3`; '' when there are none. */
  objectionsNote: string;
  report: boolean;
}

export interface NoticeDetailVM {
  id: string;
  title: string;
  kindLabel: string;
  stateLabel: string;
  stateTheme: TagTheme;
  unitName: string;
  /** `2026年9月28日发布`; '' for a draft. */
  publishedText: string;
  /** `剩余 3 个工作日` while open, `尚未开始` while scheduled; '' otherwise. */
  countdownText: string;
  /** The countdown is running (brand color); a scheduled notice's `尚未开始` is muted. */
  live: boolean;
  /** A line under the window for readers, e.g. when objections become possible; '' when none. */
  windowHint: string;
  windowRange: string;
  windowRule: string;
  provisional: boolean;
  subjectsText: string;
  subjectCount: number;
  scopeText: string;
  body: string;
  banner: NoticeBannerVM | null;
  canObject: boolean;
  myObjectionCount: number;
  /** Officer actions; null for readers. */
  admin: NoticeAdminVM | null;
}

function detailBanner(d: NoticeDetailView): NoticeBannerVM | null {
  if (d.state === 'draft') {
    return {
      theme: 'draft',
      title: '草稿，尚未发布',
      text: '发布前只有本组织的管理人员能看到。发布后内容锁定，不能再修改。',
    };
  }
  if (d.state === 'withdrawn') {
    const when = d.withdrawn ? `${formatChineseDate(d.withdrawn.at)}撤回` : '已撤回';
    return {
      theme: 'withdrawn',
      title: `该公示已于${when}`,
      text: d.withdrawn?.reason ? `撤回理由：${d.withdrawn.reason}` : '',
    };
  }
  if (d.state === 'closed') {
    const outcome = d.closed?.outcomeLabel ?? '';
    return {
      theme: d.closed?.outcome === 'objections_pending' ? 'pending' : 'closed',
      title: '公示期已结束',
      text: outcome ? `公示结果：${outcome}` : '',
    };
  }
  return null;
}

function adminPanel(d: NoticeDetailView): NoticeAdminVM | null {
  const counts = d.objectionCounts;
  const { edit, publish, withdraw, handleObjections } = d.can;
  if (!counts && !edit && !publish && !withdraw && !handleObjections) return null;
  const ended = d.state === 'closed' || d.state === 'withdrawn';
  return {
    edit,
    publish,
    withdraw,
    objections: handleObjections || (counts?.total ?? 0) > 0,
    objectionsNote: counts?.total ? `待处理 ${counts.pending} · 共 ${counts.total}` : '',
    report: ended && counts !== null,
  };
}

export function toNoticeDetailVM(d: NoticeDetailView): NoticeDetailVM {
  const w = d.window;
  let countdownText = '';
  if (d.state === 'open' && d.countdown) countdownText = remainingText(d.countdown.remaining, d.countdown.unit);
  else if (d.state === 'scheduled') countdownText = '尚未开始';
  return {
    id: d.id,
    title: d.title,
    kindLabel: d.kindLabel,
    stateLabel: d.stateLabel,
    stateTheme: STATE_THEMES[d.state],
    unitName: d.unitName,
    publishedText: d.publishedAt ? `${formatChineseDate(d.publishedAt)}发布` : '',
    countdownText,
    live: d.state === 'open',
    windowHint: d.state === 'scheduled' ? `${formatChineseDate(w.start)}开始公示，届时可在本页提出异议。` : '',
    windowRange: formatDateRange(w.start, w.end),
    windowRule: windowRule(w),
    provisional: w.provisional,
    // One text node for the whole list keeps a 200-name notice far from the WXML node budget.
    subjectsText: d.subjects.map((s) => s.name).join('、'),
    subjectCount: d.subjects.length,
    scopeText: d.scope.map((s) => s.unitName).join('、'),
    body: d.body,
    banner: detailBanner(d),
    canObject: d.can.object,
    myObjectionCount: d.myObjectionCount,
    admin: adminPanel(d),
  };
}

// ---------------------------------------------------------------------------------------------- objections

export interface HandlingVM {
  investigation: string;
  outcomeLabel: string;
  outcomeTheme: TagTheme;
  /** `王老师 · 2026-11-20 10:30`. */
  handledText: string;
}

function toHandlingVM(h: ObjectionHandlingView): HandlingVM {
  return {
    investigation: h.investigation,
    outcomeLabel: h.outcomeLabel,
    outcomeTheme: OUTCOME_THEMES[h.outcome],
    handledText: [h.handledByName, formatDateTime(h.handledAt)].filter(Boolean).join(' · '),
  };
}

/** The handling just recorded by the reader themselves, before any reload. */
export function justHandledVM(investigation: string, outcome: ObjectionOutcome, now: number = Date.now()): HandlingVM {
  return {
    investigation,
    outcomeLabel: OBJECTION_OUTCOME_LABELS[outcome],
    outcomeTheme: OUTCOME_THEMES[outcome],
    handledText: `本人 · ${formatDateTime(new Date(now).toISOString())}`,
  };
}

export interface MyObjectionVM {
  id: string;
  noticeId: string;
  noticeTitle: string;
  text: string;
  /** `匿名提交 · 2026-11-20 10:32`. */
  metaText: string;
  anonymous: boolean;
  statusLabel: string;
  statusTheme: TagTheme;
  handling: HandlingVM | null;
}

export function toMyObjectionVM(o: MyObjectionView): MyObjectionVM {
  return {
    id: o.id,
    noticeId: o.noticeId,
    noticeTitle: o.noticeTitle,
    text: o.text,
    metaText: `${o.anonymous ? '匿名提交' : '实名提交'} · ${formatDateTime(o.submittedAt)}`,
    anonymous: o.anonymous,
    statusLabel: o.handling ? o.handling.outcomeLabel : '待核实',
    // For the one who objected, an upheld objection is a point taken, not an alarm.
    statusTheme: o.handling ? (o.handling.outcome === 'upheld' ? 'success' : 'default') : 'warning',
    handling: o.handling ? toHandlingVM(o.handling) : null,
  };
}

export interface OfficerObjectionVM {
  id: string;
  text: string;
  anonymous: boolean;
  /** The objector's name, or `匿名` — officers never learn who an anonymous objector is. */
  who: string;
  /** The day only: an exact time could be matched against other records to unmask an anonymous objector. */
  submittedOn: string;
  /** The content check flagged it for a human look: accepted, but to be read with care. */
  needsReview: boolean;
  handling: HandlingVM | null;
}

export function toOfficerObjectionVM(o: OfficerObjectionView): OfficerObjectionVM {
  return {
    id: o.id,
    text: o.text,
    anonymous: o.anonymous,
    who: o.anonymous || !o.objector ? '匿名' : o.objector.name,
    submittedOn: shanghaiDate(o.submittedAt),
    needsReview: o.needsReview,
    handling: o.handling ? toHandlingVM(o.handling) : null,
  };
}

// ---------------------------------------------------------------------------------------------- archive

export interface ArchivedObjectionVM {
  no: number;
  who: string;
  anonymous: boolean;
  submitted: string;
  text: string;
  handling: HandlingVM | null;
}

export interface NoticeArchiveVM {
  title: string;
  kindLabel: string;
  resultTitle: string;
  resultText: string;
  resultTheme: 'closed' | 'withdrawn' | 'pending';
  /** `公示期`, or `原定公示期` for a notice withdrawn before its end. */
  windowLabel: string;
  /** What the objections section says when there were none. */
  noObjectionsText: string;
  windowRange: string;
  windowRule: string;
  provisional: boolean;
  publishedText: string;
  endedText: string;
  /** `归档时：尚有异议待处理（第 2 次归档）` when later handlings moved the outcome on; '' otherwise. */
  filedText: string;
  subjectsText: string;
  body: string;
  objections: ArchivedObjectionVM[];
}

export function toNoticeArchiveVM(a: NoticeArchiveView): NoticeArchiveVM {
  const withdrawn = a.withdrawn;
  const w = a.window;
  const total = a.objections.length;
  const handled = a.objections.filter((o) => o.handling).length;
  let endedText = '';
  if (withdrawn) endedText = `${formatDateTime(withdrawn.at)} 撤回`;
  else if (a.closed) endedText = w ? `${w.end} 公示期满` : formatDateTime(a.closed.at);
  return {
    title: a.title,
    kindLabel: a.kindLabel,
    resultTitle: withdrawn ? '已撤回' : (a.closed?.outcomeLabel ?? '已结束'),
    resultText: withdrawn
      ? `撤回理由：${withdrawn.reason}`
      : total
        ? `共收到 ${total} 条异议，已处理 ${handled} 条`
        : '',
    resultTheme: withdrawn ? 'withdrawn' : a.closed?.outcome === 'objections_pending' ? 'pending' : 'closed',
    windowLabel: withdrawn ? '原定公示期' : '公示期',
    noObjectionsText: withdrawn ? '撤回前未收到异议' : '公示期间未收到异议',
    windowRange: w ? formatDateRange(w.start, w.end) : '未发布',
    windowRule: w ? windowRule(w) : '',
    provisional: w?.provisional ?? false,
    publishedText: a.publishedAt ? formatDateTime(a.publishedAt) : '未发布',
    endedText,
    filedText:
      a.revision > 1 && a.filedOutcomeLabel && a.filedOutcomeLabel !== a.closed?.outcomeLabel
        ? `归档时：${a.filedOutcomeLabel}（此后补充处理，现为第 ${a.revision} 次归档，历次记录均保留）`
        : '',
    subjectsText: a.subjects.map((s) => s.name).join('、') || '无',
    body: a.body,
    objections: a.objections.map((o) => ({
      no: o.no,
      who: o.anonymous || !o.objector ? '匿名' : o.objector.name,
      anonymous: o.anonymous,
      // Anonymous entries are filed with the day only; real-name ones with the time.
      submitted: /^\d{4}-\d{2}-\d{2}$/.test(o.submittedAt) ? o.submittedAt : formatDateTime(o.submittedAt),
      text: o.text,
      handling: o.handling ? toHandlingVM(o.handling) : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------- form options

export function kindOptions(): PickerOption[] {
  return Object.entries(NOTICE_KIND_LABELS).map(([value, label]) => ({ label, value }));
}

/**
 * The units whose notices the person may draft, as me.get names them (MeView.manages.notices: the server's own
 * grants, position by position). A hint for the picker only: notices.create checks the unit again.
 */
export function managedUnitOptions(manages: Pick<ManagedUnitsView, 'notices'>): PickerOption[] {
  return manages.notices.map((u) => ({ label: u.name, value: u.id }));
}

/**
 * Where a unit's notice may be posted: the unit itself and the units below it, nearest first. A notice of a
 * branch goes to that branch; a college's may go to the college or one of its branches.
 */
export function scopeOptions(ownerId: string, units: readonly UnitView[]): PickerOption[] {
  const owner = units.find((u) => u.id === ownerId);
  if (!owner) return [];
  const out: PickerOption[] = [{ label: owner.name, value: owner.id }];
  let level = [owner.id];
  const seen = new Set(level);
  while (level.length) {
    const next = units.filter((u) => u.parentId !== null && level.includes(u.parentId) && !seen.has(u.id));
    for (const u of next) {
      seen.add(u.id);
      out.push({ label: u.name, value: u.id });
    }
    level = next.map((u) => u.id);
  }
  return out;
}
