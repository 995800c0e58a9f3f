/**
 * 实名绑定: name, student number and college; the college's officers approve it. When the college has given the
 * student a binding code (or imported their ID number), the claim must carry it: the field opens on request, or by
 * itself when the server asks for it.
 */
import type { ApiError } from '../../../typings/errors';
import { go } from '../../routes';
import { call } from '../../services/api';
import { errorText, showError, toast } from '../../services/errors';
import { bindingStage } from '../../services/me';
import { collegeOptions, type PickerOption } from '../../services/org';
import { definePage } from '../../utils/define-page';

type State = 'loading' | 'form' | 'submitted' | 'bound' | 'error';
const REQUIRED_FIELDS = ['name', 'studentNo', 'collegeId'] as const;
const FIELDS = [...REQUIRED_FIELDS, 'secondFactor'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Record<Field, string>;

const NO_ERRORS: Errors = { name: '', studentNo: '', collegeId: '', secondFactor: '' };

/** Only emptiness is checked here; the server's schema owns the formats and reports them as BAD_INPUT fields. */
const REQUIRED: Record<(typeof REQUIRED_FIELDS)[number], string> = {
  name: '请输入姓名',
  studentNo: '请输入学号',
  collegeId: '请选择学院',
};

interface ChangeDetail {
  value: string;
}
interface PickerConfirmDetail {
  value: string[];
  label: string[];
}

definePage()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    /** The reason of the last rejection (or revocation), shown above the form when resubmitting. */
    rejectReason: '',
    rejectTitle: '',
    form: { name: '', studentNo: '', collegeId: '', collegeName: '', secondFactor: '' },
    /** The binding-code field: shown on request, or when the server asks for it. */
    factorVisible: false,
    errors: { ...NO_ERRORS },
    colleges: [] as PickerOption[],
    pickerVisible: false,
    submitting: false,
  },
  methods: {
    onLoad() {
      this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [me, tree] = await Promise.all([call('me.get', {}), call('org.tree', {})]);
      if (!me.ok || !tree.ok) {
        const error = (!me.ok ? me.error : !tree.ok ? tree.error : null) as ApiError;
        this.setData({ state: 'error', errorMessage: errorText(error) });
        return;
      }
      const stage = bindingStage(me.data);
      if (stage === 'bound') return this.setData({ state: 'bound' });
      if (stage === 'pending') return this.setData({ state: 'submitted' });
      const revoked = me.data.binding?.state === 'revoked';
      this.setData({
        state: 'form',
        colleges: collegeOptions(tree.data.units),
        rejectReason: stage === 'rejected' ? me.data.binding?.reason || '审核人未填写理由' : '',
        rejectTitle: revoked ? '您的实名绑定已被学院撤销，如需使用请重新申请' : '上次申请未通过，请核对后重新提交',
      });
    },
    onNameChange(e: WechatMiniprogram.CustomEvent<ChangeDetail>) {
      this.setData({ 'form.name': e.detail.value, 'errors.name': '' });
    },
    onStudentNoChange(e: WechatMiniprogram.CustomEvent<ChangeDetail>) {
      this.setData({ 'form.studentNo': e.detail.value, 'errors.studentNo': '' });
    },
    onSecondFactorChange(e: WechatMiniprogram.CustomEvent<ChangeDetail>) {
      this.setData({ 'form.secondFactor': e.detail.value, 'errors.secondFactor': '' });
    },
    showFactor() {
      this.setData({ factorVisible: true });
    },
    openPicker() {
      if (!this.data.colleges.length) {
        toast('暂无可选择的学院，请联系管理员');
        return;
      }
      this.setData({ pickerVisible: true });
    },
    closePicker() {
      this.setData({ pickerVisible: false });
    },
    onCollegeConfirm(e: WechatMiniprogram.CustomEvent<PickerConfirmDetail>) {
      const id = e.detail.value[0] ?? '';
      const college = this.data.colleges.find((c) => c.value === id);
      this.setData({
        pickerVisible: false,
        'form.collegeId': college ? college.value : '',
        'form.collegeName': college ? college.label : '',
        'errors.collegeId': '',
      });
    },
    async submit() {
      if (this.data.submitting) return;
      const { name, studentNo, collegeId, secondFactor } = this.data.form;
      const input = { name: name.trim(), studentNo: studentNo.trim(), collegeId };
      const missing: Errors = { ...NO_ERRORS };
      for (const f of REQUIRED_FIELDS) if (!input[f]) missing[f] = REQUIRED[f];
      if (REQUIRED_FIELDS.some((f) => missing[f])) {
        this.setData({ errors: missing });
        return;
      }
      this.setData({ submitting: true, errors: { ...NO_ERRORS } });
      const factor = this.data.factorVisible ? secondFactor.trim() : '';
      const res = await call('bindings.submit', factor ? { ...input, secondFactor: factor } : input);
      this.setData({ submitting: false });
      if (res.ok) {
        this.setData({ state: 'submitted' });
        return;
      }
      this.onSubmitError(res.error);
    },
    onSubmitError(error: ApiError) {
      switch (error.code) {
        case 'BINDING_PENDING':
          toast(error.message);
          this.setData({ state: 'submitted' });
          return;
        case 'ALREADY_BOUND':
          toast(error.message);
          this.setData({ state: 'bound' });
          return;
        case 'STUDENT_NO_TAKEN':
          toast(error.message);
          this.setData({ 'errors.studentNo': error.message });
          return;
        case 'SECOND_FACTOR_REQUIRED':
        case 'SECOND_FACTOR_INVALID':
        case 'SECOND_FACTOR_LOCKED':
          this.setData({ factorVisible: true, errors: { ...NO_ERRORS, secondFactor: error.message } });
          return;
        default:
          this.setData({ errors: { ...NO_ERRORS, ...showError(error, FIELDS) } });
      }
    },
    backToMe() {
      go('me');
    },
  },
});
