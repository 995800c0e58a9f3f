/**
 * 发展党员事项办理 (for the home branch's officers and contacts; a temporary branch's officers for an assessment): record
 * a talk, an assessment, the contacts or introducers, a political review, or take a step. The server runs the gates;
 * when one refuses, the form shows its rule, source and what is missing, and nothing was written.
 */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import { shanghaiToday } from '../../../services/format';
import {
  ASSESSMENT_OPTIONS,
  emptyValues,
  FORM_SUBMIT,
  FORM_TITLES,
  type FormValues,
  firstFitting,
  type GateAnswerVM,
  gateAnswerOf,
  isPipelineForm,
  type PickVM,
  type PipelineForm,
  REVIEW_OPTIONS,
  requestOf,
  type StepChoiceVM,
  type SubjectVM,
  stepChoicesOf,
  stepSubjectOf,
  subjectOf,
  TALK_OPTIONS,
  talkKindFor,
  toPickVMs,
} from '../../../services/pipeline/forms';
import { caseIdOfPerson, PIPELINE_LIMITS } from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';
import { askReminder, loadReminder, type RemindVM } from '../../../utils/reminder';

type State = 'loading' | 'ready' | 'empty' | 'error';
type TextField = 'topics' | 'content' | 'opinion' | 'summary' | 'meetingRef' | 'approvalRef';
type Field = TextField | 'on' | 'picked' | 'extensionMonths' | 'formIssuedOn' | 'attachments';
const FIELDS: readonly Field[] = [
  'topics',
  'content',
  'opinion',
  'summary',
  'meetingRef',
  'approvalRef',
  'on',
  'formIssuedOn',
  'extensionMonths',
  'attachments',
];

definePage<{ query: Record<string, string | undefined>; people: PickVM[]; choices: StepChoiceVM[] }>()({
  data: {
    state: 'loading' as State,
    message: '',
    form: 'talk' as PipelineForm,
    submitText: '',
    subject: null as SubjectVM | null,
    values: emptyValues(''),
    picks: [] as PickVM[],
    talkOptions: TALK_OPTIONS,
    /** The steps the server offers (pipeline.stepOptions), and the one chosen. */
    stepChoices: [] as StepChoiceVM[],
    step: null as StepChoiceVM | null,
    reviewOptions: REVIEW_OPTIONS,
    assessmentOptions: ASSESSMENT_OPTIONS,
    textMax: PIPELINE_LIMITS.textMax,
    today: '',
    dateField: '' as '' | 'on' | 'formIssuedOn',
    errors: {} as Partial<Record<Field, string>>,
    gate: null as GateAnswerVM | null,
    submitting: false,
    done: false,
    /** The case whose folder attachments go to, and whether an upload is under way (the form waits for it). */
    attachCaseId: '',
    uploading: false,
    /** The deadline reminder offered as the officer or contact records (null: not offered). */
    remind: null as RemindVM | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.query = query;
      const form: PipelineForm = isPipelineForm(query.form) ? query.form : 'talk';
      wx.setNavigationBarTitle({ title: FORM_TITLES[form] });
      const today = shanghaiToday();
      this.setData({ form, submitText: FORM_SUBMIT[form], today, values: emptyValues(today) });
      this.load();
    },
    async load() {
      const q = this.query;
      const form = this.data.form;
      this.setData({ state: 'loading' });
      if (!q.caseId) {
        // A temporary branch's assessment is addressed by person: it has no access to the home branch's case.
        if (form !== 'assessment' || !q.personId || !q.unitId)
          return this.setData({ state: 'error', message: '缺少发展档案' });
        return this.setData({
          state: 'ready',
          subject: {
            name: q.personName ?? '',
            stage: '',
            branch: q.unitName ?? '',
            next: '考察情况将报送其所在党支部',
          },
          'values.personId': q.personId,
          'values.unitId': q.unitId,
          attachCaseId: caseIdOfPerson(q.personId),
        });
      }
      if (form === 'step') {
        const [, remind] = await Promise.all([this.loadSteps(q.caseId), loadReminder()]);
        return this.setData({ remind });
      }
      const [res, remind] = await Promise.all([call('pipeline.get', { caseId: q.caseId }), loadReminder()]);
      this.setData({ remind });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      const v = res.data;
      const patch: Record<string, unknown> = {
        subject: subjectOf(v),
        'values.caseId': v.caseId,
        attachCaseId: v.caseId,
        'values.personId': v.personId,
        'values.unitId': q.unitId ?? v.branchId,
        'values.talkKind': talkKindFor(v),
        'values.step': v.nextStep ?? 'determine_activist',
      };
      if (form === 'contacts' || form === 'introducers') {
        const people = await call('people.list', { unitId: v.branchId, page: 1, pageSize: 50 });
        if (!people.ok) return this.setData({ state: 'error', message: errorText(people.error) });
        const picks = toPickVMs(people.data.items, [], v.personId);
        if (!picks.length) return this.setData({ ...patch, state: 'empty', message: '本支部暂无可选的党员' });
        patch.picks = picks;
      }
      this.setData({ ...patch, state: 'ready' });
    },
    /** The step form: only what the case can do next, with the branch's votes and 公示 to pick from. */
    async loadSteps(caseId: string) {
      const res = await call('pipeline.stepOptions', { caseId });
      if (!res.ok) return this.setData({ state: 'error', message: errorText(res.error) });
      const { choices, first } = stepChoicesOf(res.data);
      this.choices = choices;
      if (!first) return this.setData({ state: 'empty', message: '该发展档案没有可办理的步骤' });
      this.setData({
        state: 'ready',
        subject: stepSubjectOf(res.data),
        stepChoices: choices,
        'values.caseId': res.data.caseId,
        attachCaseId: res.data.caseId,
        ...this.choose(first),
      });
    },
    /** The data that shows `choice` with the first vote and 公示 that would do already picked. */
    choose(choice: StepChoiceVM): Record<string, unknown> {
      return {
        step: choice,
        'values.step': choice.value,
        'values.voteId': firstFitting(choice.votes),
        'values.noticeId': choice.notice === 'required' ? firstFitting(choice.notices) : '',
        gate: null,
      };
    },
    onText(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`values.${field}`]: e.detail.value, [`errors.${field}`]: '', gate: null });
    },
    onMonths(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.extensionMonths': e.detail.value, 'errors.extensionMonths': '', gate: null });
    },
    onTalkKind(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.talkKind': e.detail.value, gate: null });
    },
    onStep(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const choice = (this.choices ?? []).find((c) => c.value === e.detail.value);
      if (choice) this.setData(this.choose(choice));
    },
    onVote(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.voteId': e.detail.value, gate: null });
    },
    onNotice(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.noticeId': e.detail.value, gate: null });
    },
    openVotes() {
      go('votesManage');
    },
    onConclusion(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.conclusion': e.detail.value, gate: null });
    },
    onAssessmentKind(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'values.assessmentKind': e.detail.value, gate: null });
    },
    togglePick(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      const picks = this.data.picks.map((p) => (p.id === id ? { ...p, picked: !p.picked } : p));
      this.setData({
        picks,
        'values.picked': picks.filter((p) => p.picked).map((p) => p.id),
        'errors.picked': '',
        gate: null,
      });
    },
    onAttachments(e: WechatMiniprogram.CustomEvent<{ fileIds: string[]; uploading: boolean }>) {
      this.setData({
        'values.attachments': e.detail.fileIds,
        uploading: e.detail.uploading,
        'errors.attachments': '',
        gate: null,
      });
    },
    openDate(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { field: 'on' | 'formIssuedOn' }>,
    ) {
      this.setData({ dateField: e.currentTarget.dataset.field });
    },
    closeDate() {
      this.setData({ dateField: '' });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const field = this.data.dateField || 'on';
      this.setData({ [`values.${field}`]: e.detail.value, [`errors.${field}`]: '', dateField: '', gate: null });
    },
    async submit() {
      if (this.data.submitting || this.data.done) return;
      if (this.data.form === 'step' && this.data.step?.disabled) return;
      if (this.data.uploading) return toast('附件正在上传，请稍候');
      // At the tap, before the call: WeChat shows its consent sheet only from a tap (one consent, one reminder).
      askReminder(this.data.remind, (remind) => this.setData({ remind }), { quiet: true });
      const values = this.data.values as FormValues;
      const { action, input } = requestOf(this.data.form, values);
      this.setData({ submitting: true, gate: null });
      const res = await call(action, input as never);
      this.setData({ submitting: false });
      if (!res.ok) {
        const gate = gateAnswerOf(res.error);
        if (gate) return this.setData({ gate });
        const errors = showError(res.error, FIELDS, {
          RECORD_BACKDATED: 'on',
          RECORD_IN_FUTURE: 'on',
          CONTACT_NOT_ELIGIBLE: 'picked',
          INTRODUCER_NOT_ELIGIBLE: 'picked',
        });
        return this.setData({ errors });
      }
      this.setData({ done: true });
      toast('已办理');
      wx.navigateBack({ delta: 1 });
    },
  },
});
