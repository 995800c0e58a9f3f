/**
 * 积极分子档案: attendance and exams from trainings, the development case's assessments (a temporary branch's included),
 * ideological reports and their review, special contributions, and
 * the semester grades with the committee's decision; the activist appeals a decided grade here, once, with a reason.
 * Everything shown (scores, weights, who may appeal or review) comes from the server's view.
 */

import { urlOf } from '../../../routes';
import { type FileVM, toFileVM } from '../../../services/activists';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { ACTIVIST_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';
type GradeTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>;

definePage<{ personId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    file: null as FileVM | null,
    self: false,
    review: false,
    appealing: '',
    appealText: '',
    appealError: '',
    submitting: false,
    reasonMax: ACTIVIST_LIMITS.reasonMax,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.personId = query.personId ?? '';
    },
    onShow() {
      this.load();
    },
    async load() {
      if (!this.personId) {
        const me = await call('me.get', {});
        if (!me.ok) return this.setData({ state: 'error', message: errorText(me.error) });
        if (!me.data.person) return this.setData({ state: 'forbidden', message: '请先完成实名绑定' });
        this.personId = me.data.person.id;
      }
      const res = await call('activists.file', { personId: this.personId });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'ACTIVIST_FILE_NOT_FOUND') {
          return this.setData({ state: 'empty', message: '尚未建立入党积极分子档案，由所在党支部确定积极分子后建立' });
        }
        if (code === 'OUT_OF_SCOPE') return this.setData({ state: 'forbidden', message: '您没有查看该档案的权限' });
        return this.setData({ state: 'error', message: errorText(res.error) });
      }
      this.setData({
        state: 'ready',
        file: toFileVM(res.data),
        self: res.data.can.self,
        review: res.data.can.review,
      });
    },
    writeReport() {
      wx.navigateTo({ url: urlOf('activistReport') });
    },
    reviewReports() {
      wx.navigateTo({ url: urlOf('activistReview', { personId: this.personId }) });
    },
    openAppeal(e: GradeTap) {
      this.setData({ appealing: e.currentTarget.dataset.id, appealText: '', appealError: '' });
    },
    cancelAppeal() {
      this.setData({ appealing: '', appealError: '' });
    },
    onAppealChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ appealText: e.detail.value, appealError: '' });
    },
    async submitAppeal() {
      const reason = this.data.appealText.trim();
      if (!reason) return this.setData({ appealError: '请写明申诉理由' });
      this.setData({ submitting: true });
      const res = await call('activists.appeal', { gradeId: this.data.appealing, reason });
      this.setData({ submitting: false });
      if (!res.ok) {
        const fields = showError(res.error, ['reason'] as const, { CONTENT_REJECTED: 'reason' });
        return this.setData({ appealError: fields.reason ?? '' });
      }
      toast('申诉已提交，等待党支部答复');
      this.setData({ appealing: '', appealText: '' });
      this.load();
    },
  },
});
