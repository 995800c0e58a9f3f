/**
 * 积极分子学期评定 (the branch): each activist's computed grade of the semester with the branch's weights and 优秀
 * quota, the committee's decision recorded beside it (a reason when it differs), and appeals answered on record.
 * Scores, the quota and what may still be done come from the server's view.
 */

import { urlOf } from '../../../routes';
import { type GradingVM, toGradingVM } from '../../../services/activists';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import {
  ACTIVIST_GRADE_LABELS,
  ACTIVIST_GRADES,
  ACTIVIST_LIMITS,
  type ActivistGrade,
} from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';
type IdTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>;
type GradeTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string; grade: ActivistGrade }>;

interface Draft {
  grade: ActivistGrade | '';
  text: string;
  error: string;
}

definePage<{ branchId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    view: null as GradingVM | null,
    branches: [] as { id: string; name: string }[],
    mayManage: false,
    drafts: {} as Record<string, Draft>,
    grades: ACTIVIST_GRADES.map((g) => ({ value: g, label: ACTIVIST_GRADE_LABELS[g] })),
    reasonMax: ACTIVIST_LIMITS.reasonMax,
    busy: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.branchId = query.branchId ?? '';
      this.load();
    },
    async load() {
      if (!this.branchId) {
        const mine = await call('activists.branches', {});
        if (!mine.ok) return this.setData({ state: 'error', message: errorText(mine.error) });
        if (mine.data.length === 0) {
          return this.setData({ state: 'forbidden', message: '您没有可查看积极分子档案的党支部' });
        }
        if (mine.data.length > 1) return this.setData({ state: 'ready', view: null, branches: mine.data });
        this.branchId = mine.data[0]!.id;
      }
      const res = await call('activists.branchFiles', { branchId: this.branchId });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'OUT_OF_SCOPE' || code === 'FORBIDDEN') {
          return this.setData({ state: 'forbidden', message: '您没有查看该党支部积极分子档案的权限' });
        }
        return this.setData({ state: 'error', message: errorText(res.error) });
      }
      if (!res.data.files.length) return this.setData({ state: 'empty', message: '本支部还没有积极分子档案' });
      const drafts: Record<string, Draft> = {};
      for (const f of res.data.files) drafts[f.personId] = { grade: '', text: '', error: '' };
      this.setData({
        state: 'ready',
        view: toGradingVM(res.data),
        branches: [],
        mayManage: res.data.mayManage,
        drafts,
      });
    },
    async compute() {
      this.setData({ busy: 'compute' });
      const res = await call('activists.computeGrades', { branchId: this.branchId });
      this.setData({ busy: '' });
      if (!res.ok) return showError(res.error);
      toast('已计算本学期等次');
      this.load();
    },
    chooseGrade(e: GradeTap) {
      const { id, grade } = e.currentTarget.dataset;
      this.setData({ [`drafts.${id}.grade`]: grade, [`drafts.${id}.error`]: '' });
    },
    onTextChange(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      this.setData({ [`drafts.${e.currentTarget.dataset.id}.text`]: e.detail.value });
    },
    async decide(e: IdTap) {
      const id = e.currentTarget.dataset.id;
      const row = this.data.view?.rows.find((r) => r.personId === id);
      const draft = this.data.drafts[id];
      if (!row || !draft) return;
      if (!draft.grade) return this.setData({ [`drafts.${id}.error`]: '请选择等次' });
      this.setData({ busy: id });
      const res = await call('activists.decideGrade', { gradeId: row.gradeId, grade: draft.grade, reason: draft.text });
      this.setData({ busy: '' });
      if (!res.ok) {
        const fields = showError(res.error, ['reason'] as const, {
          GRADE_REASON_REQUIRED: 'reason',
          GRADE_QUOTA_EXCEEDED: 'reason',
        });
        return this.setData({ [`drafts.${id}.error`]: fields.reason ?? '' });
      }
      toast('已记录支委会确定的等次');
      this.load();
    },
    async answer(e: IdTap) {
      const id = e.currentTarget.dataset.id;
      const row = this.data.view?.rows.find((r) => r.personId === id);
      const draft = this.data.drafts[id];
      if (!row || !draft) return;
      if (!draft.text.trim()) return this.setData({ [`drafts.${id}.error`]: '请填写答复' });
      this.setData({ busy: id });
      const res = await call('activists.answerAppeal', {
        gradeId: row.gradeId,
        answer: draft.text,
        ...(draft.grade ? { grade: draft.grade } : {}),
      });
      this.setData({ busy: '' });
      if (!res.ok) {
        const fields = showError(res.error, ['answer'] as const, { GRADE_QUOTA_EXCEEDED: 'answer' });
        return this.setData({ [`drafts.${id}.error`]: fields.answer ?? '' });
      }
      toast('申诉已答复');
      this.load();
    },
    chooseBranch(e: IdTap) {
      this.branchId = e.currentTarget.dataset.id;
      this.setData({ state: 'loading', branches: [] });
      this.load();
    },
    openFile(e: IdTap) {
      wx.navigateTo({ url: urlOf('activistFile', { personId: e.currentTarget.dataset.id }) });
    },
  },
});
