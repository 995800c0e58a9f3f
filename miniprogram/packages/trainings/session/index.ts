/** 添加场次 (organiser): date, start and end time (Beijing time), place and class hours of one session. */
import type { OptionView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';
import { onFieldInput, pickedOption } from '../../../utils/form';

const FIELDS = ['title', 'date', 'start', 'end', 'place', 'hours'] as const;
type Field = (typeof FIELDS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

definePage<{ programId: string; unitId: string }>()({
  data: {
    trainers: [] as OptionView[],
    trainerId: '',
    trainerLabel: '不指定',
    picker: false,
    form: { title: '', date: '', start: '', end: '', place: '', hours: '' } as Record<Field, string>,
    errors: {} as Partial<Record<Field, string>>,
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.programId = query.programId ?? '';
      this.unitId = query.unitId ?? '';
    },
    onShow() {
      this.loadTrainers();
    },
    /** The trainers of the program's unit and the units above it (a new one appears after 新增讲师). */
    async loadTrainers() {
      if (!this.unitId) return;
      const res = await call('trainings.listTrainers', { unitId: this.unitId });
      if (!res.ok) return;
      const trainers = [
        { value: '', label: '不指定' },
        ...res.data.map((t) => ({ value: t.id, label: `${t.name}（${t.kindLabel}）` })),
      ];
      this.setData({ trainers });
    },
    openTrainers() {
      this.setData({ picker: true });
    },
    closePicker() {
      this.setData({ picker: false });
    },
    onTrainer(e: WechatMiniprogram.CustomEvent<{ value: string[]; label: string[] }>) {
      const t = pickedOption(this.data.trainers, e);
      this.setData({ picker: false });
      if (t) this.setData({ trainerId: t.value, trainerLabel: t.label });
    },
    newTrainer() {
      go('trainingTrainer', { unitId: this.unitId });
    },
    onInput: onFieldInput,
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
        ...(this.data.trainerId ? { trainerId: this.data.trainerId } : {}),
      });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ errors: showError(res.error, FIELDS) });
      toast('已添加场次');
      wx.navigateBack();
    },
  },
});
