/**
 * 荣誉墙: the honors of a person (`personId`), an association or branch (`unitId`) or those a unit awarded
 * (`awardingUnitId`). On my own wall (`mine=1`) each honor has 隐藏/显示: hidden, it leaves the public walls but
 * still verifies.
 */
import type { HonorView, Input } from '../../../../typings/actions';
import { go } from '../../../routes';
import { errorText, showError } from '../../../services/errors';
import { loadWall, setHonorHidden } from '../../../services/honors';
import { definePage } from '../../../utils/define-page';

interface HonorVM {
  id: string;
  title: string;
  line: string;
  no: string;
  hidden: boolean;
}

function toHonorVM(h: HonorView): HonorVM {
  return {
    id: h.id,
    title: h.title,
    line: `${h.recipientName} · ${h.term} · ${h.awardingUnitName}`,
    no: h.certificateNo,
    hidden: h.hidden,
  };
}

definePage<{ of: Input<'honors.wall'>['of'] | null; page: number }>()({
  data: {
    state: 'loading' as 'loading' | 'ready' | 'empty' | 'error',
    errorMessage: '',
    items: [] as HonorVM[],
    mine: false,
    hasMore: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.of = query.personId
        ? { kind: 'person', personId: query.personId }
        : query.unitId
          ? { kind: 'recipientUnit', unitId: query.unitId }
          : query.awardingUnitId
            ? { kind: 'awardingUnit', unitId: query.awardingUnitId }
            : null;
      this.setData({ mine: query.mine === '1' });
      this.page = 1;
      this.load();
    },
    async load() {
      if (!this.of) return this.setData({ state: 'error', errorMessage: '缺少荣誉墙对象' });
      const res = await loadWall(this.of, this.page);
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const items = [...(this.page === 1 ? [] : this.data.items), ...res.data.items.map(toHonorVM)];
      this.setData({ state: items.length ? 'ready' : 'empty', items, hasMore: res.data.hasMore });
    },
    onReachBottom() {
      if (!this.data.hasMore) return;
      this.page += 1;
      this.load();
    },
    async toggle(e: WechatMiniprogram.BaseEvent<Record<string, never>, { index: number }>) {
      const index = e.currentTarget.dataset.index;
      const h = this.data.items[index];
      const res = await setHonorHidden(h.id, !h.hidden);
      if (!res.ok) return showError(res.error);
      this.setData({ [`items[${index}].hidden`]: res.data.hidden });
    },
    open(e: WechatMiniprogram.BaseEvent<Record<string, never>, { no: string }>) {
      go('honorVerify', { no: e.currentTarget.dataset.no });
    },
  },
});
