/**
 * 异议处理 (officers): the objections to one notice, a page at a time. Each shows its text, who raised it (or 匿名:
 * the server never tells officers who an anonymous objector is) and the day; an unhandled one opens a form for
 * the investigation and the finding. One form is open at a time.
 */
import type { ObjectionOutcome } from '../../../../typings/actions/notices';
import { call } from '../../../services/api';
import { showError, toast } from '../../../services/errors';
import { justHandledVM, type OfficerObjectionVM, toOfficerObjectionVM } from '../../../services/notices/objections';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 20;
const INVESTIGATION_MAX = 1000;

const OUTCOME_OPTIONS = [
  { label: '属实（异议成立）', value: 'upheld' },
  { label: '不属实（异议不成立）', value: 'dismissed' },
];

const NO_ERRORS = { investigation: '', outcome: '' };

const NOT_YOURS = '您没有处理这条公示异议的权限';

definePage<{ noticeId: string; list: PagedList }>()({
  data: {
    ...listData<OfficerObjectionVM>(),
    pendingCount: 0,
    /** The objection whose form is open; '' when none. */
    handlingId: '',
    form: { investigation: '', outcome: '' as ObjectionOutcome | '' },
    errors: { ...NO_ERRORS },
    outcomeOptions: OUTCOME_OPTIONS,
    submitting: false,
  },
  methods: {
    ...listMethods,
    onLoad(query: Record<string, string | undefined>) {
      this.noticeId = query.noticeId ?? '';
      this.list = pagedList(this, {
        fetch: (page) => call('notices.objections', { noticeId: this.noticeId, page, pageSize: PAGE_SIZE }),
        toVM: toOfficerObjectionVM,
        empty: '这条公示还没有收到异议',
        forbidden: { FORBIDDEN: NOT_YOURS, OUT_OF_SCOPE: NOT_YOURS, NOT_BOUND: true },
        derive: (items) => ({ pendingCount: items.filter((i) => !i.handling).length }),
      });
      this.reload();
    },
    async reload() {
      if (!this.noticeId) {
        this.setData({ state: 'empty', message: '没有找到这条公示' });
        return;
      }
      this.setData({ state: 'loading', handlingId: '' });
      await this.list.reload();
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
