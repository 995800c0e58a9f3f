/**
 * 我的票决: the votes of the voter's units, by state (进行中 first: it is what needs them now), a page at a time.
 * A card opens the vote (签到, 投票, 结果).
 */
import type { VoteState } from '../../../../typings/actions/votes';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { MINE_TABS, toVoteCardVM, type VoteCardVM } from '../../../services/votes/cards';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 10;

definePage<{ list: PagedList }>()({
  data: {
    tabs: MINE_TABS.map((t) => ({ state: t.state, label: t.label })),
    tab: MINE_TABS[0].state as VoteState,
    ...listData<VoteCardVM>(),
  },
  methods: {
    ...listMethods,
    onLoad(query: Record<string, string | undefined>) {
      const tab = MINE_TABS.find((t) => t.state === query.state);
      if (tab) this.setData({ tab: tab.state });
      this.list = pagedList(this, {
        // A tab switch while a page is on its way: the late answer belongs to the old tab and is dropped.
        fetch: (page) => call('votes.listMine', { state: this.data.tab, page, pageSize: PAGE_SIZE }),
        toVM: toVoteCardVM,
        empty: () => MINE_TABS.find((t) => t.state === this.data.tab)?.empty ?? '',
        forbidden: { NOT_BOUND: '完成实名绑定后，才能参加所在组织的表决' },
      });
      this.reload();
    },
    switchTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, { state: VoteState }>) {
      const tab = e.currentTarget.dataset.state;
      if (!tab || tab === this.data.tab) return;
      this.setData({ tab, items: [], hasMore: false, state: 'loading' });
      this.reload();
    },
    onStatusAction() {
      if (this.data.state === 'forbidden') go('binding');
      else this.reload();
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      if (e.detail.id) go('voteDetail', { voteId: e.detail.id });
    },
  },
});
