/**
 * 考试设置 (organiser): an online paper (single, multiple, true/false; the key stays on the server) or an offline exam
 * whose scores are entered later, with the pass mark and the deadline. The server checks the paper (EXAM_MALFORMED).
 */
import type { OptionView } from '../../../../typings/actions';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { onProgramLoad, type QuestionDraft, toQuestions } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'form' | 'error';
type Field = 'passMark' | 'deadline' | 'offlineTotal';
type IndexEvent<D extends WechatMiniprogram.IAnyObject = Record<string, never>> = WechatMiniprogram.CustomEvent<
  D,
  Record<string, never>,
  { index: number; field: keyof QuestionDraft }
>;

const DEADLINE = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)$/;

definePage<{ programId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    offline: false,
    kinds: [] as OptionView[],
    passMark: '',
    deadline: '',
    offlineTotal: '100',
    questions: [] as QuestionDraft[],
    kindFor: -1,
    error: '',
    saving: false,
  },
  methods: {
    onLoad: onProgramLoad,
    async load() {
      const res = await call('trainings.createOptions', {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'form', kinds: res.data.questionKinds });
      if (this.data.questions.length === 0) this.addQuestion();
    },
    setOffline(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { offline: string }>) {
      this.setData({ offline: e.currentTarget.dataset.offline === 'yes', error: '' });
    },
    onField(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: Field }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, error: '' });
    },
    addQuestion() {
      const single = this.data.kinds.find((k) => k.value === 'single');
      const draft: QuestionDraft = {
        kind: 'single',
        kindLabel: single?.label ?? '',
        text: '',
        options: '',
        answer: '',
        points: '10',
      };
      this.setData({ questions: [...this.data.questions, draft] });
    },
    removeQuestion(e: IndexEvent) {
      this.setData({ questions: this.data.questions.filter((_, i) => i !== Number(e.currentTarget.dataset.index)) });
    },
    onQuestion(e: IndexEvent<{ value: string }>) {
      const { index, field } = e.currentTarget.dataset;
      this.setData({ [`questions[${index}].${field}`]: e.detail.value, error: '' });
    },
    openKind(e: IndexEvent) {
      this.setData({ kindFor: Number(e.currentTarget.dataset.index) });
    },
    closeKind() {
      this.setData({ kindFor: -1 });
    },
    onKind(e: WechatMiniprogram.CustomEvent<{ value: string[]; label: string[] }>) {
      const i = this.data.kindFor;
      const k = this.data.kinds.find((x) => x.value === e.detail.value[0]);
      this.setData({ kindFor: -1 });
      if (k && i >= 0) this.setData({ [`questions[${i}].kind`]: k.value, [`questions[${i}].kindLabel`]: k.label });
    },
    async save() {
      if (this.data.saving) return;
      const d = this.data;
      const m = DEADLINE.exec(d.deadline.trim());
      if (!m) return this.setData({ error: '截止时间格式应为 2026-10-13 18:00' });
      if (!/^\d+$/.test(d.passMark)) return this.setData({ error: '请填写及格分（整数）' });
      const deadline = `${m[1]}T${m[2]}:${m[3]}:00+08:00`;
      let input: Parameters<typeof call<'trainings.setExam'>>[1];
      if (d.offline) {
        if (!/^\d+$/.test(d.offlineTotal)) return this.setData({ error: '请填写满分（整数）' });
        input = {
          programId: this.programId,
          passMark: Number(d.passMark),
          deadline,
          offline: true,
          offlineTotal: Number(d.offlineTotal),
        };
      } else {
        const q = toQuestions(d.questions);
        if (!q.ok) return this.setData({ error: q.message });
        input = { programId: this.programId, passMark: Number(d.passMark), deadline, questions: q.questions };
      }
      this.setData({ saving: true });
      const res = await call('trainings.setExam', input);
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ error: errorText(res.error) });
      toast(d.offline ? '已设置线下考试' : `已保存试卷：${res.data.questions} 题，满分 ${res.data.total}`);
      wx.navigateBack();
    },
  },
});
