/** 培训: programs open to me, the ones I organise, my hours and the scanner. */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import {
  canManageTrainings,
  checkInMessage,
  type ProgramCardVM,
  scanAndCheckIn,
  toProgramCardVM,
} from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    open: [] as ProgramCardVM[],
    managed: [] as ProgramCardVM[],
    canOrganise: false,
    scanning: false,
  },
  methods: {
    onShow() {
      this.load();
    },
    async load() {
      const [open, me] = await Promise.all([call('trainings.listOpen', { pageSize: 50 }), call('me.get', {})]);
      if (!open.ok) return this.setData({ state: 'error', errorMessage: errorText(open.error) });
      let managed: ProgramCardVM[] = [];
      const canOrganise = me.ok && canManageTrainings(me.data);
      if (canOrganise) {
        const res = await call('trainings.listManaged', { pageSize: 50 });
        if (res.ok) managed = res.data.items.map(toProgramCardVM);
      }
      this.setData({ state: 'ready', open: open.data.items.map(toProgramCardVM), managed, canOrganise });
    },
    openProgram(e: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      go('trainingProgram', { id: e.currentTarget.dataset.id });
    },
    openCreate() {
      go('trainingCreate');
    },
    openHours() {
      go('trainingHours');
    },
    openRatings() {
      go('trainingRatings');
    },
    async scan() {
      if (this.data.scanning) return;
      this.setData({ scanning: true });
      const res = await scanAndCheckIn();
      this.setData({ scanning: false });
      if (!res) return;
      toast(res.ok ? checkInMessage(res.data) : errorText(res.error));
    },
  },
});
