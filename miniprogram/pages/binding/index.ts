/** 实名绑定: name, student number and college; the college's officers approve it. */
import type { ApiError } from '../../../typings/errors';
import { call } from '../../services/api';
import { errorText, showError, toast } from '../../services/errors';
import { bindingStage } from '../../services/me';
import { collegeOptions, type PickerOption } from '../../services/org';
import { go } from '../../routes';
import { definePage } from '../../utils/define-page';

type State = 'loading' | 'form' | 'submitted' | 'bound' | 'error';
const FIELDS = ['name', 'studentNo', 'collegeId'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Record<Field, string>;

const NO_ERRORS: Errors = { name: '', studentNo: '', collegeId: '' };

/** Only emptiness is checked here; the server's schema owns the formats and reports them as BAD_INPUT fields. */
const REQUIRED: Errors = { name: '请输入姓名', studentNo: '请输入学号', collegeId: '请选择学院' };

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
    /** The reason of the last rejection, shown above the form when resubmitting. */
    rejectReason: '',
    form: { name: '', studentNo: '', collegeId: '', collegeName: '' },
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
      this.setData({
        state: 'form',
        colleges: collegeOptions(tree.data.units),
        rejectReason: stage === 'rejected' ? me.data.binding?.reason || '审核人未填写理由' : '',
      });
    },
    onNameChange(e: WechatMiniprogram.CustomEvent<ChangeDetail>) {
      this.setData({ 'form.name': e.detail.value, 'errors.name': '' });
    },
    onStudentNoChange(e: WechatMiniprogram.CustomEvent<ChangeDetail>) {
      this.setData({ 'form.studentNo': e.detail.value, 'errors.studentNo': '' });
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
      const { name, studentNo, collegeId } = this.data.form;
      const input = { name: name.trim(), studentNo: studentNo.trim(), collegeId };
      const missing: Errors = { ...NO_ERRORS };
      for (const f of FIELDS) if (!input[f]) missing[f] = REQUIRED[f];
      if (FIELDS.some((f) => missing[f])) {
        this.setData({ errors: missing });
        return;
      }
      this.setData({ submitting: true, errors: { ...NO_ERRORS } });
      const res = await call('bindings.submit', input);
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
        default:
          this.setData({ errors: { ...NO_ERRORS, ...showError(error, FIELDS) } });
      }
    },
    backToMe() {
      go('me');
    },
  },
});
