/**
 * One vote in a list (我的票决, 票决管理): kind, state, title, unit and meeting time. Renders a VoteCardVM
 * (services/votes/cards.ts); a tap is the `open` event with the vote id and its state.
 */
Component({
  options: { virtualHost: true },
  properties: {
    card: { type: Object, value: {} },
  },
  methods: {
    onTap() {
      const card = this.data.card as { id?: string; state?: string };
      this.triggerEvent('open', { id: card.id ?? '', state: card.state ?? '' });
    },
  },
});
