/** 考试 (trainee): the paper without its key, one submission before the deadline, scored on the server. */
import type { ExamView } from '../../../../typings/actions';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { choose, type ExamVM, toExamVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';
type Tap = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  { qid: string; index: number; multiple: boolean }
>;

definePage<{ programId: string; view: ExamView | null; chosen: Record<string, number[]> }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    exam: null as ExamVM | null,
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.programId = query.programId ?? '';
      this.view = null;
      this.chosen = {};
      this.load();
    },
    async load() {
      const res = await call('trainings.exam', { programId: this.programId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.view = res.data;
      this.setData({ state: 'ready', exam: toExamVM(res.data, this.chosen) });
    },
    pick(e: Tap) {
      if (!this.view) return;
      const { qid, index, multiple } = e.currentTarget.dataset;
      this.chosen = choose(this.chosen, qid, Number(index), Boolean(multiple));
      this.setData({ exam: toExamVM(this.view, this.chosen) });
    },
    async submit() {
      if (this.data.submitting || !this.view) return;
      this.setData({ submitting: true });
      const answers = Object.entries(this.chosen)
        .filter(([, choice]) => choice.length > 0)
        .map(([questionId, choice]) => ({ questionId, choice }));
      const res = await call('trainings.submitExam', { programId: this.programId, answers });
      this.setData({ submitting: false });
      if (!res.ok) return toast(errorText(res.error));
      await this.load();
    },
  },
});
