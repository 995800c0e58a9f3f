/**
 * A training program: what it is, seats and my place (enrolled, on the waitlist at place N, under review), sign-up
 * and withdrawal, the sessions with my attendance, scanning in and out. Organisers open a session's rotating code.
 */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { checkInMessage, type ProgramVM, scanAndCheckIn, toProgramVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ programId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    program: null as ProgramVM | null,
    busy: false,
    leaveFor: '',
    leaveError: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.programId = query.id ?? '';
    },
    onShow() {
      this.load();
    },
    async load() {
      const res = await call('trainings.get', { programId: this.programId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', program: toProgramVM(res.data) });
    },
    async signUp() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await call('trainings.signUp', { programId: this.programId });
      this.setData({ busy: false });
      if (!res.ok) return toast(errorText(res.error));
      toast(
        res.data.state === 'enrolled'
          ? '报名成功'
          : res.data.state === 'waitlisted'
            ? `已进入候补，第 ${res.data.waitlistPosition} 位`
            : '已提交报名，等待审核',
      );
      await this.load();
    },
    async withdraw() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const res = await call('trainings.withdraw', { programId: this.programId });
      this.setData({ busy: false });
      if (!res.ok) return toast(errorText(res.error));
      toast('已退出');
      await this.load();
    },
    async scan(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id?: string }>) {
      const res = await scanAndCheckIn(e.currentTarget.dataset.id);
      if (!res) return;
      toast(res.ok ? checkInMessage(res.data) : errorText(res.error));
      if (res.ok) await this.load();
    },
    askLeave(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      this.setData({ leaveFor: e.currentTarget.dataset.id, leaveError: '' });
    },
    closeLeave() {
      this.setData({ leaveFor: '' });
    },
    async confirmLeave(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      const reason = e.detail.reason;
      if (reason.length < 2) return this.setData({ leaveError: '请填写请假理由' });
      this.setData({ busy: true });
      const res = await call('trainings.requestLeave', { sessionId: this.data.leaveFor, reason });
      this.setData({ busy: false });
      if (!res.ok) return this.setData({ leaveError: errorText(res.error) });
      this.setData({ leaveFor: '' });
      toast('已提交请假，等待批准');
      await this.load();
    },
    openExam() {
      if (this.data.program?.enrolled) go('trainingExam', { programId: this.programId });
    },
    openAddSession() {
      go('trainingSession', { programId: this.programId, unitId: this.data.program?.unitId ?? '' });
    },
    openExamSetup() {
      go('trainingExamSetup', { programId: this.programId });
    },
    openScores() {
      go('trainingScores', { programId: this.programId });
    },
    openEnrolment() {
      go('trainingEnrolment', { programId: this.programId });
    },
    openReport() {
      go('trainingReport', { programId: this.programId });
    },
    openAttendance(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      go('trainingAttendance', { sessionId: e.currentTarget.dataset.id });
    },
    openRate(
      e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string; title: string }>,
    ) {
      go('trainingRate', { sessionId: e.currentTarget.dataset.id, title: e.currentTarget.dataset.title });
    },
    openScreen(
      e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string; purpose: string }>,
    ) {
      go('trainingScreen', { sessionId: e.currentTarget.dataset.id, purpose: e.currentTarget.dataset.purpose });
    },
  },
});
