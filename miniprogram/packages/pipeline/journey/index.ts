/** 我的入党历程: my stage, the next step and its due day, what is still missing, and every record so far. */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type JourneyVM, toJourneyVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    message: '',
    journey: null as JourneyVM | null,
  },
  methods: {
    onShow() {
      this.load();
    },
    onAction() {
      if (this.data.state === 'empty') go('pipelineApply');
      else this.load();
    },
    /** The server says the application was made under 18 (a corrected birth date): the person applies again. */
    reapply() {
      go('pipelineApply');
    },
    async load() {
      const res = await call('pipeline.mine', {});
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      if (!res.data) return this.setData({ state: 'empty', message: '您还没有递交入党申请' });
      this.setData({ state: 'ready', journey: toJourneyVM(res.data) });
    },
  },
});
