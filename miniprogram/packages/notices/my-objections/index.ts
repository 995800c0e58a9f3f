/** 我的异议: the objections I raised, newest first, with where each stands and how it was handled. */
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText, showError } from '../../../services/errors';
import { type MyObjectionVM, toMyObjectionVM } from '../../../services/notices';
import { go } from '../../../routes';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 20;

definePage<{ fetching: boolean; nextPage: number }>()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as MyObjectionVM[],
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
      const res = await call('notices.myObjections', { page, pageSize: PAGE_SIZE });
      this.fetching = false;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const fresher = res.data.items.filter((o) => !known.has(o.id)).map(toMyObjectionVM);
      const items = fresh ? fresher : this.data.items.concat(fresher);
      this.setData({
        items,
        hasMore: res.data.hasMore,
        loadingMore: false,
        state: items.length ? 'ready' : 'empty',
        message: items.length ? '' : '你还没有提出过异议',
      });
    },
    onListError(error: ApiError, fresh: boolean) {
      if (!fresh || this.data.items.length) showError(error);
      else if (error.code === 'NOT_BOUND') this.setData({ state: 'forbidden', message: error.message });
      else this.setData({ state: 'error', message: errorText(error) });
    },
    openNotice(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('noticeDetail', { noticeId: id });
    },
  },
});
