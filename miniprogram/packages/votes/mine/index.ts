/**
 * 我的票决: the votes of the voter's units, by state (进行中 first: it is what needs them now), a page at a time.
 * A card opens the vote (签到, 投票, 结果).
 */
import type { VoteState } from '../../../../typings/actions/votes';
import type { ApiError } from '../../../../typings/errors';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError } from '../../../services/errors';
import { MINE_TABS, toVoteCardVM, type VoteCardVM } from '../../../services/votes';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 10;

definePage<{ fetching: boolean; nextPage: number; generation: number }>()({
  data: {
    tabs: MINE_TABS.map((t) => ({ state: t.state, label: t.label })),
    tab: MINE_TABS[0].state as VoteState,
    state: 'loading' as State,
    message: '',
    items: [] as VoteCardVM[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.nextPage = 1;
      this.generation = 0;
      const tab = MINE_TABS.find((t) => t.state === query.state);
      if (tab) this.setData({ tab: tab.state });
      this.reload();
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    switchTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, { state: VoteState }>) {
      const tab = e.currentTarget.dataset.state;
      if (!tab || tab === this.data.tab) return;
      this.setData({ tab, items: [], hasMore: false, state: 'loading' });
      this.reload();
    },
    async reload() {
      this.nextPage = 1;
      // A tab switch while a page is on its way: the late answer belongs to the old tab and is dropped.
      this.generation += 1;
      this.fetching = false;
      if (!this.data.items.length) this.setData({ state: 'loading' });
      await this.fetch(true);
    },
    async loadMore() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      await this.fetch(false);
    },
    async fetch(fresh: boolean) {
      if (this.fetching) return;
      this.fetching = true;
      const generation = this.generation;
      if (!fresh) this.setData({ loadingMore: true });
      const page = fresh ? 1 : this.nextPage;
      const tab = this.data.tab;
      const res = await call('votes.listMine', { state: tab, page, pageSize: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.fetching = false;
      if (!res.ok) {
        if (!fresh) this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const cards = res.data.items.filter((c) => !known.has(c.id)).map(toVoteCardVM);
      if (fresh) {
        const empty = MINE_TABS.find((t) => t.state === tab)?.empty ?? '';
        this.setData({
          items: cards,
          hasMore: res.data.hasMore,
          loadingMore: false,
          state: cards.length ? 'ready' : 'empty',
          message: cards.length ? '' : empty,
        });
        return;
      }
      const patch: Record<string, unknown> = { hasMore: res.data.hasMore, loadingMore: false };
      const base = this.data.items.length;
      cards.forEach((c, i) => {
        patch[`items[${base + i}]`] = c;
      });
      this.setData(patch);
    },
    onListError(error: ApiError, fresh: boolean) {
      if (!fresh) {
        showError(error);
      } else if (error.code === 'NOT_BOUND') {
        this.setData({ state: 'forbidden', message: '完成实名绑定后，才能参加所在组织的表决', items: [] });
      } else if (this.data.items.length) {
        showError(error);
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
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
