/**
 * 发起培训项目 (organiser): the unit, level and category from the server's options, the term, seats, waitlist places,
 * how people get in and how hours are counted. The server checks everything again; its field messages show in place.
 */
import type { CreateOptionsView, OptionView } from '../../../../typings/actions';
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';
import { onFieldInput, pickedOption } from '../../../utils/form';

type State = 'loading' | 'form' | 'error';
type PickerName = 'unitId' | 'level' | 'category' | 'admission' | 'hoursMode';
const FIELDS = ['unitId', 'title', 'level', 'category', 'term', 'capacity', 'waitlistLimit', 'admission'] as const;
type Field = (typeof FIELDS)[number];

const PICKER_OPTIONS: Record<PickerName, keyof CreateOptionsView> = {
  unitId: 'units',
  level: 'levels',
  category: 'categories',
  admission: 'admissions',
  hoursMode: 'hoursModes',
};

definePage()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    options: null as CreateOptionsView | null,
    form: {
      unitId: '',
      title: '',
      level: '',
      category: '',
      term: '',
      capacity: '',
      waitlistLimit: '0',
      admission: 'open',
      hoursMode: 'session',
    } as Record<string, string>,
    labels: { unitId: '', level: '', category: '', admission: '', hoursMode: '' } as Record<string, string>,
    errors: {} as Partial<Record<Field, string>>,
    picker: '' as PickerName | '',
    pickerOptions: [] as OptionView[],
    saving: false,
  },
  methods: {
    onLoad() {
      this.load();
    },
    async load() {
      const res = await call('trainings.createOptions', {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const o = res.data;
      const label = (list: OptionView[], v: string) => list.find((x) => x.value === v)?.label ?? '';
      this.setData({
        state: 'form',
        options: o,
        'form.unitId': o.units.length === 1 ? o.units[0].value : '',
        'labels.unitId': o.units.length === 1 ? o.units[0].label : '',
        'labels.admission': label(o.admissions, 'open'),
        'labels.hoursMode': label(o.hoursModes, 'session'),
      });
    },
    openPicker(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { picker: PickerName }>) {
      const picker = e.currentTarget.dataset.picker;
      const options = this.data.options?.[PICKER_OPTIONS[picker]] ?? [];
      this.setData({ picker, pickerOptions: options });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    onPick(e: WechatMiniprogram.CustomEvent<{ value: string[]; label: string[] }>) {
      const name = this.data.picker;
      if (!name) return;
      const chosen = pickedOption(this.data.pickerOptions, e);
      this.setData({ picker: '' });
      if (chosen)
        this.setData({ [`form.${name}`]: chosen.value, [`labels.${name}`]: chosen.label, [`errors.${name}`]: '' });
    },
    onInput: onFieldInput,
    async save() {
      if (this.data.saving) return;
      const f = this.data.form;
      const errors: Partial<Record<Field, string>> = {};
      if (!f.unitId) errors.unitId = '请选择组织单位';
      if (!f.level) errors.level = '请选择培训层级';
      if (!f.category) errors.category = '请选择培训类别';
      if (!/^\d+$/.test(f.capacity)) errors.capacity = '请填写名额（整数）';
      if (!/^\d+$/.test(f.waitlistLimit)) errors.waitlistLimit = '请填写候补名额（整数，可为 0）';
      if (Object.keys(errors).length) return this.setData({ errors });
      this.setData({ saving: true });
      const res = await call('trainings.createProgram', {
        unitId: f.unitId,
        title: f.title,
        level: f.level as never,
        category: f.category as never,
        term: f.term,
        capacity: Number(f.capacity),
        waitlistLimit: Number(f.waitlistLimit),
        admission: f.admission as never,
        hoursMode: f.hoursMode as never,
      });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ errors: showError(res.error, FIELDS) });
      replace('trainingProgram', { id: res.data.programId });
    },
  },
});
