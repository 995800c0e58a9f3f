/**
 * 发展档案全卷 (the person, the home branch's officers, the committees): every record of the journey in order with
 * the resolutions and the 公示 of its steps, who was responsible, and the paper forms generated as Word documents,
 * downloaded and opened in WeChat's document viewer.
 */
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { openAttachment } from '../../../services/pipeline/attachments';
import { type DossierVM, openForm, toDossierVM } from '../../../services/pipeline/dossier';
import type { DossierForm } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ caseId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    dossier: null as DossierVM | null,
    /** The form being generated, or ''. */
    making: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.caseId = query.caseId ?? '';
      this.load();
    },
    async load() {
      const res = await call('pipeline.dossier', { caseId: this.caseId });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      this.setData({ state: 'ready', dossier: toDossierVM(res.data) });
    },
    openAttachment(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { fileId: string }>) {
      openAttachment(this.caseId, e.currentTarget.dataset.fileId);
    },
    async makeForm(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { form: string }>) {
      const form = e.currentTarget.dataset.form as DossierForm;
      const option = this.data.dossier?.forms.find((f) => f.form === form);
      if (!option || this.data.making) return;
      if (!option.ready) return toast(option.hint);
      this.setData({ making: form });
      const res = await call('pipeline.dossierForm', { caseId: this.caseId, form });
      if (!res.ok) {
        this.setData({ making: '' });
        return toast(errorText(res.error));
      }
      const opened = await openForm(res.data.url);
      this.setData({ making: '' });
      if (!opened) toast('表格已生成，但未能打开，请稍后重试');
    },
  },
});
