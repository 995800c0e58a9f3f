/**
 * The 公示 tab's first screen, as setData sees it: load pages/notices/index against a realistic page of 10 cards
 * (the demo world's own, tests/support/world-views.ts, or the cards bench/notices.ts listed) and add up the JSON of every setData call until the list is on screen.
 * The platform audit wants ≤ 256 KB per call; the target for this page is ≤ 32 KB in all.
 *
 * Runs under jest's jsdom (tests/component/notices-list.test.ts asserts the target) and under tsx (`npm run
 * bench`), where it installs the same jsdom environment the preview uses.
 */

import { ok } from '../tests/component/harness';
import { recordWorldViews, WORLD_VIEWS_PREVIEW_FILE, worldNoticeCardsPage } from '../tests/support/world-views';
import type { NoticeCardView } from '../typings/actions/notices';
import { firstLoadSetData, kb } from './setdata';

export interface SetDataMeasure {
  /** All setData payloads of the first load, in KB (UTF-8 JSON). */
  totalKb: number;
  /** The largest single call, in KB. */
  largestKb: number;
  calls: number;
  cards: number;
}

/** Loads the 公示 tab with `cards` as the first page and measures every setData. */
export async function measureNoticesSetData(cards: NoticeCardView[]): Promise<SetDataMeasure> {
  const { sizes, shown } = await firstLoadSetData(
    'pages/notices/index',
    { 'notices.list': ok({ items: cards, page: 1, pageSize: cards.length, hasMore: true }) },
    '.notice',
  );
  if (shown !== cards.length) throw new Error(`expected ${cards.length} cards on screen, saw ${shown}`);
  const total = sizes.reduce((a, b) => a + b, 0);
  return { totalKb: kb(total), largestKb: kb(Math.max(0, ...sizes)), calls: sizes.length, cards: shown };
}

/** For `npm run bench notices-setdata`: 10 cards of the demo world. */
export async function run(): Promise<Record<string, number>> {
  await recordWorldViews(WORLD_VIEWS_PREVIEW_FILE);
  const m = await measureNoticesSetData(worldNoticeCardsPage(10));
  console.error(`公示 tab first screen: ${m.totalKb} KB in ${m.calls} setData calls (largest ${m.largestKb} KB)`);
  return { firstScreenSetDataKb: m.totalKb, firstScreenLargestSetDataKb: m.largestKb };
}
