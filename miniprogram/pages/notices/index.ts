/**
 * 公示 (tab): the notices posted to the reader's units, in the server's order (open ones first), a page at a time.
 * A card opens the detail (packages/notices, preloaded from this tab).
 */
import type { ApiError } from '../../../typings/errors';
import { call } from '../../services/api';
import { errorText, showError } from '../../services/errors';
import { type NoticeCardVM, toNoticeCardVM } from '../../services/notices';
import { go } from '../../routes';
import { definePage } from '../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

/** One screen and a bit: the first setData stays a few KB (bench/notices-setdata.ts). */
const PAGE_SIZE = 10;

definePage<{ fetching: boolean; nextPage: number }>()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as NoticeCardVM[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad() {
      this.nextPage = 1;
      this.reload();
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    async reload() {
      this.nextPage = 1;
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
      if (!fresh) this.setData({ loadingMore: true });
      const page = fresh ? 1 : this.nextPage;
      const res = await call('notices.list', { scope: 'visible', page, pageSize: PAGE_SIZE });
      this.fetching = false;
      if (!res.ok) {
        if (!fresh) this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      // A notice that moved between pages since the last fetch is shown once, where it was first seen.
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const cards = res.data.items.filter((c) => !known.has(c.id)).map((c) => toNoticeCardVM(c));
      if (fresh) {
        this.setData({
          items: cards,
          hasMore: res.data.hasMore,
          loadingMore: false,
          state: cards.length ? 'ready' : 'empty',
          message: cards.length ? '' : '暂无公示',
        });
        return;
      }
      // Append only the new cards: setData by path keeps the payload to this page's cards.
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
        this.setData({ state: 'forbidden', message: '完成实名绑定后，才能查看所在组织的公示', items: [] });
      } else if (this.data.items.length) {
        showError(error); // keep what is on screen after a failed refresh
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    onStatusAction() {
      if (this.data.state === 'forbidden') go('binding');
      else this.reload();
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      if (e.detail.id) go('noticeDetail', { noticeId: e.detail.id });
    },
    openMyObjections() {
      go('myObjections');
    },
  },
});
