/** 发展党员待办: overdue and upcoming items of the cases I answer for (as a branch officer or a contact). */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type TodoVM, toTodoVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';
import { askReminder, loadReminder, type RemindVM } from '../../../utils/reminder';

type State = 'loading' | 'ready' | 'empty' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as TodoVM[],
    branches: [] as { id: string; name: string }[],
    /** The reminder template to ask for, and the reminders the consents given so far still allow. */
    remind: null as RemindVM | null,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const [res, remind] = await Promise.all([call('pipeline.todo', { days: 30 }), loadReminder()]);
      // Without the reminder status the list still works: it is the reminder then.
      this.setData({ remind });
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
    /** Asked at the moment the person taps (utils/reminder.ts): one acceptance, one reminder. */
    remindMe() {
      askReminder(this.data.remind, (remind) => this.setData({ remind }));
    },
    openCases(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; name: string }>,
    ) {
      const { id, name } = e.currentTarget.dataset;
      if (id) go('pipelineCases', { branchId: id, branchName: name });
    },
  },
});
