/**
 * 审阅思想汇报 (the cultivation contact): the activist's reports waiting for review, each marked 优/良/中/差 with a
 * comment the activist reads. Which reports may be reviewed, and by whom, is the server's answer (mayReview).
 */

import { type ReportVM, toReportVM } from '../../../services/activists';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { ACTIVIST_LIMITS, REPORT_MARK_LABELS, REPORT_MARKS, type ReportMark } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';
type MarkTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string; mark: ReportMark }>;
type IdTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>;

interface Draft {
  mark: ReportMark | '';
  comment: string;
  error: string;
}

definePage<{ personId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    name: '',
    reports: [] as ReportVM[],
    drafts: {} as Record<string, Draft>,
    marks: REPORT_MARKS.map((m) => ({ value: m, label: REPORT_MARK_LABELS[m] })),
    commentMax: ACTIVIST_LIMITS.commentMax,
    submitting: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.personId = query.personId ?? '';
      this.load();
    },
    async load() {
      if (!this.personId) return this.setData({ state: 'error', message: '缺少积极分子，请从档案页进入' });
      const res = await call('activists.file', { personId: this.personId });
      if (!res.ok) {
        if (res.error.code === 'OUT_OF_SCOPE')
          return this.setData({ state: 'forbidden', message: '您不是该积极分子的培养联系人' });
        return this.setData({ state: 'error', message: errorText(res.error) });
      }
      const waiting = res.data.reports.filter((r) => r.mayReview).map(toReportVM);
      if (!waiting.length) {
        return this.setData({ state: 'empty', message: `${res.data.name}的思想汇报都已审阅`, name: res.data.name });
      }
      const drafts: Record<string, Draft> = {};
      for (const r of waiting) drafts[r.id] = { mark: '', comment: '', error: '' };
      this.setData({ state: 'ready', name: res.data.name, reports: waiting, drafts });
    },
    chooseMark(e: MarkTap) {
      const { id, mark } = e.currentTarget.dataset;
      this.setData({ [`drafts.${id}.mark`]: mark, [`drafts.${id}.error`]: '' });
    },
    onCommentChange(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      this.setData({ [`drafts.${id}.comment`]: e.detail.value });
    },
    async submit(e: IdTap) {
      const id = e.currentTarget.dataset.id;
      const draft = this.data.drafts[id];
      if (!draft) return;
      if (!draft.mark) return this.setData({ [`drafts.${id}.error`]: '请评定质量' });
      this.setData({ submitting: id });
      const res = await call('activists.reviewReport', { reportId: id, mark: draft.mark, comment: draft.comment });
      this.setData({ submitting: '' });
      if (!res.ok) {
        const fields = showError(res.error, ['comment'] as const, { CONTENT_REJECTED: 'comment' });
        return this.setData({ [`drafts.${id}.error`]: fields.comment ?? '' });
      }
      toast('审阅已记录');
      this.load();
    },
  },
});
