/**
 * 考勤 (organiser): a session's sheet — who checked in, who is on leave, the no-shows after the end — with hand marks
 * (a reason is required and recorded) and leave decisions.
 */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { type AttendanceVM, toAttendanceVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';
type Tap = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  { id: string; present?: string }
>;

definePage<{ sessionId: string; marking: { personId: string; present: boolean } | null }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    sheet: null as AttendanceVM | null,
    dialog: false,
    dialogTitle: '',
    reasonError: '',
    saving: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.sessionId = query.sessionId ?? '';
      this.marking = null;
    },
    onShow() {
      this.load();
    },
    /** The trainee's training record (the server shows it to their branch secretary and guidance officers). */
    openRecord(e: Tap) {
      go('trainingRecord', { personId: e.currentTarget.dataset.id });
    },
    async load() {
      const res = await call('trainings.attendance', { sessionId: this.sessionId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      this.setData({ state: 'ready', sheet: toAttendanceVM(res.data) });
    },
    askMark(e: Tap) {
      const present = e.currentTarget.dataset.present === 'yes';
      this.marking = { personId: e.currentTarget.dataset.id, present };
      this.setData({ dialog: true, dialogTitle: present ? '登记为到场' : '登记为缺勤', reasonError: '' });
    },
    closeDialog() {
      this.marking = null;
      this.setData({ dialog: false });
    },
    onReasonChange() {
      if (this.data.reasonError) this.setData({ reasonError: '' });
    },
    async confirmMark(e: WechatMiniprogram.CustomEvent<{ reason: string }>) {
      if (!this.marking) return;
      const reason = e.detail.reason;
      if (!reason) return this.setData({ reasonError: '手工登记考勤须写明理由' });
      this.setData({ saving: true });
      const res = await call('trainings.mark', { sessionId: this.sessionId, ...this.marking, reason });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ reasonError: errorText(res.error) });
      this.marking = null;
      this.setData({ dialog: false });
      toast('已登记');
      await this.load();
    },
    async decideLeave(e: Tap) {
      const approve = e.currentTarget.dataset.present === 'yes';
      const res = await call('trainings.decideLeave', {
        sessionId: this.sessionId,
        personId: e.currentTarget.dataset.id,
        approve,
      });
      if (!res.ok) return toast(errorText(res.error));
      toast(approve ? '已批准请假' : '已不批准请假');
      await this.load();
    },
  },
});
