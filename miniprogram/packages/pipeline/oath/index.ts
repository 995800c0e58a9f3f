/**
 * 记录入党宣誓 (for the home branch's officers, reached from the case page when the server says the oath may be
 * recorded): the day, the place, who led the oath. The server checks the order (after the committee's approval,
 * before the branch meeting on conversion) and the date; a refusal is shown whole on the form, and nothing was written.
 */
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { shanghaiToday } from '../../../services/format';
import { type SubjectVM, subjectOf } from '../../../services/pipeline/forms';
import { definePage } from '../../../utils/define-page';
import { askReminder, loadReminder, type RemindVM } from '../../../utils/reminder';

type State = 'loading' | 'ready' | 'error';
type Field = 'on' | 'place' | 'leaderName' | 'attachments';
const FIELDS: readonly Field[] = ['on', 'place', 'leaderName', 'attachments'];

definePage<{ caseId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    subject: null as SubjectVM | null,
    caseId: '',
    /** The uploaded attachments (the oath record's photo or sign-in sheet), and whether an upload is under way. */
    attachments: [] as string[],
    uploading: false,
    on: '',
    place: '',
    leaderName: '',
    today: '',
    dateVisible: false,
    errors: {} as Partial<Record<Field, string>>,
    /** The server's refusal that is about no field (the order of the steps): shown on the form. */
    refusal: '',
    submitting: false,
    done: false,
    remind: null as RemindVM | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.caseId = query.caseId ?? '';
      const today = shanghaiToday();
      this.setData({ today, on: today, caseId: this.caseId });
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [res, remind] = await Promise.all([call('pipeline.get', { caseId: this.caseId }), loadReminder()]);
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      this.setData({ state: 'ready', subject: subjectOf(res.data), remind });
    },
    onText(
      e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: 'place' | 'leaderName' }>,
    ) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [field]: e.detail.value, [`errors.${field}`]: '', refusal: '' });
    },
    onAttachments(e: WechatMiniprogram.CustomEvent<{ fileIds: string[]; uploading: boolean }>) {
      this.setData({
        attachments: e.detail.fileIds,
        uploading: e.detail.uploading,
        'errors.attachments': '',
        refusal: '',
      });
    },
    openDate() {
      this.setData({ dateVisible: true });
    },
    closeDate() {
      this.setData({ dateVisible: false });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ on: e.detail.value, dateVisible: false, 'errors.on': '', refusal: '' });
    },
    async submit() {
      if (this.data.submitting || this.data.done) return;
      if (this.data.uploading) return toast('附件正在上传，请稍候');
      // At the tap, before the call: WeChat shows its consent sheet only from a tap (one consent, one reminder).
      askReminder(this.data.remind, (remind) => this.setData({ remind }), { quiet: true });
      this.setData({ submitting: true, refusal: '' });
      const res = await call('pipeline.recordOath', {
        caseId: this.caseId,
        on: this.data.on,
        place: this.data.place,
        leaderName: this.data.leaderName,
        attachments: this.data.attachments,
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        if (res.error.code === 'STEP_OUT_OF_ORDER' || res.error.code === 'OATH_RECORDED') {
          return this.setData({ refusal: res.error.message });
        }
        const errors = showError(res.error, FIELDS, { RECORD_BACKDATED: 'on', RECORD_IN_FUTURE: 'on' });
        return this.setData({ errors });
      }
      this.setData({ done: true });
      toast('入党宣誓已记录');
      wx.navigateBack({ delta: 1 });
    },
  },
});
