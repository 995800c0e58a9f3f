/**
 * The organiser's live code screen: the server's code for this session, fetched again when its slot ends, with the
 * screen kept on. The QR drawing library (qrcode-generator) is not installed yet, so the code is shown as text.
 */
import { call } from '../../../services/api';
import { errorText } from '../../../services/errors';
import { type TokenVM, toTokenVM } from '../../../services/trainings';
import { definePage } from '../../../utils/define-page';

type State = 'loading' | 'ready' | 'error';

definePage<{ sessionId: string; purpose: 'in' | 'out'; timer: number | null; live: boolean }>()({
  data: {
    state: 'loading' as State,
    errorMessage: '',
    code: null as TokenVM | null,
  },
  lifetimes: {
    // A page built with Component() is also detached when it closes: stop there too (either may come first).
    detached() {
      this.stop();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.sessionId = query.sessionId ?? '';
      this.purpose = query.purpose === 'out' ? 'out' : 'in';
      this.timer = null;
      this.live = true;
      keepScreenOn(true);
      this.refresh();
    },
    onUnload() {
      this.stop();
    },
    stop() {
      if (!this.live) return;
      this.live = false;
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = null;
      keepScreenOn(false);
    },
    async refresh() {
      const res = await call('trainings.checkinToken', { sessionId: this.sessionId, purpose: this.purpose });
      if (!this.live) return;
      if (!res.ok) return this.setData({ state: 'error', errorMessage: errorText(res.error) });
      const code = toTokenVM(res.data);
      this.setData({ state: 'ready', code });
      if (this.timer !== null) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(), code.refreshInMs + 200) as unknown as number;
    },
    retry() {
      this.setData({ state: 'loading' });
      this.refresh();
    },
  },
});

function keepScreenOn(on: boolean): void {
  if (typeof wx.setKeepScreenOn === 'function') wx.setKeepScreenOn({ keepScreenOn: on });
}
