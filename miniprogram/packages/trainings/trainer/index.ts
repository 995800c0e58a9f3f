/** 新增讲师 (organiser): a full-time, part-time or outside trainer of the unit's training team, with a profile. */
import type { OptionView } from '../../../../typings/actions';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { definePage } from '../../../utils/define-page';
import { onFieldInput, pickedOption } from '../../../utils/form';

type State = 'loading' | 'form' | 'error';
const FIELDS = ['name', 'kind', 'profile'] as const;
type Field = (typeof FIELDS)[number];

definePage<{ unitId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    kinds: [] as OptionView[],
    form: { name: '', kind: '', profile: '' } as Record<Field, string>,
    kindLabel: '',
    errors: {} as Partial<Record<Field, string>>,
    picker: false,
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.unitId = query.unitId ?? '';
      this.load();
    },
    async load() {
      const res = await call('trainings.createOptions', {});
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'form', kinds: res.data.trainerKinds });
    },
    openKinds() {
      this.setData({ picker: true });
    },
    closePicker() {
      this.setData({ picker: false });
    },
    onKind(e: WechatMiniprogram.CustomEvent<{ value: string[]; label: string[] }>) {
      const k = pickedOption(this.data.kinds, e);
      this.setData({ picker: false });
      if (k) this.setData({ 'form.kind': k.value, kindLabel: k.label, 'errors.kind': '' });
    },
    onInput: onFieldInput,
    async save() {
      if (this.data.saving) return;
      const f = this.data.form;
      if (!f.kind) return this.setData({ 'errors.kind': '请选择讲师类型' });
      this.setData({ saving: true });
      const res = await call('trainings.createTrainer', {
        unitId: this.unitId,
        name: f.name,
        kind: f.kind as never,
        profile: f.profile,
      });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ errors: showError(res.error, FIELDS) });
      toast('已添加讲师');
      wx.navigateBack();
    },
  },
});
