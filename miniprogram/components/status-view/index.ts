/**
 * The non-content states of a page: loading, empty, error, forbidden. One look everywhere; the page supplies the
 * text and, when there is something to do, a button (retry, go bind ...) whose tap is the `action` event.
 */
export type ViewState = 'loading' | 'empty' | 'error' | 'forbidden';

Component({
  properties: {
    state: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    actionText: { type: String, value: '' },
    /** A TDesign icon name for the empty state when the default (all done) does not fit. */
    emptyIcon: { type: String, value: 'task-checked' },
  },
  methods: {
    onAction() {
      this.triggerEvent('action');
    },
  },
});
