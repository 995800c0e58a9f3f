/** Notice cards for 公示 lists (the readers' list and 公示管理). */
import type { NoticeCardView } from '../../../typings/actions/notices';
import { shanghaiToday } from '../format';
import { cardTimeText, STATE_THEMES, type TagTheme } from './common';

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
