/** 写思想汇报: the activist writes a report for the contact to review; the server checks the content and who may write. */
import { call } from '../../../services/api';
import { showError, toast } from '../../../services/errors';
import { ACTIVIST_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type Field = 'title' | 'text';

definePage()({
  data: {
    title: '',
    text: '',
    errors: {} as Partial<Record<Field, string>>,
    submitting: false,
    done: false,
    titleMax: ACTIVIST_LIMITS.reportTitleMax,
    textMax: ACTIVIST_LIMITS.reportTextMax,
    hint: `正文不少于 ${ACTIVIST_LIMITS.reportTextMin} 字，提交后由培养联系人审阅并评定质量。`,
  },
  methods: {
    onTitleChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ title: e.detail.value, 'errors.title': '' });
    },
    onTextChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, 'errors.text': '' });
    },
    async submit() {
      if (this.data.submitting) return;
      this.setData({ submitting: true });
      const res = await call('activists.submitReport', { title: this.data.title, text: this.data.text });
      this.setData({ submitting: false });
      if (!res.ok) {
        const errors = showError(res.error, ['title', 'text'] as const, { CONTENT_REJECTED: 'text' });
        return this.setData({ errors });
      }
      this.setData({ done: true });
      toast('已提交，等待培养联系人审阅');
      wx.navigateBack({ delta: 1 });
    },
  },
});
