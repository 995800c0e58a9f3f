/**
 * 票决管理 (secretaries): the votes of a unit the person manages, newest meeting first, a page at a time; start a
 * new one; a card opens what its state needs — preparation, the meeting console, or the result.
 */
import type { ApiError } from '../../../../typings/errors';
import { go } from '../../../routes';
import { call } from '../../../services/api';
import { errorText, showError } from '../../../services/errors';
import type { PickerOption } from '../../../services/org';
import { managedVoteUnits, toVoteCardVM, type VoteCardVM } from '../../../services/votes';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'empty' | 'forbidden' | 'error';

const PAGE_SIZE = 10;

definePage<{ fetching: boolean; nextPage: number; generation: number; wantedUnit: string; shown: boolean }>()({
  data: {
    state: 'loading' as State,
    message: '',
    units: [] as PickerOption[],
    unitId: '',
    unitName: '',
    unitPickerVisible: false,
    items: [] as VoteCardVM[],
    hasMore: false,
    loadingMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.nextPage = 1;
      this.generation = 0;
      this.wantedUnit = query.unitId ?? '';
      this.shown = false;
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
    onPullDownRefresh() {
      this.reload().then(() => wx.stopPullDownRefresh());
    },
    onReachBottom() {
      this.loadMore();
    },
    async init() {
      this.setData({ state: 'loading' });
      const [me, tree] = await Promise.all([call('me.get', {}), call('org.tree', {})]);
      if (!me.ok || !tree.ok) {
        const error = (!me.ok ? me.error : !tree.ok ? tree.error : null) as ApiError;
        this.setData({ state: 'error', message: errorText(error) });
        return;
      }
      const units = managedVoteUnits(me.data.positions, tree.data.units);
      if (!me.data.capabilities.includes('vote.manage') || units.length === 0) {
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
      this.nextPage = 1;
      this.generation += 1;
      this.fetching = false;
      if (!this.data.items.length) this.setData({ state: 'loading' });
      await this.fetch(true);
    },
    async loadMore() {
      if (!this.data.hasMore || this.data.loadingMore) return;
      await this.fetch(false);
    },
    async fetch(fresh: boolean) {
      if (this.fetching || !this.data.unitId) return;
      this.fetching = true;
      const generation = this.generation;
      if (!fresh) this.setData({ loadingMore: true });
      const page = fresh ? 1 : this.nextPage;
      const res = await call('votes.list', { unitId: this.data.unitId, page, pageSize: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.fetching = false;
      if (!res.ok) {
        if (!fresh) this.setData({ loadingMore: false });
        this.onListError(res.error, fresh);
        return;
      }
      this.nextPage = page + 1;
      const known = fresh ? new Set<string>() : new Set(this.data.items.map((i) => i.id));
      const cards = res.data.items.filter((c) => !known.has(c.id)).map(toVoteCardVM);
      if (fresh) {
        this.setData({
          items: cards,
          hasMore: res.data.hasMore,
          loadingMore: false,
          state: cards.length ? 'ready' : 'empty',
          message: cards.length ? '' : '该组织还没有表决，点击上方「发起表决」开始',
        });
        return;
      }
      const patch: Record<string, unknown> = { hasMore: res.data.hasMore, loadingMore: false };
      const base = this.data.items.length;
      cards.forEach((c, i) => {
        patch[`items[${base + i}]`] = c;
      });
      this.setData(patch);
    },
    onListError(error: ApiError, fresh: boolean) {
      if (!fresh || this.data.items.length) {
        showError(error);
      } else if (error.code === 'FORBIDDEN' || error.code === 'OUT_OF_SCOPE') {
        this.setData({ state: 'forbidden', message: '您没有管理该组织表决的权限' });
      } else {
        this.setData({ state: 'error', message: errorText(error) });
      }
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
