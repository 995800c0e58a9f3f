/** One notice as its detail page shows it: the banner, the window, the officers' panel. */
import type { NoticeDetailView } from '../../../typings/actions/notices';
import { formatChineseDate, formatDateRange } from '../format';
import { remainingText, STATE_THEMES, type TagTheme, windowRule } from './common';

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
  /** Changes to the published window made once the holiday notice was out. */
  windowNotes: string[];
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
    windowNotes: d.windowNotes ?? [],
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
