/**
 * The organiser's live code screen: the server's code for this session drawn as a QR code (TDesign's t-qrcode, which
 * draws on a 2d canvas and redraws whenever its value changes), fetched again when its slot ends, with the screen kept
 * on. What the code holds is the token string itself: the student side's camera scan sends it to trainings.checkIn as
 * read. The token is not printed as text: no page takes a typed code, and a code to copy is what the rotation is there
 * to defeat.
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
    /** The code's side in px: the card's full width, so it can be read from a seat a few rows back. */
    qrSize: 300,
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
      this.setData({ qrSize: qrSizeFor(windowWidth()) });
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

/** The card's inner width: 750rpx less the card's margins and padding (4 × 32rpx), at most 480 px on a wide window. */
function qrSizeFor(windowWidthPx: number): number {
  return Math.min(480, Math.floor((windowWidthPx * (750 - 128)) / 750));
}

function windowWidth(): number {
  try {
    return wx.getWindowInfo().windowWidth || 375;
  } catch {
    return 375;
  }
}

function keepScreenOn(on: boolean): void {
  if (typeof wx.setKeepScreenOn === 'function') wx.setKeepScreenOn({ keepScreenOn: on });
}
