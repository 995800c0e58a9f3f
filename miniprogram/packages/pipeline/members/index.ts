/**
 * 留党察看与出生日期 (for the party committee and the colleges' officers): find a person of their scope by name or
 * student number, see their 留党察看 and birth date, and — where the server says they may — record or lift 留党察看
 * (A8) or correct the birth date (A1), each with its date and reason. Refusals (DISCIPLINE_IN_FORCE, a back-dated
 * restoration, ...) are shown as the other forms show them, and nothing was written.
 */
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { shanghaiToday } from '../../../services/format';
import { MEMBER_FORM_TITLES, type MemberForm, type MemberVM, toMemberVM } from '../../../services/pipeline/committee';
import { PIPELINE_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'idle' | 'loading' | 'ready' | 'empty' | 'error';
type Field = 'on' | 'reason' | 'birthDate';
const FIELDS: readonly Field[] = ['on', 'reason', 'birthDate'];

definePage()({
  data: {
    state: 'idle' as State,
    message: '',
    query: '',
    people: [] as MemberVM[],
    picked: null as MemberVM | null,
    form: '' as '' | MemberForm,
    formTitle: '',
    on: '',
    reason: '',
    today: '',
    dateVisible: false,
    reasonMax: PIPELINE_LIMITS.reasonMax,
    errors: {} as Partial<Record<Field, string>>,
    refusal: '',
    submitting: false,
  },
  methods: {
    onLoad() {
      this.setData({ today: shanghaiToday() });
    },
    onQuery(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ query: e.detail.value });
    },
    async search() {
      const query = this.data.query.trim();
      if (!query) return;
      // After a record the same search runs again: the person stays picked, with what the server says now.
      const before = this.data.picked?.id;
      this.setData({ state: 'loading', picked: null, form: '' });
      const res = await call('pipeline.people', { query });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      if (!res.data.length)
        return this.setData({ state: 'empty', people: [], message: '您的管理范围内没有此姓名或学号的人员' });
      const people = res.data.map(toMemberVM);
      const again = people.find((p) => p.id === before);
      this.setData({ state: 'ready', people, picked: people.length === 1 ? people[0] : (again ?? null) });
    },
    pick(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const picked = this.data.people.find((p) => p.id === e.currentTarget.dataset.id) ?? null;
      this.setData({ picked, form: '', errors: {}, refusal: '' });
    },
    openForm(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { form: MemberForm }>) {
      const form = e.currentTarget.dataset.form;
      this.setData({
        form,
        formTitle: MEMBER_FORM_TITLES[form],
        on: form === 'birthDate' ? '' : this.data.today,
        reason: '',
        errors: {},
        refusal: '',
      });
    },
    onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value, 'errors.reason': '', refusal: '' });
    },
    openDate() {
      this.setData({ dateVisible: true });
    },
    closeDate() {
      this.setData({ dateVisible: false });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ on: e.detail.value, dateVisible: false, 'errors.on': '', 'errors.birthDate': '', refusal: '' });
    },
    async submit() {
      const { picked, form, on, reason } = this.data;
      if (!picked || !form || this.data.submitting) return;
      this.setData({ submitting: true, refusal: '' });
      const res =
        form === 'birthDate'
          ? await call('pipeline.correctBirthDate', { personId: picked.id, birthDate: on, reason })
          : await call('pipeline.recordDiscipline', { personId: picked.id, change: form, on, reason });
      this.setData({ submitting: false });
      if (!res.ok) {
        const code = res.error.code;
        if (code.startsWith('DISCIPLINE_') || code === 'BIRTH_DATE_UNCHANGED') {
          return this.setData({ refusal: res.error.message });
        }
        const errors = showError(res.error, FIELDS, {
          RECORD_BACKDATED: 'on',
          RECORD_IN_FUTURE: 'on',
          CONTENT_REJECTED: 'reason',
        });
        return this.setData({ errors });
      }
      toast(form === 'birthDate' ? '出生日期已更正' : form === 'impose' ? '留党察看已记录' : '已恢复党员权利');
      this.setData({ form: '' });
      await this.search();
    },
  },
});
