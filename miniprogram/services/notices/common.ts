/**
 * What every 公示 page shares: state tag colours and the window in words. Times arrive as ISO-8601 (+08:00) and
 * calendar dates as YYYY-MM-DD; people read them as Chinese dates in Asia/Shanghai.
 */
import type { NoticeCardView, NoticeWindowView } from '../../../typings/actions/notices';
import { type NoticeState, WINDOW_COUNTING_LABELS, WINDOW_UNIT_LABELS } from '../../typings/vocabulary';
import { formatChineseDate, formatShortDate } from '../format';
import type { TagTheme } from '../tag';

/** Shown wherever a window reaches a year whose holiday arrangement the State Council has not published yet. */
export const PROVISIONAL_MARK = '（节假日安排未公布，暂按法定节假日推算）';

export type { TagTheme };

export const STATE_THEMES: Record<NoticeState, TagTheme> = {
  draft: 'default',
  scheduled: 'warning',
  open: 'primary',
  closed: 'default',
  withdrawn: 'default',
};

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
