/** Vote cards for 我的票决 and 票决管理. */
import type { VoteCardView } from '../../../typings/actions/votes';
import type { VoteState } from '../../typings/vocabulary';
import { formatDateTime } from '../format';
import { STATE_THEMES, type TagTheme } from './common';

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
