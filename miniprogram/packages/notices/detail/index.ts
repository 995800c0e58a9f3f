/**
 * 公示详情: the notice as posted (title, kind, body, named people, scope, window and countdown, state), the
 * objection form while it is open, the outcome once closed; for the notice's officers, the management actions
 * (edit and publish a draft, withdraw, handle objections, the filed record).
 */
import type { ApiError } from '../../../../typings/errors';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { PROVISIONAL_MARK } from '../../../services/notices/common';
import { type NoticeDetailVM, toNoticeDetailVM } from '../../../services/notices/detail';
import { OBJECTION_MAX_LENGTH } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const WITHDRAW_REASON_MAX = 200;

/** Codes that mean the notice changed under the reader: say so and show it as it now is. */
const STALE_CODES = [
  'NOTICE_CLOSED',
  'NOTICE_NOT_OPEN',
  'NOTICE_WITHDRAWN',
  'NOTICE_NOT_DRAFT',
  'NOTICE_ALREADY_PUBLISHED',
];

definePage<{ noticeId: string; shown: boolean; loading: boolean }>()({
  data: {
    state: 'loading' as State,
    message: '',
    notice: null as NoticeDetailVM | null,
    provisionalMark: PROVISIONAL_MARK,
    maxLength: OBJECTION_MAX_LENGTH,
    form: { text: '', anonymous: false },
    textError: '',
    submitting: false,
    /** The objection went in: the form gives way to the confirmation. */
    submitted: false,
    publishVisible: false,
    publishConfirmBtn: { content: '确认发布', variant: 'base', theme: 'primary' },
    withdraw: { visible: false, error: '' },
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.noticeId = query.noticeId ?? '';
      this.shown = false;
      this.load(true);
    },
    onShow() {
      // Back from editing or handling objections: show the notice as it now is.
      if (this.shown && this.data.state === 'ready') this.load(false);
      this.shown = true;
    },
    async load(showLoading: boolean) {
      if (!this.noticeId) {
        this.setData({ state: 'empty', message: '没有找到这条公示' });
        return;
      }
      if (this.loading) return;
      this.loading = true;
      if (showLoading) this.setData({ state: 'loading' });
      const res = await call('notices.get', { noticeId: this.noticeId });
      this.loading = false;
      if (!res.ok) return this.onLoadError(res.error);
      this.setData({ state: 'ready', notice: toNoticeDetailVM(res.data) });
    },
    reload() {
      this.load(true);
    },
    onLoadError(error: ApiError) {
      if (error.code === 'NOT_FOUND') this.setData({ state: 'empty', message: '这条公示不存在或已被删除' });
      else if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE')
        this.setData({ state: 'forbidden', message: '这条公示不在您可查看的范围内' });
      else if (error.code === 'NOT_BOUND') this.setData({ state: 'forbidden', message: error.message });
      else if (this.data.notice) showError(error);
      else this.setData({ state: 'error', message: errorText(error) });
    },

    // ------------------------------------------------------------------------------------ objection form
    onTextChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.text': e.detail.value, textError: '' });
    },
    onAnonymousChange(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ 'form.anonymous': !!e.detail.value });
    },
    async submitObjection() {
      if (this.data.submitting) return;
      const text = this.data.form.text.trim();
      if (!text) return this.setData({ textError: '请填写异议内容' });
      if (text.length > OBJECTION_MAX_LENGTH) {
        return this.setData({ textError: `异议内容不超过 ${OBJECTION_MAX_LENGTH} 字` });
      }
      this.setData({ submitting: true, textError: '' });
      const res = await call('notices.object', {
        noticeId: this.noticeId,
        text,
        anonymous: this.data.form.anonymous,
      });
      this.setData({ submitting: false });
      if (res.ok) {
        const count = (this.data.notice?.myObjectionCount ?? 0) + 1;
        this.setData({ submitted: true, form: { text: '', anonymous: false }, 'notice.myObjectionCount': count });
        return;
      }
      const fields = showError(res.error, ['text'] as const, {
        OBJECTION_EMPTY: 'text',
        OBJECTION_TOO_LONG: 'text',
        CONTENT_REJECTED: 'text',
      });
      if (fields.text) this.setData({ textError: fields.text });
      if (STALE_CODES.includes(res.error.code)) this.load(false);
    },
    objectAgain() {
      this.setData({ submitted: false });
    },
    openMyObjections() {
      go('myObjections');
    },

    // ------------------------------------------------------------------------------------ officers
    openEdit() {
      go('noticeEdit', { noticeId: this.noticeId });
    },
    openObjections() {
      go('noticeObjections', { noticeId: this.noticeId });
    },
    openReport() {
      go('noticeReport', { noticeId: this.noticeId });
    },
    openPublish() {
      if (this.data.notice) this.setData({ publishVisible: true });
    },
    closePublish() {
      this.setData({ publishVisible: false });
    },
    async confirmPublish() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await call('notices.publish', { noticeId: this.noticeId });
      this.setData({ busy: false, publishVisible: false });
      if (res.ok) {
        toast(res.data.state === 'open' ? '已发布，公示开始' : '已发布，到开始日期后自动公示');
        this.load(false);
        return;
      }
      showError(res.error);
      if (STALE_CODES.includes(res.error.code)) this.load(false);
    },
    openWithdraw() {
      this.setData({ withdraw: { visible: true, error: '' } });
    },
    onReasonChange() {
      if (this.data.withdraw.error) this.setData({ 'withdraw.error': '' });
    },
    closeWithdraw() {
      this.setData({ 'withdraw.visible': false });
    },
    async confirmWithdraw(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      if (this.data.busy) return;
      const reason = e.detail.reason;
      if (!reason) return this.setData({ 'withdraw.error': '请填写撤回理由，读者会看到它' });
      if (reason.length > WITHDRAW_REASON_MAX) {
        return this.setData({ 'withdraw.error': `理由不超过 ${WITHDRAW_REASON_MAX} 字` });
      }
      this.setData({ busy: true });
      const res = await call('notices.withdraw', { noticeId: this.noticeId, reason });
      this.setData({ busy: false });
      if (res.ok) {
        this.setData({ 'withdraw.visible': false });
        toast('已撤回');
        this.load(false);
        return;
      }
      const fields = showError(res.error, ['reason'] as const, { WITHDRAW_REASON_REQUIRED: 'reason' });
      if (fields.reason) this.setData({ 'withdraw.error': fields.reason });
      else this.setData({ 'withdraw.visible': false });
      if (STALE_CODES.includes(res.error.code)) this.load(false);
    },
  },
});
