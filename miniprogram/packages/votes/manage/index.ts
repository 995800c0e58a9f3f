/**
 * 票决管理 (secretaries): the votes of a unit the person manages, newest meeting first, a page at a time; start a
 * new one; a card opens what its state needs — preparation, the meeting console, or the result.
 */
import { go } from '../../../routes';
import { call } from '../../../services/api';
import type { PickerOption } from '../../../services/org';
import { toVoteCardVM, type VoteCardVM } from '../../../services/votes/cards';
import { loadVoteUnits } from '../../../services/votes/create';
import { definePage } from '../../../utils/define-page';
import { listData, listMethods, type PagedList, pagedList } from '../../../utils/paged-list';

const PAGE_SIZE = 10;

const NOT_YOURS = '您没有管理该组织表决的权限';

definePage<{ list: PagedList; wantedUnit: string; shown: boolean }>()({
  data: {
    ...listData<VoteCardVM>(),
    units: [] as PickerOption[],
    unitId: '',
    unitName: '',
    unitPickerVisible: false,
  },
  methods: {
    ...listMethods,
    onLoad(query: Record<string, string | undefined>) {
      this.wantedUnit = query.unitId ?? '';
      this.shown = false;
      this.list = pagedList(this, {
        // A unit switch while a page is on its way: the late answer belongs to the old unit and is dropped.
        fetch: (page) => call('votes.list', { unitId: this.data.unitId, page, pageSize: PAGE_SIZE }),
        toVM: toVoteCardVM,
        empty: '该组织还没有表决，点击上方「发起表决」开始',
        forbidden: { FORBIDDEN: NOT_YOURS, OUT_OF_SCOPE: NOT_YOURS },
      });
    },
    onShow() {
      // First show loads the units; coming back (a vote created, opened or closed) refreshes the list.
      if (!this.shown) {
        this.shown = true;
        this.init();
      } else if (this.data.unitId) {
        this.reload();
      }
    },
    async init() {
      const loaded = await loadVoteUnits(this);
      if (!loaded) return;
      const { me, units } = loaded;
      if (!me.capabilities.includes('vote.manage') || units.length === 0) {
        this.setData({ state: 'forbidden', message: '您没有组织表决的权限，请联系支部书记或学院党团干部' });
        return;
      }
      const unit = units.find((u) => u.value === this.wantedUnit) ?? units[0];
      this.setData({ units, unitId: unit.value, unitName: unit.label });
      await this.reload();
    },
    openUnitPicker() {
      if (this.data.units.length > 1) this.setData({ unitPickerVisible: true });
    },
    closeUnitPicker() {
      this.setData({ unitPickerVisible: false });
    },
    onUnitConfirm(e: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const unit = this.data.units.find((u) => u.value === e.detail.value[0]);
      this.setData({ unitPickerVisible: false });
      if (!unit || unit.value === this.data.unitId) return;
      this.setData({ unitId: unit.value, unitName: unit.label, items: [], hasMore: false });
      this.reload();
    },
    async reload() {
      if (this.data.unitId) await this.list.reload();
    },
    onStatusAction() {
      if (this.data.unitId) this.reload();
      else this.init();
    },
    create() {
      go('voteCreate', { unitId: this.data.unitId });
    },
    open(e: WechatMiniprogram.CustomEvent<{ id: string; state: string }>) {
      const { id, state } = e.detail;
      if (!id) return;
      if (state === 'draft') go('votePrepare', { voteId: id });
      else if (state === 'open') go('votePresence', { voteId: id });
      else go('voteResult', { voteId: id });
    },
  },
});
