/**
 * 递交入党申请: the student writes the application and submits it to their own home party branch (the server refuses
 * any other branch, and checks the age on the day of application from the birth date entered once).
 */
import { replace } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { shanghaiToday } from '../../../services/format';
import { applyBranches, type GateAnswerVM, gateAnswerOf, type OptionVM } from '../../../services/pipeline/forms';
import { PIPELINE_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'error';
type Field = 'statement' | 'birthDate';

definePage()({
  data: {
    state: 'loading' as State,
    message: '',
    branchId: '',
    branchName: '',
    branches: [] as OptionVM[],
    name: '',
    statement: '',
    birthDate: '',
    today: '',
    dateVisible: false,
    textMax: PIPELINE_LIMITS.textMax,
    errors: {} as Partial<Record<Field, string>>,
    gate: null as GateAnswerVM | null,
    submitting: false,
    done: false,
  },
  methods: {
    onLoad() {
      this.setData({ today: shanghaiToday() });
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [me, tree] = await Promise.all([call('me.get', {}), call('org.tree', {})]);
      if (!me.ok) return this.setData({ state: 'error', message: errorText(me.error) });
      if (!tree.ok) return this.setData({ state: 'error', message: errorText(tree.error) });
      const person = me.data.person;
      if (!person) return this.setData({ state: 'empty', message: '请先完成实名绑定，再递交入党申请' });
      const branches = applyBranches(me.data.units, tree.data.units, person.collegeId);
      if (!branches.length)
        return this.setData({ state: 'empty', message: '您所在学院还没有学生党支部，请联系学院党务老师' });
      this.setData({
        state: 'ready',
        branches,
        branchId: branches[0].value,
        branchName: branches[0].label,
        name: person.name,
      });
    },
    onBranch(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const b = this.data.branches.find((x) => x.value === e.detail.value);
      if (b) this.setData({ branchId: b.value, branchName: b.label, gate: null });
    },
    onStatement(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ statement: e.detail.value, 'errors.statement': '', gate: null });
    },
    openDate() {
      this.setData({ dateVisible: true });
    },
    closeDate() {
      this.setData({ dateVisible: false });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ birthDate: e.detail.value, dateVisible: false, 'errors.birthDate': '', gate: null });
    },
    async submit() {
      if (this.data.submitting || this.data.done) return;
      this.setData({ submitting: true, gate: null });
      const res = await call('pipeline.apply', {
        branchId: this.data.branchId,
        statement: this.data.statement,
        birthDate: this.data.birthDate || undefined,
        attachments: [],
      });
      this.setData({ submitting: false });
      if (!res.ok) {
        const gate = gateAnswerOf(res.error);
        if (gate) return this.setData({ gate });
        const errors = showError(res.error, ['statement', 'birthDate'] as const, { BIRTH_DATE_FIXED: 'birthDate' });
        return this.setData({ errors });
      }
      this.setData({ done: true });
      toast('入党申请已递交');
      replace('myJourney');
    },
  },
});
