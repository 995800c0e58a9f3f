/** 我的学时: each requirement that applies to me, how far I am, and the sessions that count (all from the server). */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type HoursLineVM, toHoursVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    lines: [] as HoursLineVM[],
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const res = await call('trainings.myHours', {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', lines: toHoursVM(res.data).lines });
    },
    openRecord() {
      go('trainingRecord');
    },
  },
});
