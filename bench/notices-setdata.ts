/**
 * The 公示 tab's first screen, as setData sees it: load pages/notices/index against a realistic page of 10 cards
 * (the demo world's own, tests/support/world-views.ts, or the cards bench/notices.ts listed) and add up the JSON of every setData call until the list is on screen.
 * The platform audit wants ≤ 256 KB per call; the target for this page is ≤ 32 KB in all.
 *
 * Runs under jest's jsdom (tests/component/notices-list.test.ts asserts the target) and under tsx (`npm run
 * bench`), where it installs the same jsdom environment the preview uses.
 */

import { configureHarness, loadPage, MP_ROOT, ok } from '../tests/component/harness';
import { recordWorldViews, worldNoticeCardsPage } from '../tests/support/world-views';
import type { NoticeCardView } from '../typings/actions/notices';

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

/** Loads the 公示 tab with `cards` as the first page and measures every setData. */
export async function measureNoticesSetData(cards: NoticeCardView[]): Promise<SetDataMeasure> {
  await ensureDom();
  const p = await loadPage('pages/notices/index', {
    lifecycle: false,
    responses: { 'notices.list': ok({ items: cards, page: 1, pageSize: cards.length, hasMore: true }) },
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

/** For `npm run bench notices-setdata`: 10 cards of the demo world. */
export async function run(): Promise<Record<string, number>> {
  await recordWorldViews();
  const m = await measureNoticesSetData(worldNoticeCardsPage(10));
  console.error(`公示 tab first screen: ${m.totalKb} KB in ${m.calls} setData calls (largest ${m.largestKb} KB)`);
  return { firstScreenSetDataKb: m.totalKb, firstScreenLargestSetDataKb: m.largestKb };
}
