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
    branches: [] as { id: string; name: string }[],
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const res = await call('pipeline.todo', { days: 30 });
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
    openCases(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; name: string }>,
    ) {
      const { id, name } = e.currentTarget.dataset;
      if (id) go('pipelineCases', { branchId: id, branchName: name });
    },
  },
});
