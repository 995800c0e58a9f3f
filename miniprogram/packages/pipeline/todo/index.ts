/** 发展党员待办: overdue and upcoming items of the cases I answer for (as a branch officer or a contact). */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type TodoVM, toTodoVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    message: '',
    items: [] as TodoVM[],
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const res = await call('pipeline.todo', { days: 30 });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      if (!res.data.length) return this.setData({ state: 'empty', message: '30 天内没有到期的发展党员事项' });
      this.setData({ state: 'ready', items: res.data.map(toTodoVM) });
    },
    openCase(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (id) go('pipelineCase', { caseId: id });
    },
  },
});
