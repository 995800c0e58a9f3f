/**
 * 确认备案 (for a committee above the branch): one branch decision whose filing the server says waits for this
 * committee (the case view's `may.filing`), acknowledged with an optional note. A refusal (already acknowledged, not
 * filed under the case's version) is shown on the page, and nothing was written.
 */
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { formatChineseDate } from '../../../services/format';
import { type SubjectVM, subjectOf } from '../../../services/pipeline/forms';
import { PIPELINE_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';
type Decision = 'activist' | 'candidate';

definePage<{ caseId: string; decision: Decision }>()({
  data: {
    state: 'loading' as State,
    message: '',
    subject: null as SubjectVM | null,
    what: '',
    note: '',
    noteMax: PIPELINE_LIMITS.reasonMax,
    errors: {} as { note?: string },
    refusal: '',
    submitting: false,
    done: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.caseId = query.caseId ?? '';
      this.decision = query.decision === 'candidate' ? 'candidate' : 'activist';
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('pipeline.get', { caseId: this.caseId });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      const filing = res.data.may.filing.find((f) => f.decision === this.decision);
      if (!filing) return this.setData({ state: 'empty', message: '该决定无需您确认备案，或已确认' });
      this.setData({
        state: 'ready',
        subject: subjectOf(res.data),
        what: `${filing.label}：支部于${formatChineseDate(filing.decidedOn)}作出决定`,
      });
    },
    onNote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ note: e.detail.value, 'errors.note': '', refusal: '' });
    },
    async submit() {
      if (this.data.submitting || this.data.done) return;
      this.setData({ submitting: true, refusal: '' });
      const note = this.data.note.trim();
      const res = await call('pipeline.acknowledgeFiling', {
        caseId: this.caseId,
        decision: this.decision,
        ...(note ? { note } : {}),
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'FILING_ACKNOWLEDGED' || code === 'FILING_NOT_REQUIRED' || code === 'STEP_OUT_OF_ORDER') {
          return this.setData({ refusal: res.error.message });
        }
        return this.setData({ errors: showError(res.error, ['note'] as const, { CONTENT_REJECTED: 'note' }) });
      }
      this.setData({ done: true });
      toast('已确认备案');
      wx.navigateBack({ delta: 1 });
    },
  },
});
