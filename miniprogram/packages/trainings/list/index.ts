/** 培训: programs open to me, the ones I organise, my hours and the scanner. */

import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, toast } from '../../../services/errors';
import {
  canManageTrainings,
  canReadPeople,
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
    /** The associations whose backbones' records the server lets me read (the 社团骨干培训档案 entry). */
    backboneAssociations: 0,
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
      let backboneAssociations = 0;
      if (me.ok && canReadPeople(me.data)) {
        const res = await call('trainings.backboneAssociations', {});
        if (res.ok) backboneAssociations = res.data.length;
      }
      this.setData({
        state: 'ready',
        open: open.data.items.map(toProgramCardVM),
        managed,
        canOrganise,
        backboneAssociations,
      });
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
    openBackbones() {
      go('trainingBackbones');
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
