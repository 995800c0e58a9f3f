/** 录入成绩 (organiser): offline exam scores for the enrolled, recorded (and audited) on the server. */
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { onProgramLoad } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ programId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    rows: [] as { personId: string; name: string; score: string }[],
    error: '',
    saving: false,
  },
  methods: {
    onLoad: onProgramLoad,
    async load() {
      const res = await call('trainings.enrolment', { programId: this.programId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({
        state: 'ready',
        rows: res.data.enrolled.map((r) => ({ personId: r.personId, name: r.name, score: '' })),
      });
    },
    onScore(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index: number }>) {
      this.setData({ [`rows[${e.currentTarget.dataset.index}].score`]: e.detail.value, error: '' });
    },
    async save() {
      if (this.data.saving) return;
      const filled = this.data.rows.filter((r) => r.score.trim() !== '');
      if (filled.length === 0) return this.setData({ error: '请至少填写一人的成绩' });
      const bad = filled.find((r) => !/^\d+(\.\d)?$/.test(r.score.trim()));
      if (bad) return this.setData({ error: `${bad.name}的成绩应为数字` });
      this.setData({ saving: true });
      const res = await call('trainings.recordScores', {
        programId: this.programId,
        scores: filled.map((r) => ({ personId: r.personId, score: Number(r.score) })),
      });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ error: errorText(res.error) });
      toast(`已录入 ${res.data.recorded} 人的成绩`);
      wx.navigateBack();
    },
  },
});
