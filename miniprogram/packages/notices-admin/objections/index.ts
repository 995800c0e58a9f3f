/**
 * 异议处理 (officers): the objections to one notice, a page at a time. Each shows its text, who raised it (or 匿名:
 * the server never tells officers who an anonymous objector is) and the day; an unhandled one opens a form for
 * the investigation and the finding. One form is open at a time.
 */
import type { ObjectionOutcome } from '../../../../typings/actions/notices';
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { justHandledVM, type OfficerObjectionVM, toOfficerObjectionVM } from '../../../services/notices';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 20;
const INVESTIGATION_MAX = 1000;

const OUTCOME_OPTIONS = [
  { label: '属实（异议成立）', value: 'upheld' },
  { label: '不属实（异议不成立）', value: 'dismissed' },
];

const NO_ERRORS = { investigation: '', outcome: '' };

definePage<{ noticeId: string; fetching: boolean; nextPage: number }>()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as OfficerObjectionVM[],
    pendingCount: 0,
    hasMore: false,
    loadingMore: false,
    /** The objection whose form is open; '' when none. */
    handlingId: '',
    form: { investigation: '', outcome: '' as ObjectionOutcome | '' },
    errors: { ...NO_ERRORS },
    outcomeOptions: OUTCOME_OPTIONS,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.noticeId = query.noticeId ?? '';
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
      if (!this.noticeId) {
        this.setData({ state: 'empty', message: '没有找到这条公示' });
        return;
      }
      this.setData({ state: 'loading', handlingId: '' });
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
      const res = await call('notices.objections', { noticeId: this.noticeId, page, pageSize: PAGE_SIZE });
      this.fetching = false;
      if (!res.ok) {
        this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const more = res.data.items.filter((o) => !known.has(o.id)).map(toOfficerObjectionVM);
      const items = fresh ? more : this.data.items.concat(more);
      this.setData({
        items,
        pendingCount: items.filter((i) => !i.handling).length,
        hasMore: res.data.hasMore,
        loadingMore: false,
        state: items.length ? 'ready' : 'empty',
        message: items.length ? '' : '这条公示还没有收到异议',
      });
    },
    onListError(error: ApiError, fresh: boolean) {
      if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE' || error.code === 'NOT_BOUND') {
        const message = error.code === 'NOT_BOUND' ? error.message : '你没有处理这条公示异议的权限';
        this.setData({ state: 'forbidden', message, items: [] });
      } else if (!fresh) {
        showError(error);
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },

    openForm(e: WechatMiniprogram.CustomEvent<{ currentTarget: { dataset: { custom?: string } } }>) {
      const id = e.detail?.currentTarget?.dataset?.custom ?? '';
      if (!id) return;
      this.setData({ handlingId: id, form: { investigation: '', outcome: '' }, errors: { ...NO_ERRORS } });
    },
    closeForm() {
      this.setData({ handlingId: '' });
    },
    onInvestigationChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.investigation': e.detail.value, 'errors.investigation': '' });
    },
    onOutcomeChange(e: WechatMiniprogram.CustomEvent<{ value: ObjectionOutcome }>) {
      this.setData({ 'form.outcome': e.detail.value, 'errors.outcome': '' });
    },
    async submit() {
      const objectionId = this.data.handlingId;
      if (!objectionId || this.data.submitting) return;
      const investigation = this.data.form.investigation.trim();
      const outcome = this.data.form.outcome;
      const errors = {
        investigation: !investigation
          ? '请填写调查核实情况'
          : investigation.length > INVESTIGATION_MAX
            ? `不超过 ${INVESTIGATION_MAX} 字`
            : '',
        outcome: outcome ? '' : '请选择核实结论',
      };
      if (errors.investigation || errors.outcome || !outcome) return this.setData({ errors });
      this.setData({ submitting: true });
      const res = await call('notices.handleObjection', { objectionId, investigation, outcome });
      this.setData({ submitting: false });
      if (res.ok) {
        toast('已记录处理结果');
        this.markHandled(objectionId, justHandledVM(investigation, outcome));
        return;
      }
      if (res.error.code === 'OBJECTION_ALREADY_HANDLED') {
        showError(res.error);
        this.reload(); // someone else handled it: show their record
        return;
      }
      const shown = showError(res.error, ['investigation', 'outcome'] as const, {
        OBJECTION_INVESTIGATION_REQUIRED: 'investigation',
      });
      this.setData({ errors: { ...NO_ERRORS, ...shown } });
    },
    markHandled(id: string, handling: OfficerObjectionVM['handling']) {
      const index = this.data.items.findIndex((i) => i.id === id);
      if (index < 0) return;
      this.setData({
        [`items[${index}].handling`]: handling,
        handlingId: '',
        pendingCount: Math.max(0, this.data.pendingCount - 1),
      });
    },
  },
});
