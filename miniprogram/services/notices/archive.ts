/** The closing report (公示结束报告): the archived notice with every objection and its handling. */
import type { NoticeArchiveView } from '../../../typings/actions/notices';
import { formatDateRange, formatDateTime } from '../format';
import { windowRule } from './common';
import { type HandlingVM, toHandlingVM } from './objections';

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
