/** 添加场次 (organiser): date, start and end time (Beijing time), place and class hours of one session. */
import { call } from '../../../services/api';
import { showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';

const FIELDS = ['title', 'date', 'start', 'end', 'place', 'hours'] as const;
type Field = (typeof FIELDS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

definePage<{ programId: string }>()({
  data: {
    form: { title: '', date: '', start: '', end: '', place: '', hours: '' } as Record<Field, string>,
    errors: {} as Partial<Record<Field, string>>,
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.programId = query.programId ?? '';
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: Field }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },
    async save() {
      if (this.data.saving) return;
      const f = this.data.form;
      const errors: Partial<Record<Field, string>> = {};
      if (!DATE.test(f.date)) errors.date = '日期格式应为 2026-10-10';
      if (!TIME.test(f.start)) errors.start = '时间格式应为 09:00';
      if (!TIME.test(f.end)) errors.end = '时间格式应为 11:00';
      if (!/^\d+(\.5)?$/.test(f.hours)) errors.hours = '学时为整数或半学时，如 2 或 1.5';
      if (Object.keys(errors).length) return this.setData({ errors });
      this.setData({ saving: true });
      const res = await call('trainings.addSession', {
        programId: this.programId,
        title: f.title,
        start: `${f.date}T${f.start}:00+08:00`,
        end: `${f.date}T${f.end}:00+08:00`,
        place: f.place,
        hours: Number(f.hours),
      });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ errors: showError(res.error, FIELDS) });
      toast('已添加场次');
      wx.navigateBack();
    },
  },
});
