/** 绑定审核 (officers): pending real-name bindings in scope, a page at a time; approve, or reject with a reason. */
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { type PendingBindingVM, toPendingBindingVM } from '../../../services/bindings';
import { errorText, showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 20;
const REASON_MAX = 200;

/** TDesign's t-button hands the inner tap event on as `detail`; `custom-dataset` rides on its currentTarget. */
type ButtonTap = WechatMiniprogram.CustomEvent<{ currentTarget: { dataset: { custom?: string } } }>;

function tappedId(e: ButtonTap): string {
  return e.detail?.currentTarget?.dataset?.custom ?? '';
}

definePage<{ fetching: boolean; rejectingId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as PendingBindingVM[],
    hasMore: false,
    loadingMore: false,
    /** The application whose decision is on its way; its buttons are disabled. */
    busyId: '',
    reject: { visible: false, name: '', reason: '', error: '' },
    rejectConfirmBtn: { content: '驳回', variant: 'base', theme: 'danger' },
  },
  methods: {
    onLoad() {
      this.rejectingId = '';
      this.reload();
    },
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    async reload() {
      this.setData({ state: 'loading', items: [], hasMore: false });
      await this.fetch(1);
    },
    async loadMore() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      // Decided items have left the server's pending list too, so the first unseen one sits at offset items.length.
      await this.fetch(Math.floor(this.data.items.length / PAGE_SIZE) + 1);
    },
    async fetch(page: number) {
      if (this.fetching) return;
      this.fetching = true;
      const first = page === 1 && this.data.items.length === 0;
      if (!first) this.setData({ loadingMore: true });
      const res = await call('bindings.listPending', { page, pageSize: PAGE_SIZE });
      this.fetching = false;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        this.onListError(res.error, first);
        return;
      }
      const seen = new Set(this.data.items.map((i) => i.id));
      const fresh = res.data.items.filter((b) => !seen.has(b.id));
      const items = this.data.items.concat(fresh.map(toPendingBindingVM));
      this.setData({
        items,
        hasMore: res.data.hasMore,
        loadingMore: false,
        state: items.length ? 'ready' : 'empty',
        message: items.length ? '' : '暂无待审核的绑定申请',
      });
      // After decisions the page boundaries shift, so a fetch may bring back mostly rows already shown; then the
      // next page completes what "加载更多" promised.
      if (!first && fresh.length > 0 && fresh.length < PAGE_SIZE / 2 && res.data.hasMore) await this.loadMore();
    },
    onListError(error: ApiError, first: boolean) {
      if (error.code === 'FORBIDDEN' || error.code === 'NOT_BOUND') {
        const message = error.code === 'FORBIDDEN' ? '您没有审核绑定申请的权限' : error.message;
        this.setData({ state: 'forbidden', message, items: [], hasMore: false });
      } else if (first) {
        this.setData({ state: 'error', message: errorText(error) });
      } else {
        showError(error);
      }
    },

    approve(e: ButtonTap) {
      const id = tappedId(e);
      if (id) this.decide(id, true);
    },
    openReject(e: ButtonTap) {
      const id = tappedId(e);
      const item = this.data.items.find((i) => i.id === id);
      if (!item) return;
      this.rejectingId = id;
      this.setData({ reject: { visible: true, name: item.name, reason: '', error: '' } });
    },
    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'reject.reason': e.detail.value, 'reject.error': '' });
    },
    cancelReject() {
      this.rejectingId = '';
      this.setData({ 'reject.visible': false });
    },
    confirmReject() {
      const reason = this.data.reject.reason.trim();
      if (!reason) return this.setData({ 'reject.error': '请填写驳回理由，申请人会看到它' });
      if (reason.length > REASON_MAX) return this.setData({ 'reject.error': `理由不超过 ${REASON_MAX} 字` });
      this.decide(this.rejectingId, false, reason);
    },

    async decide(bindingId: string, approve: boolean, reason?: string) {
      if (!bindingId || this.data.busyId) return;
      this.setData({ busyId: bindingId });
      const res = await call('bindings.decide', approve ? { bindingId, approve } : { bindingId, approve, reason });
      this.setData({ busyId: '' });
      if (res.ok) {
        this.closeRejectFor(bindingId);
        toast(approve ? '已通过' : '已驳回');
        this.removeItem(bindingId);
        return;
      }
      const { error } = res;
      if (error.code === 'BINDING_NOT_PENDING' || error.code === 'NOT_FOUND') {
        // Someone else decided it first: it is no longer ours to act on.
        this.closeRejectFor(bindingId);
        toast(error.message);
        this.removeItem(bindingId);
      } else if (error.code === 'BAD_INPUT' && !approve) {
        const fields = showError(error, ['reason'] as const);
        if (fields.reason) this.setData({ 'reject.error': fields.reason });
      } else {
        showError(error);
      }
    },
    closeRejectFor(bindingId: string) {
      if (this.rejectingId === bindingId) {
        this.rejectingId = '';
        this.setData({ 'reject.visible': false });
      }
    },
    /** Optimistic: the item leaves the list once the server has accepted the decision. */
    removeItem(bindingId: string) {
      const items = this.data.items.filter((i) => i.id !== bindingId);
      if (items.length) {
        this.setData({ items });
      } else if (this.data.hasMore) {
        this.setData({ items });
        this.loadMore();
      } else {
        this.setData({ items, state: 'empty', message: '暂无待审核的绑定申请' });
      }
    },
  },
});
