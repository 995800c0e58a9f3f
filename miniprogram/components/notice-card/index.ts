/**
 * One notice in a list (公示 tab, 公示管理): kind, state, title, unit, and the one line of time that matters now.
 * Renders a NoticeCardVM (services/notices/cards.ts); a tap is the `open` event with the notice id.
 */
import { PROVISIONAL_MARK } from '../../services/notices/common';

Component({
  options: { virtualHost: true },
  properties: {
    card: { type: Object, value: {} },
  },
  data: { provisionalMark: PROVISIONAL_MARK },
  methods: {
    onTap() {
      this.triggerEvent('open', { id: (this.data.card as { id?: string }).id ?? '' });
    },
  },
});
