/** 发展档案 (for the branch, the contacts and the committees): a case's stage, next step, gates and records. */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { openAttachment } from '../../../services/pipeline/attachments';
import { type JourneyVM, toJourneyVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ caseId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    journey: null as JourneyVM | null,
    canAct: false,
    /** What the server says the viewer may do besides the steps: the oath form, the filings to acknowledge. */
    mayOath: false,
    filings: [] as { decision: string; text: string }[],
    branchId: '',
    branchName: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.caseId = query.caseId ?? '';
      this.load();
    },
    async load() {
      const res = await call('pipeline.get', { caseId: this.caseId });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      const v = res.data;
      this.setData({
        state: 'ready',
        journey: toJourneyVM(v),
        canAct: v.canAct,
        mayOath: v.may.oath,
        filings: v.may.filing.map((f) => ({ decision: f.decision, text: `确认备案：${f.label}` })),
        branchId: v.branchId,
        branchName: v.branchName,
      });
    },
    onShow() {
      // Back from a form: the case shows what was just recorded.
      if (this.caseId && this.data.state === 'ready') this.load();
    },
    openForm(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { form: string }>) {
      go('pipelineAct', { caseId: this.caseId, form: e.currentTarget.dataset.form });
    },
    openOath() {
      go('pipelineOath', { caseId: this.caseId });
    },
    openFiling(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { decision: string }>) {
      go('pipelineFiling', { caseId: this.caseId, decision: e.currentTarget.dataset.decision });
    },
    openCases() {
      go('pipelineCases', { branchId: this.data.branchId, branchName: this.data.branchName });
    },
    openAttachment(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { fileId: string }>) {
      openAttachment(this.caseId, e.currentTarget.dataset.fileId);
    },
    openDossier() {
      go('pipelineDossier', { caseId: this.caseId });
    },
  },
});
