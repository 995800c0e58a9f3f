/**
 * 培训档案: a person's training record — hours against each requirement, attendance and exam scores. Mine (from 我的
 * 学时), or a backbone's as their branch secretary or association's guidance officer opens it (from 报名名单); the
 * server decides who may see whose.
 */
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type RecordVM, toRecordVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ personId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    record: null as RecordVM | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.personId = query.personId ?? '';
      this.load();
    },
    async load() {
      const res = await call('trainings.record', this.personId ? { personId: this.personId } : {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', record: toRecordVM(res.data) });
    },
  },
});
