/** 发展党员待办: overdue and upcoming items of the cases I answer for (as a branch officer or a contact). */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { type TodoVM, toRemindVM, toTodoVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as TodoVM[],
    branches: [] as { id: string; name: string }[],
    /** The reminder template to ask for, and the reminders the consents given so far still allow. */
    remind: null as { templateId: string; text: string } | null,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const [res, remind] = await Promise.all([
        call('pipeline.todo', { days: 30 }),
        call('pipeline.reminderStatus', {}),
      ]);
      // Without the reminder status the list still works: it is the reminder then.
      this.setData({ remind: remind.ok ? toRemindVM(remind.data) : null });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      if (!res.data.length) return this.setData({ state: 'empty', message: '30 天内没有到期的发展党员事项' });
      // The branches I run business for: their whole case list is one tap away.
      const branches = new Map<string, string>();
      for (const t of res.data) if (t.role === 'officer') branches.set(t.branchId, t.branchName);
      this.setData({
        state: 'ready',
        items: res.data.map(toTodoVM),
        branches: [...branches].map(([id, name]) => ({ id, name })),
      });
    },
    openCase(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('pipelineCase', { caseId: id });
    },
    /**
     * Asked at the moment the person taps: WeChat shows its consent sheet, and each acceptance lets the server send one
     * reminder (one consent, one message). A refusal changes nothing: the list stays the reminder.
     */
    remindMe() {
      const remind = this.data.remind;
      if (!remind) return;
      wx.requestSubscribeMessage({
        tmplIds: [remind.templateId],
        success: async (res: WechatMiniprogram.IAnyObject) => {
          if (res[remind.templateId] !== 'accept') return;
          const r = await call('pipeline.acceptReminder', { templateId: remind.templateId });
          if (!r.ok) return toast(errorText(r.error));
          this.setData({ remind: toRemindVM(r.data) });
          toast('到期前将以微信消息提醒您一次');
        },
      });
    },
    openCases(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; name: string }>,
    ) {
      const { id, name } = e.currentTarget.dataset;
      if (id) go('pipelineCases', { branchId: id, branchName: name });
    },
  },
});
