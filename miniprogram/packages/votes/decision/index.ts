/**
 * 支委会决定 (secretaries, after the count), recorded apart from it with the date and the minutes it rests on:
 * - 推优: the committee decides, "考察不唯票" (B4) — each candidate who passed is recommended or declined with a
 *   reason; one who did not pass cannot be recommended.
 * - 民主评议党员 / 团员教育评议: the committee proposes each graded member's grade from the rating and daily
 *   performance (C1, C4), 优秀 within the quota (C2, C4); probationary members are not on the list (C2).
 */
import type { DecisionView, Grade, VoteKind } from '../../../../typings/actions/votes';
import type { Result } from '../../../../typings/errors';
import { call } from '../../../services/api';
import { errorText, showError, toast } from '../../../services/errors';
import type { PickerOption } from '../../../services/org';
import {
  type GradeCounterVM,
  type GradeRowVM,
  gradeCounter,
  gradeRows,
  recentDateOptions,
} from '../../../services/votes/decision';
import {
  GRADE_LABELS,
  MINUTES_REF_MAX,
  MINUTES_REF_MIN,
  VOTE_REASON_MAX as REASON_MAX,
  VOTE_REASON_MIN as REASON_MIN,
} from '../../../typings/vocabulary';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

interface RowVM {
  id: string;
  name: string;
  votesText: string;
  passed: boolean;
  choice: '' | 'recommend' | 'decline';
  reason: string;
  error: string;
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string; choice: 'recommend' | 'decline' }>;
type GradeTap = WechatMiniprogram.TouchEvent<Record<string, never>, { id: string; grade: Grade }>;

const GRADE_OPTIONS = (['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const).map((g) => ({
  value: g,
  label: GRADE_LABELS[g],
}));

/** The loaded vote's kind ('' before), and the 优秀 limit its resolution carries (null: no quota). */
definePage<{ voteId: string; decliningId: string; kind: VoteKind | ''; excellentLimit: number | null }>()({
  data: {
    state: 'loading' as State,
    message: '',
    title: '',
    mode: 'tuiyou' as 'tuiyou' | 'grades',
    rows: [] as RowVM[],
    gradeRows: [] as GradeRowVM[],
    gradeOptions: GRADE_OPTIONS,
    counter: { excellent: 0, limit: null, text: '', over: false } as GradeCounterVM,
    gradesError: '',
    dates: [] as PickerOption[],
    decidedOn: '',
    decidedOnLabel: '',
    minutesRef: '',
    minutesError: '',
    datePickerVisible: false,
    reason: { visible: false, name: '', text: '', error: '' },
    reasonConfirmBtn: { content: '确定', variant: 'base', theme: 'primary' },
    submitting: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.voteId = query.voteId ?? '';
      this.decliningId = '';
      this.kind = '';
      this.excellentLimit = null;
      const dates = recentDateOptions();
      this.setData({ dates, decidedOn: dates[0].value, decidedOnLabel: dates[0].label });
      this.load();
    },
    async load() {
      if (!this.voteId) {
        this.setData({ state: 'error', message: '缺少表决编号，请从表决结果页进入' });
        return;
      }
      this.setData({ state: 'loading' });
      const res = await call('votes.resolution', { voteId: this.voteId });
      if (!res.ok) {
        const code = res.error.code;
        if (code === 'FORBIDDEN' || code === 'OUT_OF_SCOPE') {
          this.setData({ state: 'forbidden', message: '您没有记录该决定的权限' });
        } else {
          this.setData({ state: 'error', message: errorText(res.error) });
        }
        return;
      }
      const r = res.data;
      const grades = r.ballotForm === 'grades';
      if ((r.kind !== 'tuiyou' && !grades) || r.outcome !== 'counted' || r.decision) {
        const message = r.decision
          ? '支部委员会的决定已记录'
          : r.outcome !== 'counted'
            ? '本次表决无效，不能据此作出决定'
            : '只有推优和评议表决需要记录支委会决定';
        this.setData({ state: 'empty', message });
        return;
      }
      this.kind = r.kind;
      this.excellentLimit = r.excellentLimit;
      if (grades) {
        wx.setNavigationBarTitle({ title: '支委会评定等次' });
        const rows = gradeRows(r.lines);
        this.setData({
          state: 'ready',
          mode: 'grades',
          title: r.title,
          gradeRows: rows,
          counter: gradeCounter(r.excellentLimit, rows),
          gradesError: '',
        });
        return;
      }
      this.setData({
        state: 'ready',
        title: r.title,
        rows: r.lines.map((l) => ({
          id: l.candidateId,
          name: l.name,
          votesText: `赞成合计 ${l.totalYes} 票 · ${l.outcomeLabel ?? ''}`,
          passed: l.outcome === 'passed',
          choice: '',
          reason: '',
          error: '',
        })),
      });
    },
    choose(e: Tap) {
      const { id, choice } = e.currentTarget.dataset;
      const i = this.data.rows.findIndex((r) => r.id === id);
      if (i < 0 || !this.data.rows[i].passed) return;
      this.setData({ [`rows[${i}].choice`]: choice, [`rows[${i}].error`]: '' });
      // Declining one who passed needs a reason: ask for it at once.
      if (choice === 'decline') this.openReason(id);
    },
    chooseGrade(e: GradeTap) {
      const { id, grade } = e.currentTarget.dataset;
      const i = this.data.gradeRows.findIndex((r) => r.id === id);
      if (i < 0 || !this.kind) return;
      const rows = this.data.gradeRows.map((r, j) => (j === i ? { ...r, grade } : r));
      this.setData({
        [`gradeRows[${i}].grade`]: grade,
        [`gradeRows[${i}].error`]: '',
        counter: gradeCounter(this.excellentLimit, rows),
        gradesError: '',
      });
    },
    editReason(e: Tap) {
      this.openReason(e.currentTarget.dataset.id);
    },
    openReason(id: string) {
      const row = this.data.rows.find((r) => r.id === id);
      if (!row) return;
      this.decliningId = id;
      this.setData({ reason: { visible: true, name: row.name, text: row.reason, error: '' } });
    },
    onReasonChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'reason.text': e.detail.value, 'reason.error': '' });
    },
    confirmReason() {
      const text = this.data.reason.text.trim();
      if (text.length < REASON_MIN) return this.setData({ 'reason.error': '请写明不推荐的理由' });
      if (text.length > REASON_MAX) return this.setData({ 'reason.error': `理由不超过 ${REASON_MAX} 字` });
      const i = this.data.rows.findIndex((r) => r.id === this.decliningId);
      this.decliningId = '';
      this.setData({
        'reason.visible': false,
        ...(i >= 0 ? { [`rows[${i}].reason`]: text, [`rows[${i}].error`]: '' } : {}),
      });
    },
    cancelReason() {
      this.decliningId = '';
      this.setData({ 'reason.visible': false });
    },
    onMinutesChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ minutesRef: e.detail.value, minutesError: '' });
    },
    openDatePicker() {
      this.setData({ datePickerVisible: true });
    },
    closeDatePicker() {
      this.setData({ datePickerVisible: false });
    },
    onDateConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const d = this.data.dates.find((x) => x.value === e.detail.value[0]);
      this.setData({ datePickerVisible: false, ...(d ? { decidedOn: d.value, decidedOnLabel: d.label } : {}) });
    },
    minutesError(): string {
      const minutes = this.data.minutesRef.trim();
      return minutes.length < MINUTES_REF_MIN || minutes.length > MINUTES_REF_MAX ? '请填写支委会会议记录编号' : '';
    },
    async submit() {
      if (this.data.submitting) return;
      if (this.data.mode === 'grades') return this.submitGrades();
      let invalid = false;
      const rows = this.data.rows.map((r) => {
        let error = '';
        if (r.passed && !r.choice) error = '请选择推荐或不推荐';
        else if (r.choice === 'decline' && r.reason.trim().length < REASON_MIN)
          error = '不推荐已通过表决的候选人，须写明理由';
        else if (r.choice === 'decline' && r.reason.trim().length > REASON_MAX) error = `理由不超过 ${REASON_MAX} 字`;
        if (error) invalid = true;
        return { ...r, error };
      });
      const minutes = this.data.minutesRef.trim();
      const minutesError = this.minutesError();
      if (invalid || minutesError) {
        this.setData({ rows, minutesError });
        return;
      }
      this.setData({ submitting: true });
      const res = await call('votes.recordDecision', {
        voteId: this.voteId,
        decidedOn: this.data.decidedOn,
        minutesRef: minutes,
        decision: {
          type: 'tuiyou',
          recommended: rows.filter((r) => r.choice === 'recommend').map((r) => r.id),
          declined: rows
            .filter((r) => r.choice === 'decline')
            .map((r) => ({ candidateId: r.id, reason: r.reason.trim() })),
        },
      });
      this.setData({ submitting: false });
      this.afterSubmit(res, '支委会决定已记录');
    },
    /**
     * Every graded member needs a grade before it goes; the 优秀 count over the national default is shown but not
     * blocked here — the server holds the school's own quota and answers QUOTA_EXCEEDED, shown as it says.
     */
    async submitGrades() {
      let invalid = false;
      const rows = this.data.gradeRows.map((r) => {
        const error = r.grade ? '' : '请选择等次';
        if (error) invalid = true;
        return { ...r, error };
      });
      const minutesError = this.minutesError();
      if (invalid || minutesError) {
        this.setData({ gradeRows: rows, minutesError, gradesError: invalid ? '尚有成员未评定等次' : '' });
        return;
      }
      this.setData({ submitting: true });
      const res = await call('votes.recordDecision', {
        voteId: this.voteId,
        decidedOn: this.data.decidedOn,
        minutesRef: this.data.minutesRef.trim(),
        decision: { type: 'grades', grades: rows.map((r) => ({ personId: r.id, grade: r.grade as Grade })) },
      });
      this.setData({ submitting: false });
      this.afterSubmit(res, '评定等次已记录');
    },
    afterSubmit(res: Result<DecisionView>, done: string) {
      if (res.ok) {
        toast(done);
        wx.navigateBack({ delta: 1 });
        return;
      }
      if (res.error.code === 'DECISION_ALREADY_RECORDED') {
        toast(res.error.message);
        wx.navigateBack({ delta: 1 });
        return;
      }
      // Field paths are person ids (or minutesRef, or grades for the list as a whole): put each message next to
      // what it is about. QUOTA_EXCEEDED carries the limit in its message and the count in fields.grades.
      const fields = res.error.fields ?? {};
      const patch: Record<string, string> = {};
      this.data.rows.forEach((r, i) => {
        if (fields[r.id]) patch[`rows[${i}].error`] = fields[r.id];
      });
      this.data.gradeRows.forEach((r, i) => {
        if (fields[r.id]) patch[`gradeRows[${i}].error`] = fields[r.id];
      });
      if (this.data.mode === 'grades' && (fields.grades || res.error.code === 'QUOTA_EXCEEDED')) {
        patch.gradesError = [res.error.code === 'QUOTA_EXCEEDED' ? res.error.message : '', fields.grades ?? '']
          .filter(Boolean)
          .join('：');
      }
      if (fields.minutesRef) patch.minutesError = fields.minutesRef;
      if (Object.keys(patch).length) this.setData(patch);
      showError(res.error);
    },
    onStatusAction() {
      this.load();
    },
  },
});
