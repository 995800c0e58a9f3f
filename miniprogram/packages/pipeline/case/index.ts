/** 发展档案 (for the branch, the contacts and the committees): a case's stage, next step, gates and records. */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type JourneyVM, toJourneyVM } from '../../../services/pipeline/journey';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ caseId: string }>()({
  data: {
    state: 'loading' as State,
    message: '',
    journey: null as JourneyVM | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.caseId = query.caseId ?? '';
      this.load();
    },
    async load() {
      const res = await call('pipeline.get', { caseId: this.caseId });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      this.setData({ state: 'ready', journey: toJourneyVM(res.data) });
    },
    openDossier() {
      go('pipelineDossier', { caseId: this.caseId });
    },
  },
});
