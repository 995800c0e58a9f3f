/** 报名名单 (organiser): seats, the waitlist in order, and sign-ups waiting for review. */
import type { EnrolmentView } from '../../../../typings/actions';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import { onProgramLoad } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';
type Tap = WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string; approve: string }>;

definePage<{ programId: string }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    list: null as EnrolmentView | null,
    seats: '',
  },
  methods: {
    onLoad: onProgramLoad,
    async load() {
      const res = await call('trainings.enrolment', { programId: this.programId });
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const v = res.data;
      this.setData({
        state: 'ready',
        list: v,
        seats: `名额 ${v.capacity}，已报名 ${v.enrolled.length}，剩余 ${v.remaining}；候补 ${v.waitlist.length} 人，待审核 ${v.pending.length} 人`,
      });
    },
    /** The trainee's training record (theirs to the branch secretary and the association's guidance officers). */
    openRecord(e: Tap) {
      go('trainingRecord', { personId: e.currentTarget.dataset.id });
    },
    async review(e: Tap) {
      const approve = e.currentTarget.dataset.approve === 'yes';
      const res = await call('trainings.review', {
        programId: this.programId,
        personId: e.currentTarget.dataset.id,
        approve,
      });
      if (!res.ok) return toast(errorText(res.error));
      toast(
        res.data.state === 'enrolled'
          ? '已通过，报名成功'
          : res.data.state === 'waitlisted'
            ? '已通过，进入候补'
            : '已不予通过',
      );
      await this.load();
    },
  },
});
