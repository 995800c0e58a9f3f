/**
 * The machinery of a screen that shows a rotating check-in code (a training session's 签到码, a vote meeting's 会场签到):
 * the code's side fitted to the card, the screen kept on while the page is open, the code fetched again at the start
 * of its next slot, and all of that stopped when the page is hidden for good (unload, or the component's detach:
 * either may come first). A page supplies how to fetch the code and what to show of the answer:
 *
 *   definePage<{ screen: CodeScreen }>()({
 *     data: { qrSize: 300, ... },
 *     lifetimes: { detached() { this.screen?.stop(); } },
 *     methods: {
 *       onLoad(query) {
 *         this.screen = codeScreen(this, {
 *           fetch: () => call('trainings.checkinToken', { sessionId, purpose }),
 *           show: (res) => this.setData(res.ok ? { code: toTokenVM(res.data) } : { errorMessage: errorText(res.error) }),
 *         });
 *         this.screen.refresh();
 *       },
 *       onUnload() { this.screen.stop(); },
 *     },
 *   });
 *
 * After a failed fetch nothing is scheduled: the page decides when to try again (a retry button, its own reload).
 * The other side, a member's phone reading the code, is `scanFromCamera`.
 */
import type { Result } from '../../typings/errors';

export interface CodeSource<T extends { refreshInMs: number }> {
  /** The code for now, through services/api `call`. */
  fetch(): Promise<Result<T>>;
  /** Puts the answer on screen: the code, or why there is none. Not called once the screen has stopped. */
  show(res: Result<T>): void;
}

export interface CodeScreen {
  /** Fetches the code now and, when it came, schedules the next fetch at the start of its next slot. */
  refresh(): Promise<void>;
  /** Stops fetching and lets the screen turn off; once only, later calls do nothing. */
  stop(): void;
  /** No fetch is on its way or scheduled (before the first, or after one failed). */
  readonly idle: boolean;
}

/** What the screen needs of its page (the page's `this`): its data gets `qrSize`, the code's side in px. */
export interface CodeHost {
  setData(patch: Record<string, unknown>): void;
}

/** Starts the screen: sizes the code and keeps the screen on. The page calls `refresh()` for the first code. */
export function codeScreen<T extends { refreshInMs: number }>(host: CodeHost, source: CodeSource<T>): CodeScreen {
  return new Screen(host, source);
}

/** The slot's end plus this margin: the next fetch lands in the new slot, not a few ms before it ends. */
const MARGIN_MS = 200;

class Screen<T extends { refreshInMs: number }> implements CodeScreen {
  private timer: number | null = null;
  private fetching = false;
  private live = true;

  constructor(
    host: CodeHost,
    private readonly source: CodeSource<T>,
  ) {
    host.setData({ qrSize: qrSizeFor(windowWidth()) });
    keepScreenOn(true);
  }

  get idle(): boolean {
    return !this.fetching && this.timer === null;
  }

  async refresh(): Promise<void> {
    this.fetching = true;
    const res = await this.source.fetch();
    this.fetching = false;
    if (!this.live) return;
    this.clear();
    this.source.show(res);
    if (res.ok) this.timer = setTimeout(() => this.refresh(), res.data.refreshInMs + MARGIN_MS) as unknown as number;
  }

  stop(): void {
    if (!this.live) return;
    this.live = false;
    this.clear();
    keepScreenOn(false);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

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

/**
 * Opens the camera (never the album: a forwarded picture of the screen is no way in) and gives the QR code's text as
 * read, trimmed; null when the person closed the scanner (or it read nothing).
 */
export function scanFromCamera(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (r) => resolve(r.result ? r.result.trim() : null),
      fail: () => resolve(null),
    });
  });
}
