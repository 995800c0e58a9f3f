/**
 * Pick people from a unit's members in a bottom sheet: one (`multiple` false) or several in the order tapped
 * (candidates stand on the ballot in that order), at most `max`. The choice is kept here until 确定, which
 * fires `confirm` with `{ ids }`; closing without it fires `close` and changes nothing.
 */
import { toast } from '../../../../services/errors';

interface PersonOption {
  id: string;
  name: string;
  note: string;
}

interface Row extends PersonOption {
  /** 1-based order of a picked person; 0 when not picked. */
  order: number;
}

function rowsOf(people: PersonOption[], picked: string[]): Row[] {
  return people.map((p) => ({ ...p, order: picked.indexOf(p.id) + 1 }));
}

Component({
  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '选择人员' },
    people: { type: Array, value: [] },
    selected: { type: Array, value: [] },
    multiple: { type: Boolean, value: true },
    max: { type: Number, value: 100 },
    /** Shown above the list, e.g. who may be picked. */
    hint: { type: String, value: '' },
  },
  data: {
    rows: [] as Row[],
    picked: [] as string[],
  },
  observers: {
    visible(visible: boolean) {
      if (!visible) return;
      const picked = [...(this.data.selected as string[])];
      this.setData({ picked, rows: rowsOf(this.data.people as PersonOption[], picked) });
    },
  },
  methods: {
    toggle(e: WechatMiniprogram.TouchEvent<Record<string, never>, { id: string }>) {
      const id = e.currentTarget.dataset.id;
      if (!id) return;
      let picked = [...this.data.picked];
      if (picked.includes(id)) picked = picked.filter((x) => x !== id);
      else if (!this.data.multiple) picked = [id];
      else if (picked.length >= this.data.max) {
        toast(`最多选择 ${this.data.max} 人`);
        return;
      } else picked.push(id);
      this.setData({ picked, rows: rowsOf(this.data.people as PersonOption[], picked) });
    },
    confirm() {
      this.triggerEvent('confirm', { ids: [...this.data.picked] });
    },
    close() {
      this.triggerEvent('close');
    },
    onVisibleChange(e: WechatMiniprogram.CustomEvent<{ visible: boolean }>) {
      if (!e.detail.visible) this.close();
    },
  },
});
