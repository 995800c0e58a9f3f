/** 绑定审核 (officers): pending real-name bindings in scope, a page at a time; approve, or reject with a reason. */
import { call } from '../../../services/api';
import { type PendingBindingVM, toPendingBindingVM } from '../../../services/bindings';
import { showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 20;
const REASON_MAX = 200;
const NONE_PENDING = '暂无待审核的绑定申请';

/** TDesign's t-button hands the inner tap event on as `detail`; `custom-dataset` rides on its currentTarget. */
type ButtonTap = WechatMiniprogram.CustomEvent<{ currentTarget: { dataset: { custom?: string } } }>;

function tappedId(e: ButtonTap): string {
  return e.detail?.currentTarget?.dataset?.custom ?? '';
}

definePage<{ list: PagedList; rejectingId: string }>()({
  data: {
    ...listData<PendingBindingVM>(),
    /** The application whose decision is on its way; its buttons are disabled. */
    busyId: '',
    reject: { visible: false, name: '', error: '' },
  },
  methods: {
    ...listMethods,
    onLoad() {
      this.rejectingId = '';
      this.list = pagedList(this, {
        fetch: (page) => call('bindings.listPending', { page, pageSize: PAGE_SIZE }),
        toVM: toPendingBindingVM,
        empty: NONE_PENDING,
        forbidden: { FORBIDDEN: '您没有审核绑定申请的权限', NOT_BOUND: true },
        // Decided items have left the server's pending list too, so the first unseen one sits at offset items.length.
        nextPage: (shown) => Math.floor(shown / PAGE_SIZE) + 1,
      });
      this.reload();
    },
    async reload() {
      this.setData({ state: 'loading', items: [], hasMore: false });
      await this.list.reload();
    },
    async loadMore() {
      const before = this.data.items.length;
      await this.list.loadMore();
      // After decisions the page boundaries shift, so a fetch may bring back mostly rows already shown; then the
      // next page completes what "加载更多" promised.
      const added = this.data.items.length - before;
      if (before > 0 && added > 0 && added < PAGE_SIZE / 2 && this.data.hasMore) await this.loadMore();
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
      this.setData({ reject: { visible: true, name: item.name, error: '' } });
    },
    onReasonChange() {
      if (this.data.reject.error) this.setData({ 'reject.error': '' });
    },
    cancelReject() {
      this.rejectingId = '';
      this.setData({ 'reject.visible': false });
    },
    confirmReject(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = e.detail.reason;
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
        this.setData({ items, state: 'empty', message: NONE_PENDING });
      }
    },
  },
});
