/**
 * The 公示 tab's first screen, as setData sees it: load pages/notices/index against a realistic page of 10 cards
 * (scripts/preview/demo-notices.ts) and add up the JSON of every setData call until the list is on screen.
 * The platform audit wants ≤ 256 KB per call; the target for this page is ≤ 32 KB in all.
 *
 * Runs under jest's jsdom (tests/component/notices-list.test.ts asserts the target) and under tsx (`npm run
 * bench`), where it installs the same jsdom environment the preview uses.
 */
import type { NoticeCardView } from '../typings/actions/notices';
import { configureHarness, loadPage, MP_ROOT, ok } from '../tests/component/harness';
import { NOTICE_CARDS, noticePage } from '../tests/support/demo-views/notices';

export interface SetDataMeasure {
  /** All setData payloads of the first load, in KB (UTF-8 JSON). */
  totalKb: number;
  /** The largest single call, in KB. */
  largestKb: number;
  calls: number;
  cards: number;
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 100) / 100;

async function ensureDom(): Promise<void> {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') return;
  const { installNodeEnv, nodeResetModules } = await import('../scripts/preview/node-env');
  installNodeEnv();
  configureHarness({ resetModules: nodeResetModules(MP_ROOT) });
}

/** Loads the 公示 tab with `cards` as the first page (default: 10 demo cards) and measures every setData. */
export async function measureNoticesSetData(
  cards: NoticeCardView[] = NOTICE_CARDS.slice(0, 10),
): Promise<SetDataMeasure> {
  await ensureDom();
  const p = await loadPage('pages/notices/index', {
    lifecycle: false,
    responses: { 'notices.list': ok(noticePage(cards, true)) },
  });
  const sizes: number[] = [];
  const inst = p.instance;
  const setData = inst.setData.bind(inst);
  inst.setData = (data: Record<string, unknown>, cb?: () => void) => {
    sizes.push(utf8Bytes(JSON.stringify(data)));
    return setData(data, cb);
  };
  inst.onLoad({});
  inst.onShow?.();
  await p.settle();
  const shown = p.count('.notice');
  p.unload();
  if (shown !== cards.length) throw new Error(`expected ${cards.length} cards on screen, saw ${shown}`);
  const total = sizes.reduce((a, b) => a + b, 0);
  return { totalKb: kb(total), largestKb: kb(Math.max(0, ...sizes)), calls: sizes.length, cards: shown };
}

/** KB of setData on the 公示 tab's first screen (10 cards). */
export async function measureNoticesFirstScreen(): Promise<number> {
  return (await measureNoticesSetData()).totalKb;
}

/** For `npm run bench notices-setdata`. */
export async function run(): Promise<Record<string, number>> {
  const m = await measureNoticesSetData();
  console.error(`公示 tab first screen: ${m.totalKb} KB in ${m.calls} setData calls (largest ${m.largestKb} KB)`);
  return { firstScreenSetDataKb: m.totalKb, firstScreenLargestSetDataKb: m.largestKb };
}
