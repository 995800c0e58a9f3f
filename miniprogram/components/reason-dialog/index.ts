/**
 * A confirmation that needs a written reason (cancel a vote, withdraw a 公示, reject a binding): a hint, a
 * textarea and a red line for the page's own validation message. The page checks the reason and calls the server;
 * this only collects it. Events: `change` {reason} as it is typed, `confirm` {reason}, `close`.
 */
Component({
  properties: {
    visible: { type: Boolean, value: false },
    title: { type: String, value: '' },
    hint: { type: String, value: '' },
    placeholder: { type: String, value: '请填写理由' },
    confirmText: { type: String, value: '确定' },
    /** Shown under the textarea; the page sets it after a failed check and clears it as the user types. */
    error: { type: String, value: '' },
    maxlength: { type: Number, value: 200 },
    loading: { type: Boolean, value: false },
  },
  data: { reason: '' },
  observers: {
    // Every opening starts empty. Observers also fire when the page re-sets the same value (e.g. with a new
    // error), so only a change from hidden to shown clears what was typed.
    visible(visible: boolean) {
      const self = this as unknown as { shown?: boolean };
      if (visible && !self.shown) this.setData({ reason: '' });
      self.shown = visible;
    },
  },
  methods: {
    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ reason: e.detail.value });
      this.triggerEvent('change', { reason: e.detail.value });
    },
    onConfirm() {
      if (this.data.loading) return;
      this.triggerEvent('confirm', { reason: this.data.reason.trim() });
    },
    onClose() {
      this.triggerEvent('close');
    },
  },
});
