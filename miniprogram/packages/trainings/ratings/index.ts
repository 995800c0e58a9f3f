/** 我的授课评价 (a trainer): the averages trainees gave my sessions and programs; never who, none from under 3. */
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type MyRatingsVM, toMyRatingsVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    ratings: null as MyRatingsVM | null,
  },
  methods: {
    onLoad() {
      this.load();
    },
    async load() {
      const res = await call('trainings.myRatings', {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', ratings: toMyRatingsVM(res.data) });
    },
  },
});
