/**
 * 表决规则设置 (the party and League committees, the school administrator): the thresholds each kind of vote runs
 * under at this school — the national default, and the school's own where it is stricter (A0: settings
 * that vary by school are parameters with the national default). A change applies to votes created afterwards.
 */
import type { RuleSettingView } from '../../../../typings/actions/votes';
import type { ApiError } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import {
  overridesFromForm,
  type RuleFormVM,
  type RuleSettingVM,
  type ShareOption,
  toRuleFormVM,
  toRuleSettingVM,
} from '../../../services/votes/settings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'forbidden' | 'error';
type Picker = '' | 'quorum' | 'pass';

const labelOf = (options: ShareOption[], value: string) => options.find((o) => o.value === value)?.label ?? value;

definePage<{ settings: RuleSettingView[] }>()({
  data: {
    state: 'loading' as State,
    message: '',
    kinds: [] as RuleSettingVM[],
    updatedText: '',
    form: null as RuleFormVM | null,
    quorumLabel: '',
    passLabel: '',
    picker: '' as Picker,
    errors: { quorum: '', pass: '', quota: '' },
    saving: false,
  },
  methods: {
    onLoad() {
      this.settings = [];
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await call('votes.ruleSettings', {});
      if (!res.ok) return this.onError(res.error);
      this.settings = res.data.kinds;
      this.setData({
        state: 'ready',
        kinds: res.data.kinds.map(toRuleSettingVM),
        updatedText: res.data.updatedAt
          ? `最近由 ${res.data.updatedBy ?? ''} 修改于 ${res.data.updatedAt.slice(0, 10)}`
          : '本校尚未修改，全部执行全国默认标准',
      });
    },
    onError(error: ApiError) {
      if (error.code === 'FORBIDDEN' || error.code === 'NOT_BOUND') {
        const message = error.code === 'NOT_BOUND' ? error.message : '您没有查看表决规则设置的权限';
        this.setData({ state: 'forbidden', message });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
    },
    edit(e: WechatMiniprogram.TouchEvent<Record<string, never>, { kind: string }>) {
      const s = this.settings.find((k) => k.kind === e.currentTarget.dataset.kind);
      if (!s) return;
      const form = toRuleFormVM(s);
      this.setData({
        form,
        quorumLabel: labelOf(form.quorumOptions, form.quorum),
        passLabel: labelOf(form.passOptions, form.pass),
        errors: { quorum: '', pass: '', quota: '' },
      });
    },
    closeForm() {
      this.setData({ form: null, picker: '' });
    },
    openPicker(e: WechatMiniprogram.TouchEvent<Record<string, never>, { picker: Picker }>) {
      this.setData({ picker: e.currentTarget.dataset.picker });
    },
    closePicker() {
      this.setData({ picker: '' });
    },
    onPicked(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const form = this.data.form;
      const which = this.data.picker;
      if (!form || !which) return;
      const value = e.detail.value[0];
      const options = which === 'quorum' ? form.quorumOptions : form.passOptions;
      this.setData({
        picker: '',
        [`form.${which}`]: value,
        [`${which}Label`]: labelOf(options, value),
        [`errors.${which}`]: '',
      });
    },
    onQuota(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.quotaPercent': e.detail.value, 'errors.quota': '' });
    },
    async save() {
      const form = this.data.form;
      const s = this.settings.find((k) => k.kind === form?.kind);
      if (!form || !s || this.data.saving) return;
      const p = form.quotaPercent.trim();
      if (p && !/^([1-9]\d?|100)$/.test(p)) {
        this.setData({ 'errors.quota': '请填写 1 到 100 之间的整数，留空则执行全国默认' });
        return;
      }
      await this.submit(form.kind, overridesFromForm(form, s));
    },
    async restore() {
      const form = this.data.form;
      if (form) await this.submit(form.kind, {});
    },
    async submit(kind: RuleSettingView['kind'], overrides: RuleSettingView['overrides']) {
      this.setData({ saving: true });
      const res = await call('votes.setRuleSettings', { kind, overrides });
      this.setData({ saving: false });
      if (res.ok) {
        toast('已保存，此后发起的表决按新标准执行');
        this.setData({ form: null });
        this.load();
        return;
      }
      const fields = showError(res.error, ['overrides'] as const);
      const raw = res.error.fields ?? {};
      // The server names the parameter (quorum, pass, recommendQuota ...) with the rule it would loosen.
      this.setData({
        'errors.quorum': raw.quorum ?? '',
        'errors.pass': raw.pass ?? '',
        'errors.quota': raw.recommendQuota ?? raw.excellentQuota ?? fields.overrides ?? '',
      });
    },
  },
});
