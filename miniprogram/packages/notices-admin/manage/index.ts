/**
 * 公示管理 (officers): the notices of the units I manage, drafts included, a page at a time; 新建公示 opens the form.
 * A card opens the detail, where an officer edits, publishes, withdraws and handles objections.
 */
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText, showError } from '../../../services/errors';
import { type NoticeCardVM, toNoticeCardVM } from '../../../services/notices';
import { go } from '../../../routes';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 10;

definePage<{ fetching: boolean; nextPage: number; shown: boolean }>()({
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
      this.shown = false;
      this.reload();
    },
    onShow() {
      // Back from the form or a detail: drafts and states may have changed.
      if (this.shown) this.reload();
      this.shown = true;
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    async reload() {
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
      const res = await call('notices.list', { scope: 'managed', page, pageSize: PAGE_SIZE });
      this.fetching = false;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const cards = res.data.items.filter((c) => !known.has(c.id)).map((c) => toNoticeCardVM(c));
      const items = fresh ? cards : this.data.items.concat(cards);
      this.setData({
        items,
        hasMore: res.data.hasMore,
        loadingMore: false,
        state: items.length ? 'ready' : 'empty',
        message: items.length ? '' : '还没有公示。点击下方「新建公示」起草第一条。',
      });
    },
    onListError(error: ApiError, fresh: boolean) {
      if (error.code === 'FORBIDDEN' || error.code === 'NOT_BOUND') {
        const message = error.code === 'FORBIDDEN' ? '你没有管理公示的权限' : error.message;
        this.setData({ state: 'forbidden', message, items: [], hasMore: false });
      } else if (!fresh || this.data.items.length) {
        showError(error);
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      if (e.detail.id) go('noticeDetail', { noticeId: e.detail.id });
    },
    create() {
      go('noticeEdit');
    },
  },
});
