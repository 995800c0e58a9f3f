/**
 * 绑定审核 (officers): pending real-name bindings in scope, a page at a time; approve, or reject with a reason.
 * Competing claims for one student number are marked, and approving one of them asks for an explicit confirmation
 * (the others are then rejected). Below the list's hint: issue a one-time binding code for a student, or revoke a
 * student's binding with a reason.
 */
import { call } from '../../../services/api';
import { type PendingBindingVM, toPendingBindingVM } from '../../../services/bindings';
import { showError, toast } from '../../../services/errors';
import { formatDateTime } from '../../../services/format';
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

definePage<{ list: PagedList; rejectingId: string; confirmingId: string }>()({
  data: {
    ...listData<PendingBindingVM>(),
    /** The application whose decision is on its way; its buttons are disabled. */
    busyId: '',
    reject: { visible: false, name: '', error: '' },
    /** Approving one of several competing claims: the officer confirms the choice here. */
    competing: { visible: false, name: '', hint: '', error: '' },
    /** The tools: a student number, then issue a binding code or revoke the binding. */
    tool: { studentNo: '', error: '', busy: false, issued: '', issuedHint: '' },
    revoke: { visible: false, title: '', error: '' },
  },
  methods: {
    ...listMethods,
    onLoad() {
      this.rejectingId = '';
      this.confirmingId = '';
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
      const item = this.data.items.find((i) => i.id === id);
      if (!item) return;
      if (item.competingWith.length === 0) return this.decide(id, true);
      this.openCompeting(id);
    },
    openCompeting(id: string) {
      const item = this.data.items.find((i) => i.id === id);
      if (!item) return;
      this.confirmingId = id;
      const others = item.competingWith.length;
      this.setData({
        competing: {
          visible: true,
          name: item.name,
          hint: `学号 ${item.studentNo} 共有 ${others + 1} 份待审核申请。请确认已当面核对学生证，通过此份申请后，其余 ${others} 份将被驳回。`,
          error: '',
        },
      });
    },
    cancelCompeting() {
      this.confirmingId = '';
      this.setData({ 'competing.visible': false });
    },
    confirmCompeting(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = e.detail.reason;
      if (reason.length > REASON_MAX) return this.setData({ 'competing.error': `理由不超过 ${REASON_MAX} 字` });
      this.decide(this.confirmingId, true, reason || undefined, true);
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

    async decide(bindingId: string, approve: boolean, reason?: string, chosen = false) {
      if (!bindingId || this.data.busyId) return;
      this.setData({ busyId: bindingId });
      const input = approve
        ? {
            bindingId,
            approve,
            ...(chosen ? { confirmCompeting: bindingId } : {}),
            ...(reason ? { reason } : {}),
          }
        : { bindingId, approve, reason };
      const res = await call('bindings.decide', input);
      this.setData({ busyId: '' });
      if (res.ok) {
        this.closeRejectFor(bindingId);
        toast(approve ? '已通过' : '已驳回');
        this.removeItems([bindingId, ...(res.data.rejectedCompeting ?? [])]);
        return;
      }
      const { error } = res;
      if (error.code === 'BINDING_COMPETING') {
        // Another claim for the same student arrived since the list was loaded: show it before anyone chooses.
        this.closeRejectFor(bindingId);
        toast(error.message);
        await this.reload();
      } else if (error.code === 'BINDING_NOT_PENDING' || error.code === 'NOT_FOUND') {
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
      if (this.confirmingId === bindingId) {
        this.confirmingId = '';
        this.setData({ 'competing.visible': false });
      }
    },
    removeItem(bindingId: string) {
      this.removeItems([bindingId]);
    },
    /** Optimistic: the items leave the list once the server has accepted the decision. */
    removeItems(ids: string[]) {
      const items = this.data.items.filter((i) => !ids.includes(i.id));
      if (items.length) {
        this.setData({ items });
      } else if (this.data.hasMore) {
        this.setData({ items });
        this.loadMore();
      } else {
        this.setData({ items, state: 'empty', message: NONE_PENDING });
      }
    },

    onToolStudentNoChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'tool.studentNo': e.detail.value, 'tool.error': '' });
    },
    /** The student number typed in the tools, or '' after showing why it is missing. */
    toolStudentNo(): string {
      const studentNo = this.data.tool.studentNo.trim();
      if (!studentNo) this.setData({ 'tool.error': '请输入学生的学号' });
      return studentNo;
    },
    async issueCode() {
      const studentNo = this.toolStudentNo();
      if (!studentNo || this.data.tool.busy) return;
      this.setData({ 'tool.busy': true, 'tool.issued': '', 'tool.issuedHint': '' });
      const res = await call('bindings.issueCode', { studentNo });
      this.setData({ 'tool.busy': false });
      if (res.ok) {
        this.setData({
          'tool.issued': res.data.code,
          'tool.issuedHint': `学号 ${studentNo} 的绑定码，${formatDateTime(res.data.expiresAt)} 前有效，仅可使用一次。请当面交给学生本人，此码不会再次显示。`,
        });
        return;
      }
      const fields = showError(res.error, ['studentNo'] as const);
      if (fields.studentNo) this.setData({ 'tool.error': fields.studentNo });
    },
    openRevoke() {
      const studentNo = this.toolStudentNo();
      if (!studentNo) return;
      this.setData({ revoke: { visible: true, title: `撤销学号 ${studentNo} 的实名绑定`, error: '' } });
    },
    cancelRevoke() {
      this.setData({ 'revoke.visible': false });
    },
    onRevokeReasonChange() {
      if (this.data.revoke.error) this.setData({ 'revoke.error': '' });
    },
    async confirmRevoke(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = e.detail.reason;
      if (!reason) return this.setData({ 'revoke.error': '请填写撤销理由，将记入审计记录并告知学生' });
      if (reason.length > REASON_MAX) return this.setData({ 'revoke.error': `理由不超过 ${REASON_MAX} 字` });
      if (this.data.tool.busy) return;
      this.setData({ 'tool.busy': true });
      const res = await call('bindings.revoke', { studentNo: this.data.tool.studentNo.trim(), reason });
      this.setData({ 'tool.busy': false });
      if (res.ok) {
        this.setData({ 'revoke.visible': false, 'tool.studentNo': '' });
        toast('已撤销绑定');
        return;
      }
      const fields = showError(res.error, ['reason', 'studentNo'] as const);
      if (fields.reason) return this.setData({ 'revoke.error': fields.reason });
      this.setData({ 'revoke.visible': false, 'tool.error': fields.studentNo ?? '' });
    },
  },
});
